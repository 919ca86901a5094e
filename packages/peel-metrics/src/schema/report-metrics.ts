// The zod schemas of the catalogue metric map (report/report-metrics.ts has the types and builds the map).
import { MissingSchema, NumberOrMissingSchema, ProvenanceSchema } from 'peel-data/schemas';
import { z } from 'zod';
import { METRIC_IDS, type MetricId } from '../registry/ids.ts';
import type { ReportMetric, ReportMetricRow } from '../report/report-metrics.ts';
import {
  AnyPeriodSchema,
  BandResultSchema,
  ComparisonSchema,
  EnglandWalesValueSchema,
  PublishedBandSchema,
  PublishedComparisonSchema,
} from './report.ts';
import { objectSchema, type ObjectSchema } from './typed.ts';

const reportMetricFields = {
  metricId: z.string(),
  label: z.string(),
  unit: z.string(),
  /** Decimal places the report prints, or Missing when it prints no value. */
  precision: z.union([z.number().int(), MissingSchema]),
  period: z.union([AnyPeriodSchema, MissingSchema]),
  value: NumberOrMissingSchema,
  provenance: z.union([ProvenanceSchema, MissingSchema]),
  caveats: z.array(z.string()),
  englandWales: z.union([EnglandWalesValueSchema, MissingSchema]),
  comparison: z.union([ComparisonSchema, MissingSchema]),
  /** The band this library recomputes (the banding rule), or why there is none. */
  band: z.union([BandResultSchema, MissingSchema]),
  /** The band the report states, as printed (Durham's Figures 4 and 7). */
  publishedBand: PublishedBandSchema.optional(),
  published: PublishedComparisonSchema.optional(),
  difference: z.object({ force: NumberOrMissingSchema, englandWales: NumberOrMissingSchema }).strict().optional(),
};

/**
 * One value of a catalogue metric that has several rows (an outcome type, a count and its rate).
 * @example
 * ReportMetricRowSchema.parse(reportMetrics(buildForceReport('durham')).right_to_ask.rows?.[0]).metricId
 * // 'right_to_ask_count'
 */
export const ReportMetricRowSchema: ObjectSchema<ReportMetricRow> = objectSchema<ReportMetricRow>()(
  z.object(reportMetricFields).strict().meta({ id: 'ReportMetricRow' }),
);

/**
 * A catalogue metric for a report's force: `metrics.<spec id>`. Unrounded; `precision` is the decimals the report
 * prints.
 * @example
 * ReportMetricSchema.parse(reportMetrics(buildForceReport('durham')).asb_rate).unit
 * // 'incidents per 1,000 population'
 */
export const ReportMetricSchema: ObjectSchema<ReportMetric> = objectSchema<ReportMetric>()(
  z
    .object({ ...reportMetricFields, rows: z.array(ReportMetricRowSchema).optional() })
    .strict()
    .meta({
      id: 'ReportMetric',
      description:
        'One catalogue metric for the report force. Unrounded; `precision` is the decimals the report prints.',
    }),
);

/**
 * The whole map: one entry under every catalogue id (METRIC_IDS), no other key.
 * @example Object.keys(ReportMetricsSchema.shape).length === METRIC_IDS.length // true
 */
export const ReportMetricsSchema: z.ZodObject<Record<MetricId, typeof ReportMetricSchema>, z.core.$strict> = z
  .object(
    Object.fromEntries(METRIC_IDS.map((id) => [id, ReportMetricSchema])) as Record<MetricId, typeof ReportMetricSchema>,
  )
  .strict()
  .meta({
    id: 'ReportMetrics',
    description: 'Every metric of the spec catalogue for the report force, under its spec id.',
  });
