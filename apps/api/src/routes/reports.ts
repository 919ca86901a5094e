/**
 * `GET /v1/reports/peel-2016-effectiveness/{force}`: the force's 2016 effectiveness report model, built by
 * peel-metrics (judgments, every figure, sentences, footnotes, sources), plus peel-metrics' `reportMetrics`: each
 * catalogue metric under its spec id. Built once per force and release; then a memo lookup.
 * JSON (issue 13): peel-metrics' `reportPayload` in the view `?view=` asks for: `values` (default; the report
 * without its method text) or `full` (the self-contained lean model, `metrics` included). Both are lean:
 * provenance, notes and force lists by id from one map each; `expandReport` resolves them.
 * CSV: one row per metric value (tidy), with the missing-value markers.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { formatPeriod, isMissing, missing } from 'peel-data';
import {
  buildForceReport,
  METRIC,
  type ReconciliationRow,
  type ReportMetric,
  valueKindOf,
  reportMetrics,
  reportPayload,
} from 'peel-metrics';
import { ForceReportSchema, ReportMetricsSchema } from 'peel-metrics/schemas';
import type { AppEnv } from '../http/context.ts';
import { type CsvColumn, renderCsv } from '../http/csv.ts';
import { sendTable } from '../http/send.ts';
import { strictQuery } from '../http/validation.ts';
import { resolveForce } from '../lib/resolve.ts';
import { countColumns } from './count-columns.ts';
import type { RouteDeps } from './deps.ts';
import { NO_SUCH_FORCE, routeResponses } from './responses.ts';
import { ForceParamSchema, ReportPayloadResponseSchema, ReportViewQuerySchema } from './schemas.ts';

/** The body of the report endpoint: peel-metrics' ForceReport plus `metrics` by spec id. */
export const ReportResponseSchema = ForceReportSchema.extend({
  metrics: ReportMetricsSchema,
}).meta({
  id: 'ForceReport',
  description:
    "A force's PEEL 2016 effectiveness report model (peel-metrics) with every catalogue metric under its spec id.",
});

const reportRoute = createRoute({
  method: 'get',
  path: '/v1/reports/peel-2016-effectiveness/{force}',
  operationId: 'getForceReport',
  tags: ['reports'],
  summary: "A force's PEEL 2016 effectiveness report",
  description:
    'Judgments, every figure, sentences and the printed values with their reconciliation. `view=values` (the ' +
    'default) leaves out the method text (definitions, formulas, rules, notes, sources); `view=full` has it all, ' +
    'plus a `metrics` object holding each metric of the spec catalogue under its spec id ' +
    `(e.g. \`metrics.${METRIC.crime_rate_total_excl_fraud}\`) with value, England and Wales, band, unit, period and ` +
    'provenance. Values are unrounded; missing values are markers with a reason. JSON is lean: provenance, notes ' +
    "and force lists are ids in the payload's `provenance`, `notes` and `lists` maps, and a `metrics` entry with " +
    "`from` restates that figure (peel-metrics' `expandReport` resolves them). CSV: one row per metric value.",
  request: {
    params: z.object({ force: ForceParamSchema }),
    query: strictQuery('/v1/reports/peel-2016-effectiveness/{force}', { view: ReportViewQuerySchema }),
  },
  responses: routeResponses(
    {
      description: 'The report, lean, in the view asked for (`values` by default).',
      schema: ReportPayloadResponseSchema,
    },
    { badRequest: 'An unknown view, or an unknown query parameter.', notFound: NO_SUCH_FORCE },
  ),
});

type MetricCsvRow = {
  force: string;
  metric: ReportMetric;
  row: ReportMetric | undefined;
  reconciliation: readonly ReconciliationRow[];
};
const cell = (row: MetricCsvRow) => row.row ?? row.metric;

/** The reconciliation row of a CSV row's value for one area (printed value, recomputed value, cause). */
const reconciled = (row: MetricCsvRow, area: ReconciliationRow['area']) =>
  row.reconciliation.find((candidate) => candidate.figureId === cell(row).metricId && candidate.area === area);
const notReconciled = (area: string) =>
  missing('z', `the report prints no ${area} value that the open data rebuild for this metric`);

/** Printed, recomputed, or recomputed from a printed count: what a value is, from its provenance. */
function valueKind(row: MetricCsvRow): string {
  const provenance = cell(row).provenance;
  return isMissing(provenance) ? '' : valueKindOf(provenance);
}

/** The reconciliation columns of one area: printed value, difference, cause, evidence. */
function reconciliationColumns(area: ReconciliationRow['area'], prefix: string): CsvColumn<MetricCsvRow>[] {
  const words = area === 'force' ? "the force's" : 'an England and Wales';
  return [
    {
      header: `${prefix}printed`,
      value: (r) => reconciled(r, area)?.printed.value ?? notReconciled(words),
      mayBeMissing: true,
    },
    {
      header: `${prefix}difference`,
      value: (r) => reconciled(r, area)?.difference ?? notReconciled(words),
      mayBeMissing: true,
    },
    { header: `${prefix}cause`, value: (r) => reconciled(r, area)?.cause ?? '' },
    { header: `${prefix}cause_evidence`, value: (r) => reconciled(r, area)?.evidence ?? '' },
  ];
}

/**
 * Tidy CSV of a report's metrics: one row per (metric, row) value.
 * @example renderCsv(rows, reportMetricColumns)
 */
export const reportMetricColumns: CsvColumn<MetricCsvRow>[] = [
  { header: 'force', value: (r) => r.force },
  { header: 'metric_id', value: (r) => r.metric.metricId },
  { header: 'row_id', value: (r) => (r.row ? r.row.metricId : '') },
  { header: 'label', value: (r) => cell(r).label },
  { header: 'unit', value: (r) => cell(r).unit },
  {
    header: 'period',
    value: (r) => {
      const period = cell(r).period;
      return isMissing(period) ? period : formatPeriod(period);
    },
    mayBeMissing: true,
  },
  { header: 'value', value: (r) => cell(r).value, mayBeMissing: true },
  ...countColumns((r: MetricCsvRow) => cell(r).provenance),
  {
    header: 'england_wales',
    value: (r) => {
      const ew = cell(r).englandWales;
      return isMissing(ew) ? ew : ew.value;
    },
    mayBeMissing: true,
  },
  ...countColumns((r: MetricCsvRow) => {
    const ew = cell(r).englandWales;
    return isMissing(ew) ? ew : ew.provenance;
  }, 'england_wales_'),
  { header: 'comparison', value: (r) => cell(r).comparison, mayBeMissing: true },
  {
    header: 'band',
    value: (r) => {
      const band = cell(r).band;
      return isMissing(band) ? band : band.band;
    },
    mayBeMissing: true,
  },
  {
    header: 'rank',
    value: (r) => {
      const band = cell(r).band;
      return isMissing(band) ? band : band.rank;
    },
    mayBeMissing: true,
  },
  {
    header: 'source',
    value: (r) => {
      const p = cell(r).provenance;
      return isMissing(p) ? p : p.source;
    },
    mayBeMissing: true,
  },
  // Issue 10: what each value is, the method variants that made it, its caveats (City of London's population
  // among them) and the printed values beside the recomputed ones, with the cause of any difference.
  { header: 'value_kind', value: valueKind },
  {
    header: 'method_variants',
    value: (r) => {
      const p = cell(r).provenance;
      const ew = cell(r).englandWales;
      const variants = { ...(isMissing(p) ? {} : p.variants), ...(isMissing(ew) ? {} : ew.provenance.variants) };
      return Object.entries(variants)
        .map(([dimension, value]) => `${dimension}=${value}`)
        .join('; ');
    },
  },
  { header: 'caveats', value: (r) => cell(r).caveats.join(' | ') },
  ...reconciliationColumns('force', ''),
  ...reconciliationColumns('england-and-wales', 'england_wales_'),
];

/**
 * The report route.
 * @example app.route('/', reportsRoutes({ memo, release }))
 */
export function reportsRoutes({ memo, release, registry }: RouteDeps) {
  const build = (slug: string) => {
    const report = buildForceReport(slug, { release, registry });
    return { ...report, metrics: reportMetrics(report, { release, registry }) };
  };
  return new OpenAPIHono<AppEnv>().openapi(reportRoute, (c) => {
    const force = resolveForce(release.forces, c.req.valid('param').force);
    const { view } = c.req.valid('query');
    return sendTable(c, memo, `report/${force.slug}?view=${view}`, {
      filename: `peel-2016-effectiveness-${force.slug}`,
      json: () => reportPayload(build(force.slug), { view }),
      csv: () => {
        const report = build(force.slug);
        const { reconciliation } = report;
        const rows = Object.values(report.metrics).flatMap((metric): MetricCsvRow[] =>
          metric.rows
            ? metric.rows.map((row) => ({ force: force.slug, metric, row, reconciliation }))
            : [{ force: force.slug, metric, row: undefined, reconciliation }],
        );
        return renderCsv(rows, reportMetricColumns);
      },
    });
  });
}
