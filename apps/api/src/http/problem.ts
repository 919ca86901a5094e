import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { strongEtag } from './etag.ts';
import { urlPath } from './negotiate.ts';

/**
 * RFC 9457 problem details: the one error shape of the API. `type` stays `about:blank` (the RFC's default, whose
 * `title` is the HTTP reason phrase); `code` is the stable machine-readable reason, `detail` the sentence a person
 * reads. Extensions name the parameter that was wrong and, where it helps, the values that would have worked.
 */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    title: z.string().openapi({ example: 'Not Found' }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().openapi({ example: "No force 'durhm'. Did you mean 'durham'?" }),
    instance: z.string().openapi({ example: '/v1/forces/durhm' }),
    code: z.string().openapi({ example: 'unknown-force' }),
    requestId: z.string().optional(),
    parameter: z.string().optional().openapi({ description: 'The path or query parameter that was wrong.' }),
    suggestions: z.array(z.string()).optional().openapi({ description: 'Closest valid values, best first.' }),
    validValues: z.array(z.string()).optional().openapi({ description: 'Every value the parameter accepts.' }),
    allow: z.array(z.string()).optional().openapi({ description: 'Methods this API accepts (405 only).' }),
    retryAfterSeconds: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'Seconds until the client may retry (429 only).' }),
  })
  .openapi('Problem');
/** A problem details document as the API sends it. */
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * The media type of every error response (RFC 9457).
 * @example res.headers.get('content-type') === PROBLEM_CONTENT_TYPE
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const REASON_PHRASES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  414: 'URI Too Long',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * What a handler knows about a problem; the rest (type, title, instance, request id) is filled in by {@link
 * problemJson}.
 */
export type ProblemInput = {
  status: ContentfulStatusCode;
  code: string;
  detail: string;
} & Partial<Pick<Problem, 'parameter' | 'suggestions' | 'validValues' | 'allow' | 'retryAfterSeconds'>>;

/**
 * Thrown by handlers and helpers for untrusted input; the app's error handler turns it into problem+json.
 * @example throw new ProblemError({ status: 404, code: 'unknown-force', detail: "No force 'x'.", parameter: 'force' })
 */
export class ProblemError extends Error {
  readonly problem: ProblemInput;
  constructor(problem: ProblemInput) {
    super(problem.detail);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}

/**
 * Builds the full problem document for a request.
 * @example problemJson('/v1/forces/x', { status: 404, code: 'unknown-force', detail: "No force 'x'." }, 'abc')
 * // { type: 'about:blank', title: 'Not Found', status: 404, detail: "No force 'x'.", instance: '/v1/forces/x', code:
 * 'unknown-force', requestId: 'abc' }
 */
export function problemJson(instance: string, input: ProblemInput, requestId?: string): Problem {
  const { status, code, detail, ...extensions } = input;
  return {
    type: 'about:blank',
    title: REASON_PHRASES[status] ?? 'Error',
    status,
    detail,
    instance,
    code,
    ...(requestId ? { requestId } : {}),
    ...extensions,
  };
}

/**
 * A problem+json response for the current request (path as `instance`, request id from the context), with every
 * header in one plain object (the app's planned headers, `no-store`, its strong ETag) and sealed like the fast
 * path, so middleware does not re-read the body to hash it.
 * @example
 * return problemResponse(c, { status: 400, code: 'invalid-query', detail: "Unknown query parameter 'perod'.",
 * parameter: 'perod' })
 */
export function problemResponse(
  c: Context,
  input: ProblemInput,
  headers: Record<string, string> = {},
): Promise<Response> {
  c.set('sealed', true);
  const planned = (c.get('responseHeaders') as Record<string, string> | undefined) ?? {};
  return problemFor(c.req.url, input, planned, c.get('requestId') as string | undefined, headers);
}

/**
 * A problem+json response for a request URL, outside any route (the edge's 429 is sent before routing).
 * @example
 * await problemFor('http://x/v1/forces', { status: 429, code: 'rate-limited', detail: 'Too many requests.' }, planned,
 * 'abc')
 */
export async function problemFor(
  url: string,
  input: ProblemInput,
  planned: Record<string, string>,
  requestId?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const text = JSON.stringify(problemJson(urlPath(url), input, requestId));
  return new Response(text, {
    status: input.status,
    headers: {
      ...planned,
      'Content-Type': PROBLEM_CONTENT_TYPE,
      'Cache-Control': 'no-store',
      ETag: await strongEtag(text),
      ...headers,
    },
  });
}

/**
 * The OpenAPI response entry for an error status.
 * @example responses: { 404: problemResponseSpec('No such force.') }
 */
export function problemResponseSpec(description: string) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } } as const;
}

/**
 * Responses every route can give: 304 on a matching If-None-Match, 429 over the rate limit.
 * @example responses: { 200: …, ...commonResponses }
 */
export const commonResponses = {
  304: { description: 'Not modified: the `If-None-Match` ETag is current.' },
  429: problemResponseSpec('Too many requests from this client; `Retry-After` says when to retry.'),
} as const;
