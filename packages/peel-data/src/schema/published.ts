import { z } from 'zod';
import { MissingSchema } from './missing.ts';
import { ChangePeriodSchema, PeriodSchema } from './period.ts';

// The types live in types/published.ts (no zod), re-exported here for the import parsers.
export type {
  DurhamPublished,
  PrintedGrade,
  PrintedPeriod,
  PublishedFigure,
  PublishedOutcomeRow,
  PublishedTableMeta,
  PublishedValue,
} from '../types/published.ts';

/**
 * A period as the report prints it, and typed where the wording allows (Missing when it does not).
 * @example
 * PrintedPeriodSchema.parse({ text: '12 months to 30 June 2016', typed: { type: 'rolling-12m', end: '2016-06-30' } })
 */
export const PrintedPeriodSchema = z
  .object({ text: z.string().min(1), typed: z.union([PeriodSchema, ChangePeriodSchema, MissingSchema]) })
  .strict();

/**
 * A printed number (or range), with the exact text printed; Missing when the report prints none.
 * @example PublishedValueSchema.parse({ value: 6.7, printed: '6.7' })
 */
export const PublishedValueSchema = z
  .object({
    value: z.union([z.number(), z.object({ min: z.number(), max: z.number() }).strict(), MissingSchema]),
    printed: z.union([z.string().min(1), MissingSchema]),
  })
  .strict();

/**
 * One figure printed in the Durham 2016 report: Durham's value and England and Wales's, never computed.
 * @example PublishedFigureSchema.parse(durhamPublished.figures[0]).id // 'crime_rate_assault_with_injury'
 */
export const PublishedFigureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    label: z.string().min(1),
    unit: z.string().min(1),
    period: PrintedPeriodSchema,
    durham: PublishedValueSchema,
    englandWales: PublishedValueSchema,
    source: z.string().min(1),
    notes: z.string(),
    /** Line references in the plain-text copy of the report the editors used. */
    sourceLines: z.string(),
    comparisonText: z.string().optional(),
    band: z.string().optional(),
    target: z.number().optional(),
  })
  .strict();

/**
 * A row of the Figure 4 (outcomes) or Figure 7 (domestic abuse outcomes) table as printed.
 * @example PublishedOutcomeRowSchema.parse(durhamPublished.outcomes[0]).type // 'Charged/Summonsed'
 */
export const PublishedOutcomeRowSchema = z
  .object({
    figure: z.union([z.literal(4), z.literal(7)]),
    /** Outcome number as printed ("1", "*"); Missing for group and total rows that print none. */
    number: z.union([z.string().min(1), MissingSchema]),
    type: z.string().min(1),
    group: z.string().optional(),
    rowType: z.enum(['outcome', 'group', 'total']),
    durham: PublishedValueSchema,
    englandWales: PublishedValueSchema,
    band: z.string().optional(),
    members: z.array(z.string()).optional(),
    note: z.string().optional(),
  })
  .strict();

/**
 * Title, unit, period, source and exclusions of a printed table (Figures 4 and 7).
 * @example PublishedTableMetaSchema.parse(durhamPublished.outcomesMeta).figure // 4
 */
export const PublishedTableMetaSchema = z
  .object({
    figure: z.number().int(),
    title: z.string(),
    unit: z.string(),
    period: PrintedPeriodSchema,
    source: z.string(),
    exclusions: z.string(),
    notes: z.array(z.string()),
  })
  .strict();

const PrintedGradeSchema = z.enum(['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Ungraded']);

/**
 * Everything the Durham 2016 report prints, as typed values kept apart from anything peel computes.
 * @example DurhamPublishedSchema.safeParse(durhamPublished).success // true
 */
export const DurhamPublishedSchema = z
  .object({
    force: z.literal('durham'),
    forceName: z.string(),
    report: z.string(),
    inspectorate: z.string(),
    period: PrintedPeriodSchema,
    periodNotes: z.string(),
    rule: z.string(),
    judgments: z
      .object({
        overall: z
          .object({
            question: z.string(),
            grade: PrintedGradeSchema,
            previousYearGrade: z.string(),
            previousYearNote: z.string(),
          })
          .strict(),
        coreQuestions: z.array(
          z
            .object({
              number: z.number().int().min(1).max(5),
              question: z.string(),
              grade: PrintedGradeSchema,
              areasForImprovement: z.array(z.string()),
              causesOfConcern: z.array(z.string()),
              previousInspection: z.object({ name: z.string(), grade: z.string() }).strict().optional(),
            })
            .strict(),
        ),
      })
      .strict(),
    figures: z.array(PublishedFigureSchema),
    outcomes: z.array(PublishedOutcomeRowSchema),
    outcomesMeta: PublishedTableMetaSchema,
    domesticAbuseOutcomes: z.array(PublishedOutcomeRowSchema),
    domesticAbuseOutcomesMeta: PublishedTableMetaSchema,
    /** Statements printed as words, not numbers (e.g. "the highest user in England and Wales"). */
    categorical: z.array(
      z
        .object({
          id: z.string(),
          label: z.string(),
          period: PrintedPeriodSchema,
          durham: z.union([z.string(), MissingSchema]),
          englandWales: z.union([z.string(), MissingSchema]),
          source: z.string(),
          notes: z.string(),
          sourceLines: z.string(),
        })
        .strict(),
    ),
    /** Measures the report refers to without printing a value. */
    mentionedWithoutValue: z.array(z.object({ id: z.string(), note: z.string() }).strict()),
    /** Context numbers printed in the text (ranges across forces, counts, dates). */
    context: z.array(
      z
        .object({
          label: z.string(),
          value: z.union([z.number(), MissingSchema]),
          unit: z.string().optional(),
          printed: z.string(),
          period: PrintedPeriodSchema.optional(),
        })
        .strict(),
    ),
  })
  .strict();
