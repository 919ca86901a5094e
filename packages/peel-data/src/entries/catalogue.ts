// peel-data/catalogue: the Durham 2016 published figures (also in the main entry). The metric catalogue (method,
// not data) moved to peel-metrics: `METRICS`, `metricDefinitions()`, `MetricDefinitionSchema`.
export type {
  DurhamPublished,
  PrintedPeriod,
  PublishedFigure,
  PublishedOutcomeRow,
  PublishedTableMeta,
  PublishedValue,
} from '../types/published.ts';
export { durhamPublished, getPublishedFigure } from '../datasets/durham-published.ts';
