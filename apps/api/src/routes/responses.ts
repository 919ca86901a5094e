/** The answers a JSON route declares in the OpenAPI document, written once for every route. */
import type { z } from '@hono/zod-openapi';
import { commonResponses, problemResponseSpec } from '../http/problem.ts';

/** The 400 of an endpoint that takes no query parameters. */
export const TAKES_NO_QUERY = 'A query parameter was given; this endpoint takes none.';
/** The 404 of an endpoint whose path names a force. */
export const NO_SUCH_FORCE = 'No such force; the problem suggests the closest slugs.';

/**
 * The answers of a route: 200 with its JSON body, a 400 problem, a 404 problem where the path names something that
 * may not exist, and the answers every route can give (304, 429).
 * @example
 * routeResponses({ description: 'The force.', schema: ForceSummarySchema }, { badRequest: TAKES_NO_QUERY })
 */
export function routeResponses<Schema extends z.ZodType>(
  ok: { description: string; schema: Schema },
  problems: { badRequest: string; notFound?: string },
) {
  return {
    200: { description: ok.description, content: { 'application/json': { schema: ok.schema } } },
    400: problemResponseSpec(problems.badRequest),
    ...(problems.notFound === undefined ? {} : { 404: problemResponseSpec(problems.notFound) }),
    ...commonResponses,
  };
}
