// peel-metrics/schemas: the zod schemas of the report model, for validating a report (or an API answer) and for
// building OpenAPI documents. The only entry point that loads zod; each schema's output is the hand-written type of
// the same name without `Schema`. Named re-exports only.
export {
  AnyPeriodSchema,
  BandResultSchema,
  BandSchema,
  BandingSummarySchema,
  ByForceFigureSchema,
  ComparisonSchema,
  EnglandWalesValueSchema,
  FigureSchema,
  ForceBarSchema,
  ForceInNumbersAreaSchema,
  ForceRefSchema,
  ForceReportSchema,
  GradeHistorySchema,
  JudgmentEntrySchema,
  JudgmentValueSchema,
  LeftOutSchema,
  MeasuredValueSchema,
  MetricDefinitionRefSchema,
  MetricFigureSchema,
  MetricRowSchema,
  MetricSeriesSchema,
  MetricTableSchema,
  PublishedBandSchema,
  PublishedComparisonSchema,
  ReportEditionSchema,
  SentenceSchema,
  SentenceValueSchema,
  SeriesFigureSchema,
  SeriesPointSchema,
  TableFigureSchema,
  TableRowSchema,
} from './schema/report.ts';
export { ReconciliationRowSchema } from './schema/reconciliation.ts';
export { ReportMetricRowSchema, ReportMetricSchema, ReportMetricsSchema } from './schema/report-metrics.ts';
export { MetricDefinitionSchema } from './schema/metric-definition.ts';
export { leanReportSchema } from './schema/lean-report.ts';
export { reportPayloadSchema, reportValuesSchema } from './schema/report-views.ts';
export type { ObjectSchema } from './schema/typed.ts';
