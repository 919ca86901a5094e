/**
 * The report model: hand-written types, no zod (the zod schemas that check them are in src/schema/, on the
 * `peel-metrics/schemas` entry; src/schema/schema-types.test.ts checks each schema's output equals its type).
 *
 * Every number the model holds is a `MeasuredValue`: a number or a Missing marker with its reason, plus the
 * provenance that says which dataset, period, denominator, formula and exclusions produced it. Where the
 * report printed a value and the open data can recompute it, both are held and the difference given.
 * Values are unrounded; `precision` says how many decimals the report prints (use `formatValue`).
 */
import type { ChangePeriod, Grade, Missing, NumberOrMissing, Period, Provenance, Source } from 'peel-data';
import type { LeftOut } from '../aggregate.ts';
import type { Band } from '../banding.ts';
import type { Comparison } from '../compare.ts';
import type { ReconciliationRow } from './reconciliation.ts';

/**
 * Report editions this library can build.
 * @example REPORT_EDITIONS[0] // 'peel-2016-effectiveness'
 */
export const REPORT_EDITIONS = ['peel-2016-effectiveness'] as const;
/** A report edition name. */
export type ReportEdition = (typeof REPORT_EDITIONS)[number];

/** A judgment as shown: one of peel-data's GRADES, 'ungraded' (a display state: Q5 in 2016), or Missing. */
export type JudgmentValue = Grade | 'ungraded' | Missing;

/** A period of any kind: a 12-month window, a snapshot, a change between two periods… */
export type AnyPeriod = Period | ChangePeriod;

/** A force, as the model names it. */
export interface ForceRef {
  slug: string;
  name: string;
  shortName: string;
}

/** A number (or Missing) with where it came from and what to say beside it. */
export interface MeasuredValue {
  value: NumberOrMissing;
  provenance: Provenance;
  /** Caveats to show with the value (e.g. City of London's population, a partial year). */
  caveats: string[];
}

/** How an England and Wales value was made: pooled Σ/Σ, mean of force rates, the printed value, or a count. */
export type EnglandWalesMethod = 'pooled' | 'mean-of-rates' | 'published' | 'count-of-forces';

/** An England and Wales value with the forces in it and those left out. */
export interface EnglandWalesValue extends MeasuredValue {
  /** pooled Σ/Σ, mean of force rates, the printed value, or (CR-10) a count of forces. */
  method: EnglandWalesMethod;
  included: string[];
  excluded: LeftOut[];
}

/** The cut-off values of a banding (absent where no force falls in that tail). */
export interface BandCutoffs {
  highest?: number | undefined;
  lowest?: number | undefined;
}

/** A force's place in a banding, with everything needed to check it. */
export interface BandResult {
  band: Band;
  rank: number;
  rankFromBottom: number;
  n: number;
  k: number;
  cutoffs: BandCutoffs;
  direction: 'rank 1 = highest value';
  rule: string;
}

/** The banding rule of a metric, with who was ranked. */
export interface BandingSummary {
  rule: string;
  direction: 'rank 1 = highest value';
  n: number;
  k: number;
  cutoffs: BandCutoffs;
  notRanked: LeftOut[];
}

/** A value the report printed (Durham only in the bundled data). */
export interface PublishedComparison {
  force: NumberOrMissing;
  englandWales: NumberOrMissing;
  provenance: Provenance;
}

/**
 * A band the report states in words ("among the highest"), as printed: distinct from `band`, which this library
 * recomputes with its banding rule. Only Durham's report is transcribed, so only Durham's rows have one.
 */
export interface PublishedBand {
  band: Band;
  printed: string;
  provenance: Provenance;
}

/** One metric for the report's force: its value, England and Wales, comparison, band, and the printed value if any. */
export interface MetricFigure {
  metricId: string;
  label: string;
  unit: string;
  /** Decimal places the report prints. */
  precision: number;
  period: AnyPeriod | Missing;
  force: MeasuredValue;
  englandWales: EnglandWalesValue;
  comparison: Comparison | Missing;
  band?: BandResult | Missing | undefined;
  published?: PublishedComparison | undefined;
  /** The band the report states for this row, as printed (Figures 4 and 7 of Durham's report). */
  publishedBand?: PublishedBand | undefined;
  /** Recomputed minus published, unrounded (present when both exist). */
  difference?: { force: NumberOrMissing; englandWales: NumberOrMissing } | undefined;
}

/** A number inside a sentence, with its printed form. */
export interface SentenceValue {
  name: string;
  value: NumberOrMissing;
  printed: string;
}

/** The patterns a generated sentence can follow. */
export type SentenceKind =
  | 'compare-with-england-and-wales'
  | 'change-over-time'
  | 'banding-list'
  | 'missing-data'
  | 'exclusion'
  | 'count-of-forces'
  | 'judgment';

/** A generated sentence: the words, the numbers in it, the comparator and the rule behind it. */
export interface Sentence {
  /** Which pattern produced it, e.g. 'compare-with-england-and-wales', 'change-over-time', 'banding-list'. */
  kind: SentenceKind;
  metricIds: string[];
  text: string;
  values: SentenceValue[];
  comparator?: string | undefined;
  rule: string;
}

/** One point of a time series. */
export interface SeriesPoint {
  period: Period;
  force: MeasuredValue;
  englandWales?: EnglandWalesValue | undefined;
}

/** One force's bar in a by-force chart. */
export interface ForceBar {
  force: ForceRef;
  value: NumberOrMissing;
  isSubject: boolean;
  band?: BandResult | Missing | undefined;
  caveats: string[];
}

/** What every figure has. */
export interface FigureBase {
  /** 1–9, the report's figure number. */
  number: number;
  title: string;
  metricIds: string[];
  period: AnyPeriod | Missing;
  notes: string[];
}

/** Figure 1: a time series for the force and England and Wales. */
export interface SeriesFigure extends FigureBase {
  kind: 'series';
  unit: string;
  precision: number;
  points: SeriesPoint[];
}

/** A row of a table figure: a metric, or (outcomes tables) an outcome, a group of outcomes or the total. */
export interface TableRow extends MetricFigure {
  /** Outcome number(s) and group of an outcomes row; 'group' rows are sums of their members' counts. */
  rowType: 'metric' | 'outcome' | 'group' | 'total';
  outcomeNumbers?: number[] | undefined;
  group?: string | undefined;
}

/** A table figure (2, 4, 7, 9): metrics for the force against England and Wales. */
export interface TableFigure extends FigureBase {
  kind: 'table';
  rows: TableRow[];
}

/** Figures 3, 5, 6, 8, 9: one value per force, with the report's force highlighted. */
export interface ByForceFigure extends FigureBase {
  kind: 'by-force';
  unit: string;
  precision: number;
  subject: MetricFigure;
  bars: ForceBar[];
  banding: BandingSummary | Missing;
}

/** Any figure of the report, by kind. */
export type Figure = SeriesFigure | TableFigure | ByForceFigure;

/** A judgment with the question it answers. */
export interface JudgmentEntry {
  /** 0 = the overall question; 1–5 the core questions. */
  number: number;
  question: string;
  grade: JudgmentValue;
  previousGrade?: Grade | Missing | undefined;
  areasForImprovement: string[] | Missing;
  provenance?: Provenance | undefined;
}

/** The data areas of the "force in numbers" panel. */
export type ForceInNumbersAreaId =
  | 'calls-for-assistance'
  | 'recorded-crime-and-outcomes'
  | 'anti-social-behaviour'
  | 'domestic-abuse'
  | 'organised-crime-groups'
  | 'victim-satisfaction';

/** One data area of the "force in numbers" panel. */
export interface ForceInNumbersArea {
  id: ForceInNumbersAreaId;
  label: string;
  items: MetricFigure[];
}

/** The report's force: its names and its ONS code. */
export interface ReportForce extends ForceRef {
  code: string;
}

/** The count of forces whose crime rose over the year, with which ones. */
export interface ForcesWithAnnualIncrease {
  value: NumberOrMissing;
  outOf: number;
  forces: string[];
  provenance: Provenance;
}

/** A report regenerated for another period end: HMIC did not publish it. */
export interface Regeneration {
  periodEnd: string;
  publishedByHmic: false;
  notice: string;
}

/** The whole 2016 effectiveness report model for one force. */
export interface ForceReport {
  edition: ReportEdition;
  title: string;
  force: ReportForce;
  judgments: { overall: JudgmentEntry; questions: JudgmentEntry[] };
  forceInNumbers: ForceInNumbersArea[];
  figures: Figure[];
  /** Change vs 2011, vs the previous year, and the count of forces with an annual increase. */
  crimeChange: {
    vs2011: MetricFigure;
    victimBasedVs2011: MetricFigure;
    yearOnYear: MetricFigure;
    forcesWithAnnualIncrease: ForcesWithAnnualIncrease;
  };
  /** Right to Ask / Right to Know: counts and rates per 100,000 from the published counts. */
  domesticViolenceDisclosure: MetricFigure[];
  /**
   * Every other metric the report mentions with a value, by spec id (published-only values; missing for forces the
   * report does not cover).
   */
  otherMetrics: MetricFigure[];
  /**
   * Every printed value of the force's report that the open data rebuild: printed, recomputed, difference and a
   * cause from a closed list with its evidence (empty where no report has been transcribed; Durham's has).
   */
  reconciliation: ReconciliationRow[];
  sentences: Sentence[];
  footnotes: string[];
  exclusionNotes: string[];
  sources: Source[];
  /** Present only in a report regenerated for another period end (`periodEnd`): HMIC did not publish it. */
  regeneration?: Regeneration | undefined;
}

/** One force's row of a metric across all forces. */
export interface MetricRow {
  force: ForceRef;
  value: NumberOrMissing;
  rank?: number | undefined;
  band?: Band | undefined;
  provenance: Provenance;
  caveats: string[];
}

/** The catalogue entry, as the registry defines it (kept open so catalogue fields can grow). */
export interface MetricDefinitionRef {
  id: string;
  [field: string]: unknown;
}

/** A metric for every territorial force, with England and Wales and the banding. */
export interface MetricTable {
  metric: MetricDefinitionRef;
  period: AnyPeriod | Missing;
  unit: string;
  precision: number;
  rows: MetricRow[];
  englandWales: EnglandWalesValue;
  banding: BandingSummary | Missing;
}

/** A metric over time for one force, or Missing where no series exists. */
export interface MetricSeries {
  metric: MetricDefinitionRef;
  force: ForceRef;
  unit: string;
  precision: number;
  series: SeriesPoint[] | Missing;
}

/** The movement of a grade between two PEEL years. */
export type GradeMovement = 'up' | 'down' | 'same' | 'unknown';

/** Overall effectiveness grade by PEEL year and the movement between years. */
export interface GradeHistory {
  force: ForceRef;
  years: { year: number; grade: Grade | Missing; provenance?: Provenance | undefined }[];
  movements: { from: number; to: number; movement: GradeMovement }[];
}
