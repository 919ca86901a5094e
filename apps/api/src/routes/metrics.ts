/**
 * The metric endpoints, all answered by peel-metrics (the API computes nothing):
 * - `GET /v1/metrics`: the catalogue (peel-data's metric definitions);
 * - `GET /v1/metrics/{metric}?period=…`: every territorial force in a period, with England and Wales, ranks and
 *   bands;
 * - `GET /v1/metrics/{metric}/series/{force}`: one force over time;
 * - `GET /v1/compare?metric=…&forces=a,b,c`: chosen forces, ranked and banded among all 43;
 * - `GET /v1/metrics/{metric}/periods`: the periods `period`, `from` and `to` accept;
 * - `GET /v1/metrics/{metric}/tidy`: the bulk download, every force and England and Wales at every period (long
 *   format, peel-metrics' tidyMetric), with its metadata sidecar; `.csv` for the tidy CSV.
 * Every table is also tidy CSV.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type ChangePeriod, formatPeriod, isMissing, type Missing, type Period, type PeelRelease } from 'peel-data';
import {
  compareForces,
  METRIC,
  metricDefinitions,
  type MetricId,
  type MetricRegistry,
  type MetricRow,
  type MetricSeries,
  type MetricTable,
  metricForAllForces,
  metricPeriods,
  metricReportPeriod,
  metricSeries,
  periodKey,
  tidyCsv,
  tidyMetric,
} from 'peel-metrics';
import { MetricDefinitionSchema, MetricSeriesSchema, MetricTableSchema } from 'peel-metrics/schemas';
import type { AppEnv } from '../http/context.ts';
import { type CsvColumn, renderCsv } from '../http/csv.ts';
import { ProblemError } from '../http/problem.ts';
import { sendTable } from '../http/send.ts';
import { noQueryParameters, strictQuery } from '../http/validation.ts';
import { clip, resolveForce, resolveMetric } from '../lib/resolve.ts';
import { suggest } from '../lib/suggest.ts';
import { countColumns } from './count-columns.ts';
import type { RouteDeps } from './deps.ts';
import { type ChosenMethod, chosenMethod, METHOD_QUERY } from './method-query.ts';
import { routeResponses, TAKES_NO_QUERY } from './responses.ts';
import { ForceParamSchema, MetricPeriodsSchema, TidyMetricSchema } from './schemas.ts';

/** The body of GET /v1/metrics: the method text of every metric of peel-metrics' registry. */
export const CatalogueSchema = z.object({ metrics: z.array(MetricDefinitionSchema) }).meta({ id: 'MetricCatalogue' });
const TableSchema = MetricTableSchema.meta({
  id: 'MetricTable',
  description:
    'A metric for every territorial force (or the forces asked for), with England and Wales and the banding.',
});
const SeriesSchema = MetricSeriesSchema.meta({
  id: 'MetricSeries',
  description: 'A metric over time for one force, or a Missing marker where the metric has a single period.',
});

const MetricParamSchema = z
  .string()
  .min(1)
  .max(100)
  .openapi({
    param: { name: 'metric', in: 'path' },
    description:
      `A metric id from the catalogue (GET /v1/metrics), e.g. '${METRIC.crime_rate_total_excl_fraud}'. ` +
      "Add '.csv' for CSV.",
    example: METRIC.crime_rate_total_excl_fraud,
  });
/** A period key in the query (validated against the metric's periods by resolvePeriod). */
const periodKeyQuery = (description: string, example: string) =>
  z.string().min(1).max(40).optional().openapi({ description, example });
const PeriodQuerySchema = periodKeyQuery(
  "One of the metric's period keys, as GET /v1/metrics/{metric}/periods lists them: the end date of a 12-month " +
    "window ('2016-06-30'), a financial year ('2017/18') or a calendar year ('2015', for metrics counted by " +
    "calendar year only). Default: the report's period.",
  '2016-06-30',
);
const rangeQuerySchema = (which: 'first' | 'last') =>
  periodKeyQuery(
    `The ${which} period of the series (a key from GET /v1/metrics/{metric}/periods), inclusive. ` +
      `Default: the ${which} period the metric has.`,
    which === 'first' ? '2011-06-30' : '2016-06-30',
  );

const NO_SUCH_METRIC = 'No such metric; the problem suggests the closest ids.';

const catalogueRoute = createRoute({
  method: 'get',
  path: '/v1/metrics',
  operationId: 'listMetrics',
  tags: ['metrics'],
  summary: 'The metric catalogue',
  description:
    'Every metric of the PEEL 2016 effectiveness spec: definition, unit, period, comparator, exclusions, caveats and ' +
    'whether it can be recomputed from open data. CSV: one row per metric.',
  middleware: [noQueryParameters] as const,
  responses: routeResponses({ description: 'The catalogue.', schema: CatalogueSchema }, { badRequest: TAKES_NO_QUERY }),
});

const tableRoute = createRoute({
  method: 'get',
  path: '/v1/metrics/{metric}',
  operationId: 'getMetricTable',
  tags: ['metrics'],
  summary: 'A metric for every force in a period',
  description:
    'All 43 territorial forces with England and Wales (and the forces it excludes), ranks and bands. Each value ' +
    'names the method variants that made it (`provenance.variants`); `englandWales`, `fraudBase`, `denominator` ' +
    'pick another, `rankCityOfLondon=true` ranks City of London. CSV: one row per force plus an England and Wales ' +
    'row (with a `method` column when a method was chosen).',
  request: {
    params: z.object({ metric: MetricParamSchema }),
    query: strictQuery('/v1/metrics/{metric}', { period: PeriodQuerySchema, ...METHOD_QUERY }),
  },
  responses: routeResponses(
    { description: 'The metric table.', schema: TableSchema },
    {
      badRequest:
        'A bad period (the problem lists the valid ones), a method the metric does not have, or an unknown query ' +
        'parameter.',
      notFound: NO_SUCH_METRIC,
    },
  ),
});

const seriesRoute = createRoute({
  method: 'get',
  path: '/v1/metrics/{metric}/series/{force}',
  operationId: 'getMetricSeries',
  tags: ['metrics'],
  summary: 'A metric over time for one force',
  description:
    'Every period the metric has, with England and Wales at each. A metric with a single period answers a Missing ' +
    'marker (`[z]`) as its series. CSV: one row per period.',
  request: {
    params: z.object({ metric: MetricParamSchema, force: ForceParamSchema }),
    query: strictQuery('/v1/metrics/{metric}/series/{force}', {
      from: rangeQuerySchema('first'),
      to: rangeQuerySchema('last'),
      ...METHOD_QUERY,
    }),
  },
  responses: routeResponses(
    { description: 'The series.', schema: SeriesSchema },
    {
      badRequest: 'A bad `from` or `to` (the problem lists the valid ones) or an unknown query parameter.',
      notFound: 'No such metric or force; the problem suggests the closest names.',
    },
  ),
});

const periodsRoute = createRoute({
  method: 'get',
  path: '/v1/metrics/{metric}/periods',
  operationId: 'listMetricPeriods',
  tags: ['metrics'],
  summary: "A metric's periods",
  description:
    'Every period the metric has in this release, oldest first, with the key that `period` (and `from`/`to` on ' +
    "the series) accepts, and the report's own period. CSV: one row per period.",
  request: { params: z.object({ metric: MetricParamSchema }) },
  middleware: [noQueryParameters] as const,
  responses: routeResponses(
    { description: 'The periods.', schema: MetricPeriodsSchema },
    { badRequest: TAKES_NO_QUERY, notFound: NO_SUCH_METRIC },
  ),
});

const tidyRoute = createRoute({
  method: 'get',
  path: '/v1/metrics/{metric}/tidy',
  operationId: 'getMetricTidy',
  tags: ['metrics'],
  summary: 'A metric for every force at every period (bulk download)',
  description:
    'Long format: one row per force and England and Wales per period, with ONS codes, period keys, the value ' +
    'rounded to the published precision plus one digit (and unrounded), numerator, denominator and unit, and a ' +
    'metadata sidecar (title, unit, definition, sources and licence, coverage, exclusions, caveats, method ' +
    'variant, release). CSV (`/v1/metrics/{metric}/tidy.csv`): `value` is numeric or empty, with the marker and ' +
    'reason in `status` and `status_reason`.',
  request: {
    params: z.object({ metric: MetricParamSchema }),
    query: strictQuery('/v1/metrics/{metric}/tidy', METHOD_QUERY),
  },
  responses: routeResponses(
    { description: 'The tidy download.', schema: TidyMetricSchema },
    { badRequest: 'A method the metric does not have, or an unknown query parameter.', notFound: NO_SUCH_METRIC },
  ),
});

const compareRoute = createRoute({
  method: 'get',
  path: '/v1/compare',
  operationId: 'compareForces',
  tags: ['metrics'],
  summary: 'Compare chosen forces on one metric',
  description:
    'The forces asked for, in the order given, with their rank and band among all 43 territorial forces and England ' +
    'and Wales. CSV: one row per force plus an England and Wales row.',
  request: {
    query: strictQuery('/v1/compare', {
      metric: z
        .string()
        .min(1)
        .max(100)
        .openapi({ description: 'A metric id from the catalogue.', example: METRIC.crime_rate_total_excl_fraud }),
      forces: z.string().min(1).max(2000).openapi({
        description: 'Comma-separated force slugs or ONS codes (1 to 43).',
        example: 'durham,cleveland,northumbria',
      }),
      period: PeriodQuerySchema,
    }),
  },
  responses: routeResponses(
    { description: 'The comparison.', schema: TableSchema },
    { badRequest: 'A missing or bad query parameter: unknown metric or force, bad period, or a force listed twice.' },
  ),
});

type SeriesPoint = Exclude<MetricSeries['series'], Missing>[number];

type TableCsvRow = {
  metricId: string;
  period: string;
  slug: string;
  name: string;
  row: Pick<MetricRow, 'value' | 'rank' | 'band' | 'provenance' | 'caveats'>;
};

const tableColumns: CsvColumn<TableCsvRow>[] = [
  { header: 'metric_id', value: (r) => r.metricId },
  { header: 'period', value: (r) => r.period },
  { header: 'force', value: (r) => r.slug },
  { header: 'force_name', value: (r) => r.name },
  { header: 'value', value: (r) => r.row.value, mayBeMissing: true },
  ...countColumns((r: TableCsvRow) => r.row.provenance),
  {
    header: 'rank',
    value: (r) =>
      r.row.rank ?? {
        missing: 'z',
        reason:
          r.slug === 'england-and-wales'
            ? 'England and Wales is the comparator, not ranked'
            : 'not ranked for this metric (no banding, or left out of it)',
      },
    mayBeMissing: true,
  },
  {
    header: 'band',
    value: (r) =>
      r.row.band ?? {
        missing: 'z',
        reason:
          r.slug === 'england-and-wales'
            ? 'England and Wales is the comparator, not banded'
            : 'not banded for this metric (no banding, or left out of it)',
      },
    mayBeMissing: true,
  },
  { header: 'source', value: (r) => r.row.provenance.source },
  // Caveats travel with the value (City of London's resident-only population among them).
  { header: 'caveats', value: (r) => r.row.caveats.join(' | ') },
];

/** The memo key suffix of a chosen method ('' for the default, so default answers keep their keys). */
const methodKey = (method: ChosenMethod) => (method.label ? `|method=${method.label}` : '');
/** The file name suffix of a chosen method. */
const methodFile = (method: ChosenMethod) =>
  method.label ? `-${method.label.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+$/, '')}` : '';
/** A `method` column naming the chosen method, only when one was chosen (default answers keep their columns). */
const methodColumn = <Row>(method: ChosenMethod): CsvColumn<Row>[] =>
  method.label ? [{ header: 'method', value: () => method.label }] : [];

/** Tidy rows of a metric table: the forces, then England and Wales. */
function tableCsv(table: MetricTable, method?: ChosenMethod): string {
  const period = isMissing(table.period)
    ? `[${table.period.missing}] ${table.period.reason}`
    : formatPeriod(table.period);
  const rows: TableCsvRow[] = table.rows.map((row) => ({
    metricId: table.metric.id,
    period,
    slug: row.force.slug,
    name: row.force.name,
    row,
  }));
  rows.push({
    metricId: table.metric.id,
    period,
    slug: 'england-and-wales',
    name: 'England and Wales',
    row: {
      value: table.englandWales.value,
      provenance: table.englandWales.provenance,
      caveats: table.englandWales.caveats,
    },
  });
  return renderCsv(rows, method ? [...tableColumns, ...methodColumn<TableCsvRow>(method)] : tableColumns);
}

/**
 * The period object a `period` query names for a metric, or a 400 problem listing the valid ones.
 * @example
 * resolvePeriod(release, 'crime_rate_total_excl_fraud', '2016-06-30')
 * // { type: 'rolling-12m', end: '2016-06-30' }
 */
function resolvePeriod(
  release: PeelRelease,
  registry: MetricRegistry,
  metricId: MetricId,
  key: string | undefined,
  parameter = 'period',
): Period | ChangePeriod | undefined {
  if (key === undefined) return undefined;
  const periods = metricPeriods(metricId, { release, registry });
  const found = periods.find((period) => periodKey(period) === key);
  if (found) return found;
  const validValues = periods.map(periodKey);
  const suggestions = suggest(key, validValues);
  throw new ProblemError({
    status: 400,
    code: 'invalid-period',
    parameter,
    detail:
      `Query parameter '${parameter}' '${clip(key)}' is not a period of ${metricId}.` +
      `${suggestions.length ? ` Did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : ''} Valid periods: ` +
      `${
        validValues.length > 12
          ? `${validValues.slice(0, 4).join(', ')} … ${validValues.slice(-4).join(', ')} ` +
            `(${validValues.length} in all, listed in validValues)`
          : validValues.join(', ')
      }.`,
    validValues,
    ...(suggestions.length ? { suggestions } : {}),
  });
}

/** The options that compute a metric with the chosen method. */
function methodOptions(release: PeelRelease, method: ChosenMethod) {
  return { release, registry: method.registry, ...(method.variant ? { variant: method.variant } : {}) };
}

/**
 * The metric routes.
 * @example app.route('/', metricsRoutes({ memo, release }))
 */
export function metricsRoutes({ memo, release, registry }: RouteDeps) {
  const catalogue = metricDefinitions(registry);
  return new OpenAPIHono<AppEnv>()
    .openapi(catalogueRoute, (c) =>
      sendTable(c, memo, 'metrics', {
        filename: 'metrics',
        json: () => ({ metrics: catalogue }),
        csv: () =>
          renderCsv(catalogue, [
            { header: 'id', value: (m) => m.id },
            { header: 'spec_ref', value: (m) => m.specRef },
            { header: 'label', value: (m) => m.label },
            { header: 'section', value: (m) => m.section },
            { header: 'unit', value: (m) => m.unit },
            { header: 'numerator', value: (m) => m.numerator },
            { header: 'denominator', value: (m) => m.denominator, mayBeMissing: true },
            {
              header: 'period',
              value: (m) => (isMissing(m.period) ? m.period : formatPeriod(m.period)),
              mayBeMissing: true,
            },
            { header: 'comparator', value: (m) => m.comparator, mayBeMissing: true },
            { header: 'banding', value: (m) => m.banding },
            { header: 'availability', value: (m) => m.availability },
            { header: 'availability_note', value: (m) => m.availabilityNote },
            { header: 'source', value: (m) => m.source },
          ]),
      }),
    )
    .openapi(tableRoute, (c) => {
      const metric = resolveMetric(catalogue, c.req.valid('param').metric);
      const query = c.req.valid('query');
      const method = chosenMethod(registry, metric.id, query);
      const period = resolvePeriod(release, registry, metric.id, query.period);
      const table = () =>
        metricForAllForces(metric.id, { ...methodOptions(release, method), ...(period ? { period } : {}) });
      return sendTable(c, memo, `metric/${metric.id}/${period ? periodKey(period) : 'default'}${methodKey(method)}`, {
        filename: `${metric.id}${period ? `-${periodKey(period).replaceAll('/', '-')}` : ''}${methodFile(method)}`,
        json: table,
        csv: () => tableCsv(table(), method),
      });
    })
    .openapi(seriesRoute, (c) => {
      const params = c.req.valid('param');
      const metric = resolveMetric(catalogue, params.metric);
      const force = resolveForce(release.forces, params.force);
      const query = c.req.valid('query');
      const { from, to } = query;
      const method = chosenMethod(registry, metric.id, query);
      const options = methodOptions(release, method);
      const first = resolvePeriod(release, registry, metric.id, from, 'from');
      const last = resolvePeriod(release, registry, metric.id, to, 'to');
      const series = () => {
        const whole = metricSeries(metric.id, force.slug, options);
        if ((!first && !last) || isMissing(whole.series)) return whole;
        const keys = metricPeriods(metric.id, options).map(periodKey);
        const start = first ? keys.indexOf(periodKey(first)) : 0;
        const end = last ? keys.indexOf(periodKey(last)) : keys.length - 1;
        return {
          ...whole,
          series: whole.series.filter((point) => {
            const at = keys.indexOf(periodKey(point.period));
            return at >= start && at <= end;
          }),
        };
      };
      const range = first || last ? `/${first ? periodKey(first) : ''}..${last ? periodKey(last) : ''}` : '';
      return sendTable(c, memo, `series/${metric.id}/${force.slug}${range}${methodKey(method)}`, {
        filename: `${metric.id}-${force.slug}${methodFile(method)}`,
        json: series,
        csv: () => {
          const result = series();
          const points = isMissing(result.series) ? [] : result.series;
          return renderCsv(points, [
            { header: 'metric_id', value: () => metric.id },
            { header: 'force', value: () => force.slug },
            { header: 'period', value: (p) => formatPeriod(p.period) },
            { header: 'period_key', value: (p) => periodKey(p.period) },
            { header: 'value', value: (p) => p.force.value, mayBeMissing: true },
            ...countColumns((p: SeriesPoint) => p.force.provenance),
            {
              header: 'england_wales',
              value: (p) =>
                p.englandWales?.value ?? { missing: 'x', reason: 'no England and Wales value for this period' },
              mayBeMissing: true,
            },
            ...countColumns((p: SeriesPoint) => p.englandWales?.provenance, 'england_wales_'),
            { header: 'caveats', value: (p) => p.force.caveats.join(' | ') },
            ...methodColumn<SeriesPoint>(method),
          ]);
        },
      });
    })
    .openapi(periodsRoute, (c) => {
      const metric = resolveMetric(catalogue, c.req.valid('param').metric);
      const periods = () => ({
        metricId: metric.id,
        reportPeriod: periodKey(metricReportPeriod(metric.id, { release, registry })),
        periods: metricPeriods(metric.id, { release, registry }).map((period) => ({
          key: periodKey(period),
          label: formatPeriod(period),
        })),
      });
      return sendTable(c, memo, `periods/${metric.id}`, {
        filename: `${metric.id}-periods`,
        json: periods,
        csv: () =>
          renderCsv(periods().periods, [
            { header: 'key', value: (p) => p.key },
            { header: 'label', value: (p) => p.label },
          ]),
      });
    })
    .openapi(tidyRoute, (c) => {
      const metric = resolveMetric(catalogue, c.req.valid('param').metric);
      const method = chosenMethod(registry, metric.id, c.req.valid('query'));
      const tidy = () => tidyMetric(metric.id, methodOptions(release, method));
      return sendTable(c, memo, `tidy/${metric.id}${methodKey(method)}`, {
        filename: `${metric.id}${methodFile(method)}`,
        json: tidy,
        csv: () => tidyCsv(tidy()),
      });
    })
    .openapi(compareRoute, (c) => {
      const query = c.req.valid('query');
      const metric = resolveMetric(catalogue, query.metric, { status: 400 });
      const names = query.forces.split(',').map((name) => name.trim());
      if (names.length > 43 || names.some((name) => name === '')) {
        throw new ProblemError({
          status: 400,
          code: 'invalid-query',
          parameter: 'forces',
          detail:
            "Query parameter 'forces' must list 1 to 43 force slugs or ONS codes separated by commas, with no empty " +
            `entries, e.g. 'durham,cleveland'; received ${names.length} entries.`,
        });
      }
      const slugs = names.map((name) => {
        try {
          return resolveForce(release.forces, name, 'forces').slug;
        } catch (error) {
          // In a query an unknown name is a bad request (400), not a missing resource.
          if (error instanceof ProblemError) throw new ProblemError({ ...error.problem, status: 400 });
          throw error;
        }
      });
      const duplicate = slugs.find((slug, index) => slugs.indexOf(slug) !== index);
      if (duplicate)
        throw new ProblemError({
          status: 400,
          code: 'invalid-query',
          parameter: 'forces',
          detail: `Query parameter 'forces' lists '${duplicate}' twice; list each force once.`,
        });
      const period = resolvePeriod(release, registry, metric.id, query.period);
      const table = () => compareForces(metric.id, slugs, { release, registry, ...(period ? { period } : {}) });
      return sendTable(c, memo, `compare/${metric.id}/${period ? periodKey(period) : 'default'}/${slugs.join(',')}`, {
        filename: `${metric.id}-compare`,
        json: table,
        csv: () => tableCsv(table()),
      });
    });
}
