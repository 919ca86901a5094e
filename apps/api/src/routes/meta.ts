/**
 * Service routes: `/healthz` for load balancers and uptime checks. (`/openapi.json` and `/docs` are added by
 * createApp because they describe the finished app.)
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/context.ts';
import { NO_STORE } from '../http/headers.ts';
import { renderBody } from '../http/memo.ts';
import { problemResponseSpec } from '../http/problem.ts';
import { sendRendered } from '../http/send.ts';

/** The body of GET /healthz. */
export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    release: z.object({
      id: z.string().openapi({ description: 'Identifier of the data release being served.', example: 'bundled' }),
      source: z
        .enum(['bundled', 'directory'])
        .openapi({ description: 'Bundled with the API, or loaded from PEEL_DATA_DIR at start.' }),
    }),
  })
  .openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  tags: ['service'],
  summary: 'Liveness and the data release being served',
  description: 'Always 200 while the process serves requests. Never cached.',
  responses: {
    200: { description: 'The service is up.', content: { 'application/json': { schema: HealthSchema } } },
    429: problemResponseSpec('Too many requests from this client; `Retry-After` says when to retry.'),
  },
});

/**
 * The service routes.
 * @example app.route('/', metaRoutes({ id: 'bundled', source: 'bundled' }))
 */
export function metaRoutes(release: z.infer<typeof HealthSchema>['release']) {
  // `as never`: a memoised raw Response stands in for the typed JSON response the route documents.
  // Rendered once: the answer only changes with the process, and `no-store` keeps caches from holding it.
  const rendered = renderBody(JSON.stringify({ status: 'ok', release }), 'application/json; charset=utf-8');
  return new OpenAPIHono<AppEnv>().openapi(
    healthRoute,
    async (c) => sendRendered(c, await rendered, {}, NO_STORE) as never,
  );
}
