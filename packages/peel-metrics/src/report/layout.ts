/**
 * The shape of a report layout: an edition described as data (figures, the force-in-numbers panels, the crime-change
 * block, footnotes, the order of the narrative sentences), which build-force-report.ts walks once. A metric is named
 * by its registry id; labels, units and precision come from the registry, never from the layout. Text that depends
 * on the force or the data (titles naming the force, notes naming the outcomes period) is a small function of the
 * layout context.
 */
import type { Force, Period } from 'peel-data';
import type { MetricsRelease } from '../data/release.ts';
import type { ForceReport, ReportEdition } from '../model/types.ts';
import type { MetricId, PartId, RowMetricId } from '../registry/ids.ts';

/** What text in a layout can depend on. */
export interface LayoutContext {
  release: MetricsRelease;
  force: Force;
}

/** Text, or text built from the context. */
export type LayoutText = string | ((context: LayoutContext) => string);
/** Notes, or notes built from the context. */
export type LayoutNotes = readonly string[] | ((context: LayoutContext) => string[]);

/** Where a printed value covers another period than the recomputed one, why no difference is taken. */
type PrintedPeriodDiffers = { publishedPeriodDiffers?: string };

/** Which of the metric's exclusion rules a figure lists in its notes (none when omitted). */
type ExclusionNotes = { exclusionNotes?: 'all' | 'excluded' };

/** A figure of the report, by kind. `number` is the figure's number in the report. */
export type FigureLayout =
  /** One metric over the quarter ends from `from` to the report's end, for the force and England and Wales. */
  | { kind: 'series'; number: number; metric: MetricId; title: LayoutText; from: string; notes: LayoutNotes }
  /** A table of metrics for the force against England and Wales, one row each. */
  | { kind: 'metric-table'; number: number; title: LayoutText; metrics: readonly MetricId[]; notes: LayoutNotes }
  /** One metric for every force, the report's force highlighted. */
  | ({
      kind: 'by-force';
      number: number;
      metric: MetricId;
      title: LayoutText;
      notes: LayoutNotes;
    } & PrintedPeriodDiffers &
      ExclusionNotes)
  /**
   * The outcomes table: one row per outcome type or group of `metric` (`<metric>:<row>`), the printed table beside
   * (its values, its bands, and why the two are not subtracted).
   */
  | ({
      kind: 'outcomes-table';
      number: number;
      metric: MetricId;
      metricIds: readonly MetricId[];
      title: LayoutText;
      notes: LayoutNotes;
      printedNote: string;
      printedBandNote: string;
      printedDiffers: { force: string; englandWales: string };
    } & ExclusionNotes)
  /** A table printed in the report only (Durham's), with the printed bands; Missing for other forces. */
  | ({
      kind: 'printed-outcomes-table';
      number: number;
      metric: MetricId;
      title: LayoutText;
      notes: LayoutNotes;
      unit: string;
      printedNote: string;
      printedBandNote: string;
      notOpen: string;
      bandNotOpen: string;
    } & ExclusionNotes)
  /** A single printed metric shown as a one-row table. */
  | ({
      kind: 'printed-table';
      number: number;
      metric: MetricId;
      title: LayoutText;
      period: Period;
      notes: LayoutNotes;
    } & ExclusionNotes);

/** An item of a force-in-numbers panel. */
export type PanelItemLayout =
  | ({ kind: 'metric'; metric: MetricId | PartId } & PrintedPeriodDiffers)
  /** A row of a table figure, labelled as that row ("<row> (share of offences recorded)"). */
  | { kind: 'figure-row'; metric: RowMetricId; figure: number; label: string }
  /**
   * A metric no dataset holds: Missing with the reason, or with the reason of the metric's exclusion rule for the
   * force where `exclusionRuleFirst` and there is one.
   */
  | {
      kind: 'unavailable';
      metric: MetricId;
      label: string;
      reason: LayoutText;
      exclusionRuleFirst?: boolean;
      englandWalesMethod?: 'mean-of-rates';
    };

/** A force-in-numbers panel. */
export interface PanelLayout {
  id: ForceReport['forceInNumbers'][number]['id'];
  label: string;
  items: readonly PanelItemLayout[];
}

/** Where a sentence finds its figure: a numbered figure, a panel item, or the crime-change block. */
export type FigureRef =
  | { figure: number }
  | { panel: string; metric: MetricId }
  | { crimeChange: 'vs2011' | 'victimBasedVs2011' | 'yearOnYear' };

/** One step of the narrative, in the order the sentences are written. */
export type SentenceLayout =
  | { kind: 'judgment' }
  /** One comparison per row of a table figure; `cityOfLondonNote` is added to City of London's numeric rows. */
  | { kind: 'table-comparisons'; figure: number; cityOfLondonNote: string }
  | { kind: 'change'; of: FigureRef; measure: string; basis: 'counts' | 'rates'; periodWords: 'the' | 'bare' }
  | { kind: 'forces-with-increase'; measure: string; period: string }
  /** A comparison with England and Wales; `measure` and `unit` default to the figure's label and unit. */
  | { kind: 'comparison'; of: FigureRef; measure?: string; unit?: string; missingSentence?: boolean }
  | { kind: 'banding'; figure: number }
  /** A comparison for each panel-free list item whose id ends in `_rate` (the disclosure rates). */
  | { kind: 'disclosure-comparisons'; period: string }
  | { kind: 'missing'; of: FigureRef; measure: string }
  /** One sentence per metric that leaves forces out, naming them. */
  | { kind: 'exclusions'; metrics: readonly (readonly [MetricId, string])[] };

/** A footnote, for every force or one force only. */
export type FootnoteLayout = string | { force: string; text: string };

/** A report edition as data. */
export interface ReportLayout {
  edition: ReportEdition;
  title: LayoutText;
  /** The window the report is about (12 months to this date): the default period of its metrics. */
  periodEnd: string;
  figures: readonly FigureLayout[];
  forceInNumbers: readonly PanelLayout[];
  crimeChange: {
    vs2011: MetricId;
    victimBasedVs2011: MetricId;
    yearOnYear: MetricId;
    forcesWithAnnualIncrease: MetricId;
  };
  domesticViolenceDisclosure: readonly PartId[];
  /** Printed figures shown under "other metrics": every printed figure of the force except these. */
  otherMetricsExcept: readonly (MetricId | PartId)[];
  sentences: readonly SentenceLayout[];
  footnotes: readonly FootnoteLayout[];
  /** Metrics whose exclusion rules are listed in the report's exclusion notes. */
  exclusionNotesFor: readonly MetricId[];
}
