/**
 * The report model: zod schemas (the API builds OpenAPI from them) and their inferred types.
 *
 * Every number the model holds is a `MeasuredValue`: a number or a Missing marker with its reason, plus the
 * provenance that says which dataset, period, denominator, formula and exclusions produced it. Where the
 * report printed a value and the open data can recompute it, both are held and the difference given.
 * Values are unrounded; `precision` says how many decimals the report prints (use `formatValue`).
 */
import {
  ChangePeriodSchema,
  GRADES,
  MissingSchema,
  NumberOrMissingSchema,
  PeriodSchema,
  ProvenanceSchema,
  SourceSchema,
} from 'peel-data';
import { z } from 'zod';
import { ReconciliationRowSchema } from './reconciliation.ts';

/** Report editions this library can build. */
export const REPORT_EDITIONS = ['peel-2016-effectiveness'] as const;
/** A report edition name. */
export const ReportEditionSchema = z.enum(REPORT_EDITIONS);
export type ReportEdition = z.infer<typeof ReportEditionSchema>;

/** The four grades (peel-data's GRADES), and 'ungraded' (a display state: Q5 in 2016). */
export const GradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof GradeSchema>;
/** A judgment as shown: a grade, 'ungraded', or Missing with the reason. */
export const JudgmentValueSchema = z.union([GradeSchema, z.literal('ungraded'), MissingSchema]);
export type JudgmentValue = z.infer<typeof JudgmentValueSchema>;

/** A period of any kind: a 12-month window, a snapshot, a change between two periods… */
export const AnyPeriodSchema = z.union([PeriodSchema, ChangePeriodSchema]);

/** A force, as the model names it. */
export const ForceRefSchema = z.object({ slug: z.string(), name: z.string(), shortName: z.string() }).strict();
export type ForceRef = z.infer<typeof ForceRefSchema>;

/** A number (or Missing) with where it came from and what to say beside it. */
export const MeasuredValueSchema = z
  .object({
    value: NumberOrMissingSchema,
    provenance: ProvenanceSchema,
    /** Caveats to show with the value (e.g. City of London's population, a partial year). */
    caveats: z.array(z.string()),
  })
  .strict();
export type MeasuredValue = z.infer<typeof MeasuredValueSchema>;

/** A force left out of an aggregate or a ranking, and why. */
export const LeftOutSchema = z.object({ force: z.string(), reason: z.string() }).strict();

/** An England and Wales value with the forces in it and those left out. */
export const EnglandWalesValueSchema = MeasuredValueSchema.extend({
  /** pooled Σ/Σ, mean of force rates, the printed value, or (CR-10) a count of forces. */
  method: z.enum(['pooled', 'mean-of-rates', 'published', 'count-of-forces']),
  included: z.array(z.string()),
  excluded: z.array(LeftOutSchema),
}).strict();
export type EnglandWalesValue = z.infer<typeof EnglandWalesValueSchema>;

/** A band of the banding rule (see banding.ts). */
export const BandSchema = z.enum(['among-the-highest', 'broadly-in-line', 'among-the-lowest']);
/** A comparison with England and Wales at the printed precision. */
export const ComparisonSchema = z.enum(['above', 'in-line', 'below']);

/** A force's place in a banding, with everything needed to check it. */
export const BandResultSchema = z
  .object({
    band: BandSchema,
    rank: z.number().int(),
    rankFromBottom: z.number().int(),
    n: z.number().int(),
    k: z.number().int(),
    cutoffs: z.object({ highest: z.number().optional(), lowest: z.number().optional() }).strict(),
    direction: z.literal('rank 1 = highest value'),
    rule: z.string(),
  })
  .strict();
export type BandResult = z.infer<typeof BandResultSchema>;

/** The banding rule of a metric, with who was ranked. */
export const BandingSummarySchema = z
  .object({
    rule: z.string(),
    direction: z.literal('rank 1 = highest value'),
    n: z.number().int(),
    k: z.number().int(),
    cutoffs: z.object({ highest: z.number().optional(), lowest: z.number().optional() }).strict(),
    notRanked: z.array(LeftOutSchema),
  })
  .strict();
export type BandingSummary = z.infer<typeof BandingSummarySchema>;

/** A value the report printed (Durham only in the bundled data). */
export const PublishedComparisonSchema = z
  .object({ force: NumberOrMissingSchema, englandWales: NumberOrMissingSchema, provenance: ProvenanceSchema })
  .strict();

/**
 * A band the report states in words ("among the highest"), as printed: distinct from `band`, which this library
 * recomputes with its banding rule. Only Durham's report is transcribed, so only Durham's rows have one.
 */
export const PublishedBandSchema = z
  .object({ band: BandSchema, printed: z.string(), provenance: ProvenanceSchema })
  .strict();
export type PublishedBand = z.infer<typeof PublishedBandSchema>;

/** One metric for the report's force: its value, England and Wales, comparison, band, and the printed value if any. */
export const MetricFigureSchema = z
  .object({
    metricId: z.string(),
    label: z.string(),
    unit: z.string(),
    /** Decimal places the report prints. */
    precision: z.number().int(),
    period: z.union([AnyPeriodSchema, MissingSchema]),
    force: MeasuredValueSchema,
    englandWales: EnglandWalesValueSchema,
    comparison: z.union([ComparisonSchema, MissingSchema]),
    band: z.union([BandResultSchema, MissingSchema]).optional(),
    published: PublishedComparisonSchema.optional(),
    /** The band the report states for this row, as printed (Figures 4 and 7 of Durham's report). */
    publishedBand: PublishedBandSchema.optional(),
    /** Recomputed minus published, unrounded (present when both exist). */
    difference: z.object({ force: NumberOrMissingSchema, englandWales: NumberOrMissingSchema }).strict().optional(),
  })
  .strict();
export type MetricFigure = z.infer<typeof MetricFigureSchema>;

/** A number inside a sentence, with its printed form. */
export const SentenceValueSchema = z
  .object({ name: z.string(), value: NumberOrMissingSchema, printed: z.string() })
  .strict();

/** A generated sentence: the words, the numbers in it, the comparator and the rule behind it. */
export const SentenceSchema = z
  .object({
    /** Which pattern produced it, e.g. 'compare-with-england-and-wales', 'change-over-time', 'banding-list'. */
    kind: z.enum([
      'compare-with-england-and-wales',
      'change-over-time',
      'banding-list',
      'missing-data',
      'exclusion',
      'count-of-forces',
      'judgment',
    ]),
    metricIds: z.array(z.string()),
    text: z.string(),
    values: z.array(SentenceValueSchema),
    comparator: z.string().optional(),
    rule: z.string(),
  })
  .strict();
export type Sentence = z.infer<typeof SentenceSchema>;

/** One point of a time series. */
export const SeriesPointSchema = z
  .object({ period: PeriodSchema, force: MeasuredValueSchema, englandWales: EnglandWalesValueSchema.optional() })
  .strict();
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

/** One force's bar in a by-force chart. */
export const ForceBarSchema = z
  .object({
    force: ForceRefSchema,
    value: NumberOrMissingSchema,
    isSubject: z.boolean(),
    band: z.union([BandResultSchema, MissingSchema]).optional(),
    caveats: z.array(z.string()),
  })
  .strict();

const figureBase = {
  /** 1–9, the report's figure number. */
  number: z.number().int().min(1).max(9),
  title: z.string(),
  metricIds: z.array(z.string()),
  period: z.union([AnyPeriodSchema, MissingSchema]),
  notes: z.array(z.string()),
};

/** Figure 1: a time series for the force and England and Wales. */
export const SeriesFigureSchema = z
  .object({
    kind: z.literal('series'),
    ...figureBase,
    unit: z.string(),
    precision: z.number().int(),
    points: z.array(SeriesPointSchema),
  })
  .strict();
/** Figures 2, 4, 7: a table of metrics for the force against England and Wales. */
export const TableRowSchema = MetricFigureSchema.extend({
  /** Outcome number(s) and group of an outcomes row; 'group' rows are sums of their members' counts. */
  rowType: z.enum(['metric', 'outcome', 'group', 'total']),
  outcomeNumbers: z.array(z.number().int()).optional(),
  group: z.string().optional(),
}).strict();
export type TableRow = z.infer<typeof TableRowSchema>;
/** A table figure (2, 4, 7, 9). */
export const TableFigureSchema = z
  .object({ kind: z.literal('table'), ...figureBase, rows: z.array(TableRowSchema) })
  .strict();
/** Figures 3, 5, 6, 8, 9: one value per force, with the report's force highlighted. */
export const ByForceFigureSchema = z
  .object({
    kind: z.literal('by-force'),
    ...figureBase,
    unit: z.string(),
    precision: z.number().int(),
    subject: MetricFigureSchema,
    bars: z.array(ForceBarSchema),
    banding: z.union([BandingSummarySchema, MissingSchema]),
  })
  .strict();
/** Any figure of the report, by kind. */
export const FigureSchema = z.discriminatedUnion('kind', [SeriesFigureSchema, TableFigureSchema, ByForceFigureSchema]);
export type Figure = z.infer<typeof FigureSchema>;

/** A judgment with the question it answers. */
export const JudgmentEntrySchema = z
  .object({
    /** 0 = the overall question; 1–5 the core questions. */
    number: z.number().int().min(0).max(5),
    question: z.string(),
    grade: JudgmentValueSchema,
    previousGrade: z.union([GradeSchema, MissingSchema]).optional(),
    areasForImprovement: z.union([z.array(z.string()), MissingSchema]),
    provenance: ProvenanceSchema.optional(),
  })
  .strict();
export type JudgmentEntry = z.infer<typeof JudgmentEntrySchema>;

/** One data area of the "force in numbers" panel. */
export const ForceInNumbersAreaSchema = z
  .object({
    id: z.enum([
      'calls-for-assistance',
      'recorded-crime-and-outcomes',
      'anti-social-behaviour',
      'domestic-abuse',
      'organised-crime-groups',
      'victim-satisfaction',
    ]),
    label: z.string(),
    items: z.array(MetricFigureSchema),
  })
  .strict();

/** The whole 2016 effectiveness report model for one force. */
export const ForceReportSchema = z
  .object({
    edition: ReportEditionSchema,
    title: z.string(),
    force: ForceRefSchema.extend({ code: z.string() }).strict(),
    judgments: z.object({ overall: JudgmentEntrySchema, questions: z.array(JudgmentEntrySchema) }).strict(),
    forceInNumbers: z.array(ForceInNumbersAreaSchema),
    figures: z.array(FigureSchema),
    /** Change vs 2011, vs the previous year, and the count of forces with an annual increase. */
    crimeChange: z
      .object({
        vs2011: MetricFigureSchema,
        victimBasedVs2011: MetricFigureSchema,
        yearOnYear: MetricFigureSchema,
        forcesWithAnnualIncrease: z
          .object({
            value: NumberOrMissingSchema,
            outOf: z.number().int(),
            forces: z.array(z.string()),
            provenance: ProvenanceSchema,
          })
          .strict(),
      })
      .strict(),
    /** Right to Ask / Right to Know: counts and rates per 100,000 from the published counts. */
    domesticViolenceDisclosure: z.array(MetricFigureSchema),
    /**
     * Every other metric the report mentions with a value, by spec id (published-only values; missing for forces the
     * report does not cover).
     */
    otherMetrics: z.array(MetricFigureSchema),
    /**
     * Every printed value of the force's report that the open data rebuild: printed, recomputed, difference and a
     * cause from a closed list with its evidence (empty where no report has been transcribed; Durham's has).
     */
    reconciliation: z.array(ReconciliationRowSchema),
    sentences: z.array(SentenceSchema),
    footnotes: z.array(z.string()),
    exclusionNotes: z.array(z.string()),
    sources: z.array(SourceSchema),
    /** Present only in a report regenerated for another period end (`periodEnd`): HMIC did not publish it. */
    regeneration: z
      .object({ periodEnd: z.string(), publishedByHmic: z.literal(false), notice: z.string() })
      .strict()
      .optional(),
  })
  .strict();
export type ForceReport = z.infer<typeof ForceReportSchema>;

/** One force's row of a metric across all forces. */
export const MetricRowSchema = z
  .object({
    force: ForceRefSchema,
    value: NumberOrMissingSchema,
    rank: z.number().int().optional(),
    band: BandSchema.optional(),
    provenance: ProvenanceSchema,
    caveats: z.array(z.string()),
  })
  .strict();
export type MetricRow = z.infer<typeof MetricRowSchema>;

/** The catalogue entry, as peel-data defines it (kept open so catalogue fields can grow). */
export const MetricDefinitionRefSchema = z.object({ id: z.string() }).loose();

/** A metric for every territorial force, with England and Wales and the banding. */
export const MetricTableSchema = z
  .object({
    metric: MetricDefinitionRefSchema,
    period: z.union([AnyPeriodSchema, MissingSchema]),
    unit: z.string(),
    precision: z.number().int(),
    rows: z.array(MetricRowSchema),
    englandWales: EnglandWalesValueSchema,
    banding: z.union([BandingSummarySchema, MissingSchema]),
  })
  .strict();
export type MetricTable = z.infer<typeof MetricTableSchema>;

/** A metric over time for one force, or Missing where no series exists. */
export const MetricSeriesSchema = z
  .object({
    metric: MetricDefinitionRefSchema,
    force: ForceRefSchema,
    unit: z.string(),
    precision: z.number().int(),
    series: z.union([z.array(SeriesPointSchema), MissingSchema]),
  })
  .strict();
export type MetricSeries = z.infer<typeof MetricSeriesSchema>;

/** Overall effectiveness grade by PEEL year and the movement between years. */
export const GradeHistorySchema = z
  .object({
    force: ForceRefSchema,
    years: z.array(
      z
        .object({
          year: z.number().int(),
          grade: z.union([GradeSchema, MissingSchema]),
          provenance: ProvenanceSchema.optional(),
        })
        .strict(),
    ),
    movements: z.array(
      z
        .object({ from: z.number().int(), to: z.number().int(), movement: z.enum(['up', 'down', 'same', 'unknown']) })
        .strict(),
    ),
  })
  .strict();
export type GradeHistory = z.infer<typeof GradeHistorySchema>;
