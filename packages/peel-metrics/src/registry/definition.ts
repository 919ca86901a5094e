/**
 * The method text of a metric as the catalogue serves it (GET /v1/metrics): what the report says about it, not how
 * peel computes it. Moved from peel-data, which keeps the datasets; a registry entry (metrics.ts) holds one.
 */
import { ChangePeriodSchema, MissingSchema, PeriodSchema, SourceIdSchema } from 'peel-data';
import { z } from 'zod';

/**
 * Which report section a metric belongs to (core questions 1–5, or the Force in numbers panel).
 * @example METRIC_SECTIONS[0] // 'preventing'
 */
export const METRIC_SECTIONS = [
  'preventing',
  'investigating',
  'vulnerability',
  'serious_organised',
  'specialist',
  'force_in_numbers',
] as const;

/**
 * Whether the metric can be rebuilt here: `computable` from the open data in data/raw, `published-only`
 * (the Durham report prints it; no open data for other forces), or `not-available` (no value anywhere).
 * @example metricDefinitions().filter((m) => m.availability === METRIC_AVAILABILITY[0]).length // 8
 */
export const METRIC_AVAILABILITY = ['computable', 'published-only', 'not-available'] as const;
/** One of METRIC_AVAILABILITY. */
export type MetricAvailability = (typeof METRIC_AVAILABILITY)[number];

/**
 * How a metric's period is expressed (`not-stated` when the report gives none).
 * @example PERIOD_TYPES.includes(METRICS.ocgs_per_million.definition.periodType) // true
 */
export const PERIOD_TYPES = ['rolling-12m', 'snapshot', 'change', 'range', 'not-stated'] as const;

/**
 * One metric of the spec's catalogue (§b): its method, not its values.
 * @example MetricDefinitionSchema.parse(METRICS.crime_rate_victim_based.definition).specRef // 'CR-02'
 */
export const MetricDefinitionSchema = z
  .object({
    /** Public id used by the SDK, the API and the site (one of METRIC_IDS). */
    id: z.string().regex(/^[a-z0-9_]+$/),
    /** The spec's reference, e.g. `CR-01`. */
    specRef: z.string().regex(/^[A-Z]+-\d{2}$/),
    label: z.string().min(1),
    section: z.enum(METRIC_SECTIONS),
    /** Figure number in the report, when the metric is a figure. */
    figure: z.number().int().optional(),
    unit: z.string().min(1),
    numerator: z.string().min(1),
    /** Missing (`z`) for counts and statements that have no denominator. */
    denominator: z.union([z.string().min(1), MissingSchema]),
    periodType: z.enum(PERIOD_TYPES),
    period: z.union([PeriodSchema, ChangePeriodSchema, MissingSchema]),
    source: z.string().min(1),
    /** How England and Wales is formed, or Missing when the report gives no comparator. */
    comparator: z.union([z.string().min(1), MissingSchema]),
    exclusions: z.array(z.string()),
    caveats: z.array(z.string()),
    /** True where the report's top/bottom 25 percent banding applies (Figures 4 and 7 only). */
    banding: z.boolean(),
    /** Decimal places as printed, or Missing when the report prints no value. */
    printedDecimals: z.union([z.number().int().min(0), MissingSchema]),
    availability: z.enum(METRIC_AVAILABILITY),
    availabilityNote: z.string().min(1),
    /** Raw datasets a recomputation uses (empty unless computable). */
    datasets: z.array(SourceIdSchema),
    /** Ids of the matching entries in durhamPublished (figures, categorical, outcome tables). */
    publishedFigureIds: z.array(z.string()),
  })
  .strict();
/** See MetricDefinitionSchema. */
export type MetricDefinition = z.infer<typeof MetricDefinitionSchema>;
