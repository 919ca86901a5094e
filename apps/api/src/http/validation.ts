/**
 * Turns a zod validation failure on a path or query parameter into a problem that names the parameter, says
 * what was wrong and, for enumerations, lists the valid values with the closest ones first.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { suggest } from '../lib/suggest.ts';
import { ProblemError, type ProblemInput, problemResponse } from './problem.ts';
import { clip } from '../lib/resolve.ts';

type Issue = ZodError['issues'][number];

/**
 * The problem for the first issue of a failed validation of `target` (`param` or `query`).
 * @example validationProblem('query', error, (name) => c.req.query(name))
 * // { status: 400, code: 'invalid-query', parameter: 'period', detail: "Query parameter 'period' …", validValues:
 * [...] }
 */
export function validationProblem(
  target: string,
  error: ZodError,
  received: (name: string) => string | undefined,
  acceptedQuery: readonly string[] = [],
): ProblemInput {
  const issue = error.issues[0] as Issue;
  const where = target === 'param' ? 'Path parameter' : target === 'query' ? 'Query parameter' : `${target} value`;
  const code = target === 'param' ? 'invalid-path-parameter' : 'invalid-query';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    const known = [...acceptedQuery];
    return {
      status: 400,
      code,
      parameter: keys[0] ?? '',
      detail:
        `Unknown ${where.toLowerCase()}${keys.length > 1 ? 's' : ''} ` +
        `${keys.map((k) => `'${k}'`).join(', ')}.` +
        (known.length ? ` This endpoint accepts: ${known.join(', ')}.` : ' This endpoint takes no query parameters.'),
      ...(known.length ? { validValues: known } : {}),
      ...(keys[0] && known.length ? { suggestions: suggest(keys[0], known) } : {}),
    };
  }
  const name = String(issue.path[0] ?? '');
  const value = received(name);
  const shown = value === undefined ? 'is required' : `'${truncate(value)}' is not valid`;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const validValues = issue.values.map(String);
    const suggestions = value ? suggest(value, validValues) : [];
    return {
      status: 400,
      code,
      parameter: name,
      detail:
        `${where} '${name}' ${shown}.` +
        (suggestions.length ? ` Did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : '') +
        ` Valid values: ${validValues.join(', ')}.`,
      validValues,
      ...(suggestions.length ? { suggestions } : {}),
    };
  }
  return { status: 400, code, parameter: name, detail: `${where} '${name}' ${shown}: ${issue.message}.` };
}

/** Query keys each route accepts, by Hono route path, so an unknown key can be answered with the valid ones. */
const acceptedQueryByRoute = new Map<string, readonly string[]>();

/**
 * A strict query schema (unknown keys are an error, so a typo such as `perod` is caught, not ignored),
 * registered under the route's OpenAPI path so the error can list what the route accepts.
 * @example request: { query: strictQuery('/v1/metrics/{metric}', { period: z.string().optional() }) }
 */
export function strictQuery<Shape extends z.ZodRawShape>(openApiPath: string, shape: Shape) {
  acceptedQueryByRoute.set(openApiPath.replace(/\{(\w+)\}/g, ':$1'), Object.keys(shape));
  return z.object(shape).strict();
}

/**
 * Route middleware for endpoints that take no query parameters: any parameter is a 400 problem naming it (so a
 * typo is caught, not ignored). A middleware rather than an empty query schema, so typed clients need not pass
 * `query: {}`.
 * @example createRoute({ …, middleware: [noQueryParameters] as const })
 */
export const noQueryParameters: MiddlewareHandler = async (c, next) => {
  const url = c.req.url;
  const start = url.indexOf('?');
  if (start < 0 || start === url.length - 1) return next();
  const keys = [...new URLSearchParams(url.slice(start + 1)).keys()];
  if (keys.length === 0) return next();
  throw new ProblemError({
    status: 400,
    code: 'invalid-query',
    parameter: keys[0]!,
    detail:
      `Unknown query parameter${keys.length > 1 ? 's' : ''} ` +
      `${keys.map((k) => `'${clip(k)}'`).join(', ')}. This endpoint takes no query parameters.`,
  });
};

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * The `defaultHook` for OpenAPIHono: every invalid parameter becomes problem+json.
 * @example new OpenAPIHono({ defaultHook: validationHook })
 */
export function validationHook(
  result: { target: string; success: boolean; error?: ZodError },
  c: Context,
): Promise<Response> | undefined {
  if (result.success || !result.error) return undefined;
  const received = (name: string) => (result.target === 'param' ? c.req.param(name) : c.req.query(name));
  return problemResponse(
    c,
    validationProblem(result.target, result.error, received, acceptedQueryByRoute.get(c.req.routePath) ?? []),
  );
}
