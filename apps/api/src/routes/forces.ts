/**
 * `GET /v1/forces` and `GET /v1/forces/{force}`: the 43 territorial forces with their PEEL 2016 effectiveness
 * judgments. JSON or tidy CSV (one row per force, or one row per judgment).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type Force, ForceSchema, territorialForces } from 'peel-data';
import type { AppEnv } from '../http/context.ts';
import { renderCsv } from '../http/csv.ts';
import type { RenderMemo } from '../http/memo.ts';
import { commonResponses, problemResponseSpec } from '../http/problem.ts';
import { sendTable } from '../http/send.ts';
import { strictQuery } from '../http/validation.ts';
import { resolveForce } from '../lib/resolve.ts';
import { ForceParamSchema } from './schemas.ts';

export const ForceSummarySchema = ForceSchema.omit({ aliases: true, kind: true })
  .extend({
    links: z.object({ self: z.string(), report: z.string() }),
  })
  .openapi('Force');
export type ForceSummary = z.infer<typeof ForceSummarySchema>;

export const ForceListSchema = z.object({ forces: z.array(ForceSummarySchema) }).openapi('ForceList');

const CSV = { 'text/csv': { schema: z.string().openapi({ description: 'Tidy CSV with a header row.' }) } } as const;

const listRoute = createRoute({
  method: 'get',
  path: '/v1/forces',
  operationId: 'listForces',
  tags: ['forces'],
  summary: 'The 43 territorial forces with their judgments',
  description: 'Forces in ONS code order. CSV: one row per force (`/v1/forces.csv` or `Accept: text/csv`).',
  request: { query: strictQuery('/v1/forces', {}) },
  responses: {
    200: { description: 'The forces.', content: { 'application/json': { schema: ForceListSchema }, ...CSV } },
    400: problemResponseSpec('A query parameter was given; this endpoint takes none.'),
    ...commonResponses,
  },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/v1/forces/{force}',
  operationId: 'getForce',
  tags: ['forces'],
  summary: 'One force with its judgments',
  description: 'By slug or ONS code. CSV: one row per judgment.',
  request: { params: z.object({ force: ForceParamSchema }), query: strictQuery('/v1/forces/{force}', {}) },
  responses: {
    200: { description: 'The force.', content: { 'application/json': { schema: ForceSummarySchema }, ...CSV } },
    400: problemResponseSpec('A query parameter was given; this endpoint takes none.'),
    404: problemResponseSpec('No such force; the problem suggests the closest slugs.'),
    ...commonResponses,
  },
});

/** The API's view of a force (aliases are an import detail and stay in peel-data). */
function summarise(force: Force): ForceSummary {
  const { aliases: _aliases, kind: _kind, ...rest } = force;
  return { ...rest, links: { self: `/v1/forces/${force.slug}`, report: `/v1/reports/peel-2016-effectiveness/${force.slug}` } };
}

const forceColumns = [
  { header: 'slug', value: (f: ForceSummary) => f.slug },
  { header: 'code', value: (f: ForceSummary) => f.code, mayBeMissing: true },
  { header: 'name', value: (f: ForceSummary) => f.name },
  { header: 'short_name', value: (f: ForceSummary) => f.shortName },
  { header: 'region', value: (f: ForceSummary) => f.region, mayBeMissing: true },
  { header: 'country', value: (f: ForceSummary) => f.country },
];

/**
 * The force routes.
 * @example app.route('/', forcesRoutes({ memo }))
 */
export function forcesRoutes({ memo }: { memo: RenderMemo }) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, (c) => {
      return sendTable(c, memo, 'forces', {
        filename: 'forces',
        json: () => ({ forces: territorialForces.map(summarise) }),
        csv: () => renderCsv(territorialForces.map(summarise), forceColumns),
      });
    })
    .openapi(oneRoute, (c) => {
      const force = resolveForce(c.req.valid('param').force);
      return sendTable(c, memo, `forces/${force.slug}`, {
        filename: force.slug,
        json: () => summarise(force),
        csv: () => renderCsv([summarise(force)], forceColumns),
      });
    });
}
