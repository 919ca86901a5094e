// peel-data/catalogue: the metric catalogue and the Durham 2016 published figures (also in the main entry).
export { METRIC_AVAILABILITY, METRIC_SECTIONS, MetricDefinitionSchema, PERIOD_TYPES } from '../schema/metric.ts';
export type { MetricAvailability, MetricDefinition } from '../schema/metric.ts';
export { METRIC_IDS, getMetricDefinition, metricCatalogue } from '../datasets/metric-catalogue.ts';
export type { MetricId } from '../datasets/metric-catalogue.ts';
export {
  DurhamPublishedSchema,
  PrintedPeriodSchema,
  PublishedFigureSchema,
  PublishedOutcomeRowSchema,
  PublishedTableMetaSchema,
  PublishedValueSchema,
} from '../schema/published.ts';
export type {
  DurhamPublished,
  PrintedPeriod,
  PublishedFigure,
  PublishedOutcomeRow,
  PublishedTableMeta,
  PublishedValue,
} from '../schema/published.ts';
export { durhamPublished, getPublishedFigure } from '../datasets/durham-published.ts';
