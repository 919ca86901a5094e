/**
 * The 2016 report regenerated for any quarter end the release covers (peel-metrics' `buildForceReport` with
 * `periodEnd`), for the bundled data or a release folder from `peel-data import` (PEEL_DATA_DIR):
 *   - `GET /v1/reports/peel-effectiveness`: the period ends the release covers, the latest, and where the 2016
 *     edition as HMIC published it lives (`/v1/reports/peel-2016-effectiveness/{force}`, unchanged);
 *   - `GET /v1/reports/peel-effectiveness/{force}?period=YYYY-MM-DD`: the report for the 12 months to that date
 *     (the latest when omitted). A date the release does not cover is a 404 problem listing the ones it does.
 * A regenerated report carries `regeneration` (HMIC did not publish it) and has no judgments or printed values.
 * JSON: peel-metrics' `reportPayload` in the view `?view=` asks for, as the 2016 edition's; CSV: one row per value.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { buildForceReport, reportMetrics, reportPayload, reportPeriods, REGENERATION_NOTICE } from 'peel-metrics';
import type { AppEnv } from '../http/context.ts';
import { renderCsv } from '../http/csv.ts';
import { ProblemError } from '../http/problem.ts';
import { sendTable } from '../http/send.ts';
import { noQueryParameters, strictQuery } from '../http/validation.ts';
import { resolveForce } from '../lib/resolve.ts';
import type { RouteDeps } from './deps.ts';
import { reportMetricColumns } from './reports.ts';
import { routeResponses, TAKES_NO_QUERY } from './responses.ts';
import { ForceParamSchema, ReportPayloadResponseSchema, ReportViewQuerySchema } from './schemas.ts';

const EDITION_2016 = '/v1/reports/peel-2016-effectiveness/{force}';

/** The periods a release can regenerate the report for. */
export const ReportPeriodsSchema = z
  .object({
    edition: z.literal('peel-2016-effectiveness'),
    periods: z.array(z.string()).openapi({ description: 'Quarter ends (ISO dates), oldest first.' }),
    latest: z.string().openapi({ description: 'The newest period end: the default of `period`.' }),
    url: z.string().openapi({ example: '/v1/reports/peel-effectiveness/{force}?period=2018-12-31' }),
    published: z
      .object({ periodEnd: z.string(), url: z.string() })
      .openapi({ description: 'The 2016 edition as HMIC published it (judgments and printed values).' }),
    notice: z.string(),
  })
  .meta({ id: 'ReportPeriods', description: 'The period ends a report can be regenerated for in this release.' });

const PeriodEndQuerySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD), e.g. 2018-06-30')
  .optional()
  .openapi({
    param: { name: 'period', in: 'query' },
    description:
      'A quarter end the release covers (GET /v1/reports/peel-effectiveness lists them): the report for the 12 ' +
      'months to that date. Default: the latest.',
    example: '2018-06-30',
  });

const periodsRoute = createRoute({
  method: 'get',
  path: '/v1/reports/peel-effectiveness',
  operationId: 'getReportPeriods',
  tags: ['reports'],
  summary: 'The periods a report can be regenerated for',
  description:
    'Every quarter end the release covers (its recorded crime and populations), oldest first, and the latest. The ' +
    '2016 edition as HMIC published it stays at /v1/reports/peel-2016-effectiveness/{force}. CSV: one row per period.',
  middleware: [noQueryParameters] as const,
  responses: routeResponses(
    { description: 'The periods.', schema: ReportPeriodsSchema },
    { badRequest: TAKES_NO_QUERY },
  ),
});

const periodReportRoute = createRoute({
  method: 'get',
  path: '/v1/reports/peel-effectiveness/{force}',
  operationId: 'getForcePeriodReport',
  tags: ['reports'],
  summary: "A force's effectiveness report regenerated for a period",
  description:
    "HMIC's PEEL 2016 effectiveness report regenerated for the 12 months to `period` with the same method, " +
    'comparators, banding and sentences: change vs the previous 12 months and vs five years earlier, a five-year ' +
    'series, anti-social behaviour and outcomes for the nearest periods their sources cover (labelled). HMIC did ' +
    'not publish it: it has `regeneration`, no judgments and no printed values. Same shape as the 2016 report, ' +
    'in the same two views (`view`: `values` by default, or `full`) and lean the same way: provenance, notes and ' +
    "force lists are ids in the payload's `provenance`, `notes` and `lists` maps (peel-metrics' `expandReport` " +
    'resolves them). CSV: one row per metric value.',
  request: {
    params: z.object({ force: ForceParamSchema }),
    query: strictQuery('/v1/reports/peel-effectiveness/{force}', {
      period: PeriodEndQuerySchema,
      view: ReportViewQuerySchema,
    }),
  },
  responses: routeResponses(
    {
      description: 'The report, lean, in the view asked for (`values` by default).',
      schema: ReportPayloadResponseSchema,
    },
    {
      badRequest: 'A period that is not an ISO date, or an unknown query parameter.',
      notFound: 'No such force, or a period the release does not cover (the problem lists them).',
    },
  ),
});

/**
 * The period-report routes.
 * @example app.route('/', periodReportsRoutes({ memo, release, registry }))
 */
export function periodReportsRoutes({ memo, release, registry }: RouteDeps) {
  const periods = reportPeriods({ release, registry });
  const latest = periods.at(-1) ?? '';
  const build = (slug: string, periodEnd: string) => {
    const report = buildForceReport(slug, { release, registry, periodEnd });
    return { ...report, metrics: reportMetrics(report, { release, registry }) };
  };
  const periodOf = (key: string | undefined): string => {
    if (key === undefined) return latest;
    if (periods.includes(key)) return key;
    const listed = periods.length > 12 ? `${periods.slice(0, 4).join(', ')} … ${periods.slice(-4).join(', ')}` : '';
    throw new ProblemError({
      status: 404,
      code: 'unknown-period',
      parameter: 'period',
      detail:
        `No report for the 12 months to '${key.slice(0, 10)}': this release covers the quarter ends ` +
        `${listed || periods.join(', ')} (${periods.length} in all, listed in validValues).`,
      validValues: periods,
    });
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(periodsRoute, (c) =>
      sendTable(c, memo, 'report-periods', {
        filename: 'peel-effectiveness-periods',
        json: () => ({
          edition: 'peel-2016-effectiveness' as const,
          periods,
          latest,
          url: `/v1/reports/peel-effectiveness/{force}?period=${latest}`,
          published: { periodEnd: '2016-06-30', url: EDITION_2016 },
          notice: REGENERATION_NOTICE,
        }),
        csv: () =>
          renderCsv(
            periods.map((period) => ({ period })),
            [
              { header: 'period_end', value: (r) => r.period },
              { header: 'url', value: (r) => `/v1/reports/peel-effectiveness/{force}?period=${r.period}` },
            ],
          ),
      }),
    )
    .openapi(periodReportRoute, (c) => {
      const force = resolveForce(release.forces, c.req.valid('param').force);
      const { period, view } = c.req.valid('query');
      const periodEnd = periodOf(period);
      return sendTable(c, memo, `report/${force.slug}/${periodEnd}?view=${view}`, {
        filename: `peel-effectiveness-${force.slug}-${periodEnd}`,
        json: () => reportPayload(build(force.slug, periodEnd), { view }),
        csv: () => {
          const report = build(force.slug, periodEnd);
          // A regenerated report prints nothing, so it has nothing to reconcile.
          const rows = Object.values(report.metrics).flatMap((metric) =>
            (metric.rows ?? [undefined]).map((row) => ({ force: force.slug, metric, row, reconciliation: [] })),
          );
          return renderCsv(rows, reportMetricColumns);
        },
      });
    });
}
