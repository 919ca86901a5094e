// peel-metrics: HMIC's PEEL effectiveness method as pure functions, and per-force report models.
// Everything peel-metrics/core has (the pure functions), then what needs data or the registry.
export * from './core.ts';
export { rankingCityOfLondon, ruleHolds } from './exclusions.ts';
export type { ExclusionScope, RuleAt } from './exclusions.ts';
export { REPORT_EDITIONS } from './model/types.ts';
export type {
  AnyPeriod,
  BandCutoffs,
  BandResult,
  BandingSummary,
  ByForceFigure,
  EnglandWalesMethod,
  EnglandWalesValue,
  Figure,
  FigureBase,
  ForceBar,
  ForceInNumbersArea,
  ForceInNumbersAreaId,
  ForceRef,
  ForceReport,
  ForcesWithAnnualIncrease,
  GradeHistory,
  GradeMovement,
  JudgmentEntry,
  JudgmentValue,
  MeasuredValue,
  MetricDefinitionRef,
  MetricFigure,
  MetricRow,
  MetricSeries,
  MetricTable,
  PublishedBand,
  PublishedComparison,
  Regeneration,
  ReportEdition,
  ReportForce,
  Sentence,
  SentenceKind,
  SentenceValue,
  SeriesFigure,
  SeriesPoint,
  TableFigure,
  TableRow,
} from './model/types.ts';
export type { EditionOptions, ReleaseOptions } from './report/edition.ts';
export { buildForceReport } from './report/build-force-report.ts';
export type { ForceReportOptions } from './report/build-force-report.ts';
export { REGENERATION_NOTICE, reportPeriods } from './report/periods.ts';
export type { ReportPeriodOptions } from './report/periods.ts';
export { BANDED_HEADLINE, HEADLINE_METRICS, headlinesOverTime } from './report/over-time.ts';
export type {
  HeadlineMetric,
  HeadlineMetricId,
  HeadlinePoint,
  HeadlinesOverTime,
  HeadlinesOverTimeOptions,
  HeadlineValue,
} from './report/over-time.ts';
export { gradeHistory, gradeMovement } from './report/grade-history.ts';
export { reportMetrics } from './report/report-metrics.ts';
export type { ReportMetric, ReportMetricRow, ReportMetrics } from './report/report-metrics.ts';
export { expandReport, LEAN_LIST_KEYS, LEAN_NOTE_KEYS, leanReport } from './report/lean-report.ts';
export type { LeanMetric, LeanReport } from './report/lean-report.ts';
export {
  METHOD_TEXT_FIELDS,
  METHOD_CHOICE_KEYS,
  METHOD_TEXT_KEYS,
  REPORT_VIEWS,
  reportPayload,
  reportValues,
} from './report/report-views.ts';
export type { ReportView } from './report/report-views.ts';
export {
  compareForces,
  metricForAllForces,
  metricPeriods,
  metricReportPeriod,
  metricSeries,
} from './metrics/metric-table.ts';
export type { MetricOptions } from './metrics/metric-table.ts';
export {
  ENGLAND_AND_WALES_COMPARATOR,
  bandLists,
  describeBanding,
  describeChange,
  describeComparison,
  describeExclusion,
  describeForcesWithIncrease,
  describeMissing,
  quotedList,
} from './sentences.ts';
export type { BandingSentenceInput, ChangeSentenceInput, ComparisonSentenceInput } from './sentences.ts';
export type { MetricPeriod } from './metrics/engine.ts';
export { METRIC, METRIC_IDS, PART, PART_IDS, isMetricId } from './registry/ids.ts';
export type { MetricId, MetricKey, PartId, RowMetricId } from './registry/ids.ts';
export { METRICS } from './registry/metrics.ts';
export { METRIC_REGISTRY, createRegistry, metricDefinition, metricDefinitions } from './registry/registry.ts';
export type { MetricRegistry, RegistryDefinition, RegistryOptions } from './registry/registry.ts';
export type {
  ComputeContext,
  ComputeKind,
  ComputeResult,
  ComputeRule,
  CustomCompute,
  MetricPart,
  MetricSpec,
} from './registry/types.ts';
export { METRIC_AVAILABILITY, METRIC_SECTIONS, PERIOD_TYPES } from './registry/definition.ts';
export type { MetricAvailability, MetricDefinition, MetricPeriodType, MetricSection } from './registry/definition.ts';
export { outcomeRows, outcomesTable } from './metrics/outcomes.ts';
export type { OutcomeRowDefinition, OutcomesTable, OutcomesTableOptions } from './metrics/outcomes.ts';
export { CRIME_SELECTION_GROUPS, CRIME_SELECTION_LABEL, crimeCount, crimeRate } from './metrics/recorded-crime.ts';
export type { CrimeRate, CrimeSelection } from './metrics/recorded-crime.ts';
export type { MetricsRelease } from './data/release.ts';
export { relabelPeriod } from './format/relabel-period.ts';
export { GRID_BAND_CODES, crimeRateGrid, gridValue } from './metrics/crime-grid.ts';
export type { CrimeRateGrid } from './metrics/crime-grid.ts';
export { TIDY_COLUMNS, tidyCsv, tidyMetadataJson, tidyMetric } from './tidy/tidy-metric.ts';
export type { TidyMetadata, TidyMetric, TidyOptions, TidyRow } from './tidy/tidy-metric.ts';
export { periodKey } from './tidy/period-key.ts';
export {
  crimeCountWithFraudBase,
  DENOMINATOR_VARIANTS,
  ENGLAND_WALES_VARIANTS,
  englandWalesCrimeCount,
  FRAUD_BASE_VARIANTS,
  METHOD_VARIANT_TEXT,
  methodVariantRules,
  PEEL_2016_VARIANTS,
} from './method-variants.ts';
export type {
  DenominatorVariant,
  EnglandWalesCount,
  EnglandWalesVariant,
  FraudBaseVariant,
  MethodVariants,
} from './method-variants.ts';
export { reconcilePrinted, VINTAGE_TOLERANCE } from './reconciliation.ts';
export type { ReconcileOptions } from './reconciliation.ts';
export {
  RECONCILIATION_CAUSE_LABEL,
  RECONCILIATION_CAUSE_TEXT,
  RECONCILIATION_CAUSES,
} from './model/reconciliation.ts';
export type { ReconciliationCause, ReconciliationRow, VariantValue } from './model/reconciliation.ts';
export { REPORT_TEXT_FORMATS, renderReport } from './render/render-report.ts';
export type { RenderReportOptions, ReportTextFormat } from './render/render-report.ts';
export { VALUE_KIND_LABEL, VALUE_KINDS, valueKindOf } from './format/value-kind.ts';
export type { ValueKind } from './format/value-kind.ts';
