/**
 * The cross-cutting behaviour every response shares, in two parts of one edge (see {@link createEdge}):
 *
 * The front door runs before Hono's router, synchronously, for every request:
 * 1. a request id (the caller's `X-Request-Id` when it is safe, else a UUID);
 * 2. the per-client rate limit (429 with `Retry-After`), which counts every method: OPTIONS and refused methods
 *    cost the server work too, and a limit they could bypass would not hold;
 * 3. a GET the memo has answered before is answered again from it (200 or 304) and logged, with no routing,
 *    no middleware chain and no promise: an immutable release always gives the same answer to the same request.
 *
 * Everything else goes through the router with the edge middleware in front of every route:
 * 4. OPTIONS answered here (CORS preflight); methods other than GET/HEAD/OPTIONS get 405;
 * 5. responses the routes did not seal get the planned headers (CORS, security), Cache-Control, a strong ETag
 *    and 304 when `If-None-Match` matches; one log line per request.
 *
 * Web standards only, so the same code runs on Node and Workers.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { ifNoneMatchMatches, strongEtag } from './etag.ts';
import { ALLOW_HEADER, ALLOWED_METHODS, BASE_HEADERS, DATA_CACHE_CONTROL, NO_STORE } from './headers.ts';
import type { RenderMemo } from './memo.ts';
import { urlPath } from './negotiate.ts';
import { problemFor, problemResponse } from './problem.ts';
import { cloudflareClientKey } from './client-address.ts';
import { FixedWindowLimiter, type RateLimitDecision, type RateLimitOptions } from './rate-limit.ts';
import { repeatAnswer } from './send.ts';

export { ALLOWED_METHODS, DATA_CACHE_CONTROL, NO_STORE, SECURITY_HEADERS } from './headers.ts';

/** One line of the request log. */
export type RequestLog = {
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
};

/** Where request logs go (stdout as JSON lines on Node, console on Workers, nowhere in tests). */
export type RequestLogger = (entry: RequestLog) => void;

/** Rate-limit settings: the window, plus how to tell clients apart. */
export type RateLimitConfig = RateLimitOptions & {
  /**
   * The client's key (its IP address, or its /64 for IPv6), from the request and the runtime's bindings (on Node,
   * @hono/node-server's `{ incoming }`; see client-address.ts `socketClientKey`). Defaults to Cloudflare's
   * `CF-Connecting-IP` (`cloudflareClientKey`), else one shared key.
   */
  clientKey?: (request: Request, env: unknown) => string;
  /** Clock in ms; injectable for tests. */
  now?: () => number;
};

/**
 * A 304 carrying the validators and caching headers of the 200 it stands for, without entity headers.
 * @example c.res = notModified(c.res.headers)
 */
export function notModified(from: Headers): Response {
  const headers = new Headers(from);
  headers.delete('Content-Type');
  headers.delete('Content-Length');
  headers.delete('Content-Disposition');
  return new Response(null, { status: 304, headers });
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Options of {@link createEdge}. */
export type EdgeOptions = {
  logger?: RequestLogger | undefined;
  rateLimit?: RateLimitConfig | false | undefined;
  /** The memo whose earlier answers repeat requests get without running the route. */
  memo?: RenderMemo | undefined;
};

/** What the front door decided for a request it passed on to the router. */
type Admission = { requestId: string; decision: RateLimitDecision | undefined; started: number };

/** The two halves of the edge: `front` wraps the app's fetch, `middleware` is mounted on every route. */
export type Edge = {
  /** Answers the request before routing (a memo hit, or 429), or returns undefined to let the router run. */
  front: (request: Request, env: unknown) => Response | Promise<Response> | undefined;
  middleware: MiddlewareHandler<AppEnv>;
};

/**
 * The edge in front of every route (see the file comment for what it does, in order).
 * @example
 * const edge = createEdge({ logger, rateLimit: { limit: 600, windowMs: 60_000 }, memo });
 * app.use('*', edge.middleware);
 * const route = app.fetch;
 * app.fetch = (request, env, ctx) => edge.front(request, env) ?? route(request, env, ctx);
 */
export function createEdge({ logger, rateLimit, memo }: EdgeOptions = {}): Edge {
  const limiter = rateLimit ? new FixedWindowLimiter(rateLimit) : undefined;
  const clientKey = (rateLimit && rateLimit.clientKey) || cloudflareClientKey;
  const now = (rateLimit && rateLimit.now) || Date.now;
  const windowSeconds = rateLimit ? rateLimit.windowMs / 1000 : 0;
  // Handed from the front door to the middleware for requests the router answers (the same Request object).
  const admissions = new WeakMap<Request, Admission>();

  const admit = (request: Request, decision: RateLimitDecision | undefined): Admission => {
    const incoming = request.headers.get('x-request-id');
    const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
    return { requestId, decision, started: logger ? performance.now() : 0 };
  };
  const log = (request: Request, admission: Admission, status: number) => {
    logger?.({
      requestId: admission.requestId,
      method: request.method,
      path: urlPath(request.url),
      status,
      durationMs: Math.round((performance.now() - admission.started) * 1000) / 1000,
    });
  };

  const front: Edge['front'] = (request, env) => {
    const admission = admit(request, limiter?.hit(clientKey(request, env), now()));
    const { decision } = admission;
    if (decision && !decision.allowed) {
      const detail =
        `Too many requests: at most ${decision.limit} per ${windowSeconds} s per client. ` +
        `Retry in ${decision.resetSeconds} s.`;
      const problem = { status: 429, code: 'rate-limited', detail, retryAfterSeconds: decision.resetSeconds } as const;
      return problemFor(request.url, problem, plannedHeaders(admission), admission.requestId, {
        'Retry-After': String(decision.resetSeconds),
      }).then((response) => {
        if (logger) log(request, admission, 429);
        return response;
      });
    }
    // HEAD goes through the router, which answers it as a GET without the body; OPTIONS and 405s go there too.
    const hit = request.method === 'GET' ? memo?.answerFor(request) : undefined;
    if (hit) {
      const response = repeatAnswer(
        hit,
        request.headers.get('if-none-match'),
        admission.requestId,
        decision && rateLimitHeaders(decision),
      );
      if (logger) log(request, admission, response.status);
      return response;
    }
    admissions.set(request, admission);
    return undefined;
  };

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const admission = admissions.get(c.req.raw) ?? admit(c.req.raw, undefined);
    const planned = plannedHeaders(admission);
    c.set('requestId', admission.requestId);
    c.set('responseHeaders', planned);
    const method = c.req.method;

    if (method === 'OPTIONS') {
      // Preflight or capability probe: no route runs.
      c.res = new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Methods': ALLOW_HEADER,
          'Access-Control-Allow-Headers':
            c.req.header('access-control-request-headers') ?? 'Accept, If-None-Match, X-Request-Id',
          'Access-Control-Max-Age': '86400',
          Allow: ALLOW_HEADER,
          'Cache-Control': 'public, max-age=86400',
        },
      });
      await finish(c, planned);
    } else if (method !== 'GET' && method !== 'HEAD') {
      c.res = await problemResponse(
        c,
        {
          status: 405,
          code: 'method-not-allowed',
          detail: `Method ${method} is not allowed: this API is read-only and accepts ${ALLOW_HEADER}.`,
          allow: [...ALLOWED_METHODS],
        },
        { Allow: ALLOW_HEADER },
      );
    } else {
      await next();
      // Sealed responses (the memoised path, problems) already carry every header in a plain object.
      if (!c.get('sealed')) await finish(c, planned);
    }
    if (logger) log(c.req.raw, admission, c.res.status);
  };

  return { front, middleware };
}

/**
 * The headers a routed response (or the 429) starts from: the shared ones, the request's id and, when a rate limit
 * is on, the client's standing.
 */
function plannedHeaders({ requestId, decision }: Admission): Record<string, string> {
  const planned: Record<string, string> = { ...BASE_HEADERS, 'X-Request-Id': requestId };
  return decision ? Object.assign(planned, rateLimitHeaders(decision)) : planned;
}

/** The client's standing under the rate limit (IETF draft RateLimit header fields). */
function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
  };
}

/** The slow path's headers: planned ones, Cache-Control, a strong ETag of the body, and 304 when it matches. */
async function finish(c: Context<AppEnv>, planned: Record<string, string>): Promise<void> {
  const headers = c.res.headers;
  for (const name in planned) if (!headers.has(name)) headers.set(name, planned[name]!);
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', c.res.status < 400 ? DATA_CACHE_CONTROL : NO_STORE);
  let etag = headers.get('ETag');
  if (!etag) {
    etag = await strongEtag(new Uint8Array(await c.res.clone().arrayBuffer()));
    headers.set('ETag', etag);
  }
  if (
    c.res.status === 200 &&
    (c.req.method === 'GET' || c.req.method === 'HEAD') &&
    ifNoneMatchMatches(c.req.header('if-none-match'), etag)
  ) {
    c.res = notModified(headers);
  }
}
