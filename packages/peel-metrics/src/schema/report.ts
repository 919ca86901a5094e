/**
 * The zod schemas of the report model (src/model/types.ts has the types). The API builds its OpenAPI document from
 * them; users get them from `peel-metrics/schemas`. Each is typed by its hand-written type (see typed.ts), and
 * schema-types.test.ts checks the built reports of every force against them.
 */
import {
  ChangePeriodSchema,
  GradeSchema,
  MissingSchema,
  NumberOrMissingSchema,
  PeriodSchema,
  ProvenanceSchema,
  SourceSchema,
} from 'peel-data/schemas';
import { z } from 'zod';
import type { LeftOut } from '../aggregate.ts';
import { BANDS, type Band } from '../banding.ts';
import { COMPARISONS, type Comparison } from '../compare.ts';
import {
  REPORT_EDITIONS,
  type AnyPeriod,
  type BandingSummary,
  type BandResult,
  type ByForceFigure,
  type EnglandWalesValue,
  type Figure,
  type ForceBar,
  type ForceInNumbersArea,
  type ForceRef,
  type ForceReport,
  type GradeHistory,
  type JudgmentEntry,
  type JudgmentValue,
  type MeasuredValue,
  type MetricDefinitionRef,
  type MetricFigure,
  type MetricRow,
  type MetricSeries,
  type MetricTable,
  type PublishedBand,
  type PublishedComparison,
  type ReportEdition,
  type Sentence,
  type SentenceValue,
  type SeriesFigure,
  type SeriesPoint,
  type TableFigure,
  type TableRow,
} from '../model/types.ts';
import { ReconciliationRowSchema } from './reconciliation.ts';
import { objectSchema, schemaOf, type ObjectSchema } from './typed.ts';

/**
 * A report edition name.
 * @example ReportEditionSchema.parse('peel-2016-effectiveness')
 */
export const ReportEditionSchema: z.ZodType<ReportEdition> = schemaOf<ReportEdition>()(z.enum(REPORT_EDITIONS));

/**
 * A judgment as shown: a grade (peel-data's GRADES), 'ungraded', or Missing with the reason.
 * @example JudgmentValueSchema.parse('ungraded')
 */
export const JudgmentValueSchema: z.ZodType<JudgmentValue> = schemaOf<JudgmentValue>()(
  z.union([GradeSchema, z.literal('ungraded'), MissingSchema]),
);

/**
 * A period of any kind: a 12-month window, a snapshot, a change between two periods…
 * @example AnyPeriodSchema.parse({ type: 'rolling-12m', end: '2016-06-30' })
 */
export const AnyPeriodSchema: z.ZodType<AnyPeriod> = schemaOf<AnyPeriod>()(z.union([PeriodSchema, ChangePeriodSchema]));

/**
 * A force, as the model names it.
 * @example ForceRefSchema.parse({ slug: 'durham', name: 'Durham Constabulary', shortName: 'Durham' })
 */
export const ForceRefSchema: ObjectSchema<ForceRef> = objectSchema<ForceRef>()(
  z.object({ slug: z.string(), name: z.string(), shortName: z.string() }).strict(),
);

/**
 * A number (or Missing) with where it came from and what to say beside it.
 * @example MeasuredValueSchema.parse(buildForceReport('durham').crimeChange.vs2011.force)
 */
export const MeasuredValueSchema: ObjectSchema<MeasuredValue> = objectSchema<MeasuredValue>()(
  z
    .object({
      value: NumberOrMissingSchema,
      provenance: ProvenanceSchema,
      /** Caveats to show with the value (e.g. City of London's population, a partial year). */
      caveats: z.array(z.string()),
    })
    .strict(),
);

/**
 * A force left out of an aggregate or a ranking, and why.
 * @example LeftOutSchema.parse({ force: 'city-of-london', reason: 'resident population too small' })
 */
export const LeftOutSchema: ObjectSchema<LeftOut> = objectSchema<LeftOut>()(
  z.object({ force: z.string(), reason: z.string() }).strict(),
);

/**
 * An England and Wales value with the forces in it and those left out.
 * @example EnglandWalesValueSchema.parse(buildForceReport('durham').crimeChange.vs2011.englandWales).method
 */
export const EnglandWalesValueSchema: ObjectSchema<EnglandWalesValue> = objectSchema<EnglandWalesValue>()(
  MeasuredValueSchema.extend({
    /** pooled Σ/Σ, mean of force rates, the printed value, or (CR-10) a count of forces. */
    method: z.enum(['pooled', 'mean-of-rates', 'published', 'count-of-forces']),
    included: z.array(z.string()),
    excluded: z.array(LeftOutSchema),
  }).strict(),
);

/**
 * A band of the banding rule (see banding.ts).
 * @example BandSchema.parse('among-the-highest')
 */
export const BandSchema: z.ZodType<Band> = schemaOf<Band>()(z.enum(BANDS));
/**
 * A comparison with England and Wales at the printed precision.
 * @example ComparisonSchema.parse('above')
 */
export const ComparisonSchema: z.ZodType<Comparison> = schemaOf<Comparison>()(z.enum(COMPARISONS));

const CutoffsSchema = z.object({ highest: z.number().optional(), lowest: z.number().optional() }).strict();

/**
 * A force's place in a banding, with everything needed to check it.
 * @example BandResultSchema.shape.band
 */
export const BandResultSchema: ObjectSchema<BandResult> = objectSchema<BandResult>()(
  z
    .object({
      band: BandSchema,
      rank: z.number().int(),
      rankFromBottom: z.number().int(),
      n: z.number().int(),
      k: z.number().int(),
      cutoffs: CutoffsSchema,
      direction: z.literal('rank 1 = highest value'),
      rule: z.string(),
    })
    .strict(),
);

/**
 * The banding rule of a metric, with who was ranked.
 * @example BandingSummarySchema.shape.notRanked
 */
export const BandingSummarySchema: ObjectSchema<BandingSummary> = objectSchema<BandingSummary>()(
  z
    .object({
      rule: z.string(),
      direction: z.literal('rank 1 = highest value'),
      n: z.number().int(),
      k: z.number().int(),
      cutoffs: CutoffsSchema,
      notRanked: z.array(LeftOutSchema),
    })
    .strict(),
);

/**
 * A value the report printed (Durham only in the bundled data).
 * @example PublishedComparisonSchema.shape.englandWales
 */
export const PublishedComparisonSchema: ObjectSchema<PublishedComparison> = objectSchema<PublishedComparison>()(
  z
    .object({ force: NumberOrMissingSchema, englandWales: NumberOrMissingSchema, provenance: ProvenanceSchema })
    .strict(),
);

/**
 * A band the report states in words ("among the highest"), as printed: distinct from `band`, which this library
 * recomputes with its banding rule. Only Durham's report is transcribed, so only Durham's rows have one.
 * @example PublishedBandSchema.shape.printed
 */
export const PublishedBandSchema: ObjectSchema<PublishedBand> = objectSchema<PublishedBand>()(
  z.object({ band: BandSchema, printed: z.string(), provenance: ProvenanceSchema }).strict(),
);

/**
 * One metric for the report's force: its value, England and Wales, comparison, band, and the printed value if any.
 * @example MetricFigureSchema.parse(buildForceReport('durham').crimeChange.vs2011).metricId
 */
export const MetricFigureSchema: ObjectSchema<MetricFigure> = objectSchema<MetricFigure>()(
  z
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
    .strict(),
);

/**
 * A number inside a sentence, with its printed form.
 * @example SentenceValueSchema.parse({ name: 'force', value: 6.7, printed: '6.7' })
 */
export const SentenceValueSchema: ObjectSchema<SentenceValue> = objectSchema<SentenceValue>()(
  z.object({ name: z.string(), value: NumberOrMissingSchema, printed: z.string() }).strict(),
);

/**
 * A generated sentence: the words, the numbers in it, the comparator and the rule behind it.
 * @example SentenceSchema.parse(buildForceReport('durham').sentences[0]).kind
 */
export const SentenceSchema: ObjectSchema<Sentence> = objectSchema<Sentence>()(
  z
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
    .strict(),
);

/**
 * One point of a time series.
 * @example SeriesPointSchema.shape.period
 */
export const SeriesPointSchema: ObjectSchema<SeriesPoint> = objectSchema<SeriesPoint>()(
  z
    .object({ period: PeriodSchema, force: MeasuredValueSchema, englandWales: EnglandWalesValueSchema.optional() })
    .strict(),
);

/**
 * One force's bar in a by-force chart.
 * @example ForceBarSchema.shape.isSubject
 */
export const ForceBarSchema: ObjectSchema<ForceBar> = objectSchema<ForceBar>()(
  z
    .object({
      force: ForceRefSchema,
      value: NumberOrMissingSchema,
      isSubject: z.boolean(),
      band: z.union([BandResultSchema, MissingSchema]).optional(),
      caveats: z.array(z.string()),
    })
    .strict(),
);

const figureBase = {
  /** 1–9, the report's figure number. */
  number: z.number().int().min(1).max(9),
  title: z.string(),
  metricIds: z.array(z.string()),
  period: z.union([AnyPeriodSchema, MissingSchema]),
  notes: z.array(z.string()),
};

/**
 * Figure 1: a time series for the force and England and Wales.
 * @example SeriesFigureSchema.shape.kind
 */
export const SeriesFigureSchema: ObjectSchema<SeriesFigure> = objectSchema<SeriesFigure>()(
  z
    .object({
      kind: z.literal('series'),
      ...figureBase,
      unit: z.string(),
      precision: z.number().int(),
      points: z.array(SeriesPointSchema),
    })
    .strict(),
);
/**
 * A row of a table figure (2, 4, 7, 9).
 * @example TableRowSchema.shape.rowType
 */
export const TableRowSchema: ObjectSchema<TableRow> = objectSchema<TableRow>()(
  MetricFigureSchema.extend({
    /** Outcome number(s) and group of an outcomes row; 'group' rows are sums of their members' counts. */
    rowType: z.enum(['metric', 'outcome', 'group', 'total']),
    outcomeNumbers: z.array(z.number().int()).optional(),
    group: z.string().optional(),
  }).strict(),
);
/**
 * A table figure (2, 4, 7, 9).
 * @example TableFigureSchema.shape.rows
 */
export const TableFigureSchema: ObjectSchema<TableFigure> = objectSchema<TableFigure>()(
  z.object({ kind: z.literal('table'), ...figureBase, rows: z.array(TableRowSchema) }).strict(),
);
/**
 * Figures 3, 5, 6, 8, 9: one value per force, with the report's force highlighted.
 * @example ByForceFigureSchema.shape.bars
 */
export const ByForceFigureSchema: ObjectSchema<ByForceFigure> = objectSchema<ByForceFigure>()(
  z
    .object({
      kind: z.literal('by-force'),
      ...figureBase,
      unit: z.string(),
      precision: z.number().int(),
      subject: MetricFigureSchema,
      bars: z.array(ForceBarSchema),
      banding: z.union([BandingSummarySchema, MissingSchema]),
    })
    .strict(),
);
/**
 * Any figure of the report, by kind.
 * @example FigureSchema.parse(buildForceReport('durham').figures[0]).kind // 'series'
 */
export const FigureSchema: z.ZodType<Figure> = schemaOf<Figure>()(
  z.discriminatedUnion('kind', [SeriesFigureSchema, TableFigureSchema, ByForceFigureSchema]),
);

/**
 * A judgment with the question it answers.
 * @example JudgmentEntrySchema.parse(buildForceReport('durham').judgments.overall).number // 0
 */
export const JudgmentEntrySchema: ObjectSchema<JudgmentEntry> = objectSchema<JudgmentEntry>()(
  z
    .object({
      /** 0 = the overall question; 1–5 the core questions. */
      number: z.number().int().min(0).max(5),
      question: z.string(),
      grade: JudgmentValueSchema,
      previousGrade: z.union([GradeSchema, MissingSchema]).optional(),
      areasForImprovement: z.union([z.array(z.string()), MissingSchema]),
      provenance: ProvenanceSchema.optional(),
    })
    .strict(),
);

/**
 * One data area of the "force in numbers" panel.
 * @example ForceInNumbersAreaSchema.parse(buildForceReport('durham').forceInNumbers[0]).id
 */
export const ForceInNumbersAreaSchema: ObjectSchema<ForceInNumbersArea> = objectSchema<ForceInNumbersArea>()(
  z
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
    .strict(),
);

/**
 * The whole 2016 effectiveness report model for one force.
 * @example ForceReportSchema.safeParse(buildForceReport('durham')).success // true
 */
export const ForceReportSchema: ObjectSchema<ForceReport> = objectSchema<ForceReport>()(
  z
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
       * Every other metric the report mentions with a value, by spec id (published-only values; missing for forces
       * the report does not cover).
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
    .strict(),
);

/**
 * One force's row of a metric across all forces.
 * @example MetricRowSchema.shape.rank
 */
export const MetricRowSchema: ObjectSchema<MetricRow> = objectSchema<MetricRow>()(
  z
    .object({
      force: ForceRefSchema,
      value: NumberOrMissingSchema,
      rank: z.number().int().optional(),
      band: BandSchema.optional(),
      provenance: ProvenanceSchema,
      caveats: z.array(z.string()),
    })
    .strict(),
);

/**
 * The catalogue entry, as the registry defines it (kept open so catalogue fields can grow).
 * @example MetricDefinitionRefSchema.parse({ id: 'asb_rate', label: 'ASB incidents per 1,000 population' }).id
 */
export const MetricDefinitionRefSchema: z.ZodType<MetricDefinitionRef> = schemaOf<MetricDefinitionRef>()(
  z.object({ id: z.string() }).loose(),
);

/**
 * A metric for every territorial force, with England and Wales and the banding.
 * @example MetricTableSchema.safeParse(metricForAllForces(bundledRelease, 'asb_rate')).success // true
 */
export const MetricTableSchema: ObjectSchema<MetricTable> = objectSchema<MetricTable>()(
  z
    .object({
      metric: MetricDefinitionRefSchema,
      period: z.union([AnyPeriodSchema, MissingSchema]),
      unit: z.string(),
      precision: z.number().int(),
      rows: z.array(MetricRowSchema),
      englandWales: EnglandWalesValueSchema,
      banding: z.union([BandingSummarySchema, MissingSchema]),
    })
    .strict(),
);

/**
 * A metric over time for one force, or Missing where no series exists.
 * @example MetricSeriesSchema.shape.series
 */
export const MetricSeriesSchema: ObjectSchema<MetricSeries> = objectSchema<MetricSeries>()(
  z
    .object({
      metric: MetricDefinitionRefSchema,
      force: ForceRefSchema,
      unit: z.string(),
      precision: z.number().int(),
      series: z.union([z.array(SeriesPointSchema), MissingSchema]),
    })
    .strict(),
);

/**
 * Overall effectiveness grade by PEEL year and the movement between years.
 * @example GradeHistorySchema.parse(gradeHistory('durham')).years.length // 3
 */
export const GradeHistorySchema: ObjectSchema<GradeHistory> = objectSchema<GradeHistory>()(
  z
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
          .object({
            from: z.number().int(),
            to: z.number().int(),
            movement: z.enum(['up', 'down', 'same', 'unknown']),
          })
          .strict(),
      ),
    })
    .strict(),
);
