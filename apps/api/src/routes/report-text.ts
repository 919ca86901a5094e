/**
 * `GET /v1/reports/peel-2016-effectiveness/{force}.md`: a force's 2016 report as Markdown, rendered by peel-metrics'
 * `renderReport` from the same report model the JSON route serves (missing values as markers with footnoted
 * reasons). Its own path, so the JSON operation keeps JSON as its only media type and generated clients stay plain.
 * Hono matches the `.md` suffix with a regular-expression parameter; the OpenAPI document lists the path as
 * `{force}.md`.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { buildForceReport, renderReport } from 'peel-metrics';
import type { AppEnv } from '../http/context.ts';
import { renderBody } from '../http/memo.ts';
import { commonResponses, problemResponseSpec } from '../http/problem.ts';
import { sendMemo } from '../http/send.ts';
import { noQueryParameters } from '../http/validation.ts';
import { resolveForce } from '../lib/resolve.ts';
import type { RouteDeps } from './deps.ts';
import { ForceParamSchema } from './schemas.ts';

/** The OpenAPI path of the Markdown report. */
export const REPORT_MARKDOWN_PATH = '/v1/reports/peel-2016-effectiveness/{force}.md';

/**
 * The Markdown report route.
 * @example app.route('/', reportTextRoutes({ memo, release, registry }))
 */
export function reportTextRoutes({ memo, release, registry }: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: REPORT_MARKDOWN_PATH,
    operationId: 'getForceReportMarkdown',
    tags: ['reports'],
    summary: "A force's PEEL 2016 effectiveness report as Markdown",
    description:
      'The report model of GET /v1/reports/peel-2016-effectiveness/{force} as a readable document: judgments, ' +
      'summary sentences, every figure as a table, notes and sources. A missing value is its marker (`[x]`) with ' +
      'the reason in a footnote.',
    request: {
      params: z.object({ force: ForceParamSchema }),
    },
    responses: {
      200: {
        description: 'The report as Markdown (CommonMark with GitHub tables and footnotes).',
        content: { 'text/markdown': { schema: z.string() } },
      },
      400: problemResponseSpec('A query parameter was given; this endpoint takes none.'),
      404: problemResponseSpec('No such force; the problem suggests the closest slugs.'),
      ...commonResponses,
    },
  });
  app.get('/v1/reports/peel-2016-effectiveness/:file{[^/]+\\.md}', noQueryParameters, (c) => {
    const force = resolveForce(release.forces, c.req.param('file').slice(0, -'.md'.length));
    return sendMemo(c, memo, `report-md/${force.slug}`, () =>
      renderBody(
        renderReport(buildForceReport(force.slug, { release, registry }), { format: 'markdown', release, registry }),
        'text/markdown; charset=utf-8',
      ),
    );
  });
  return app;
}
