// The zod schema of a catalogue entry (registry/definition.ts has the type).
import { ChangePeriodSchema, MissingSchema, PeriodSchema, SourceIdSchema } from 'peel-data/schemas';
import { z } from 'zod';
import { METRIC_AVAILABILITY, METRIC_SECTIONS, PERIOD_TYPES, type MetricDefinition } from '../registry/definition.ts';
import { objectSchema, type ObjectSchema } from './typed.ts';

/**
 * One metric of the spec's catalogue (§b): its method, not its values.
 * @example MetricDefinitionSchema.parse(METRICS.crime_rate_victim_based.definition).specRef // 'CR-02'
 */
export const MetricDefinitionSchema: ObjectSchema<MetricDefinition> = objectSchema<MetricDefinition>()(
  z
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
    .strict(),
);
