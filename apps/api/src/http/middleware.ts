/**
 * The cross-cutting behaviour every response shares, in one lean middleware (each extra Hono middleware is
 * another async frame on every request, and the memoised fast path is meant to cost no more than a bare route):
 *
 * 1. a request id (the caller's `X-Request-Id` when it is safe, else a UUID) and one log line per request;
 * 2. OPTIONS answered here (CORS preflight); methods other than GET/HEAD/OPTIONS get 405;
 * 3. the per-client rate limit (429 with `Retry-After`);
 * 4. a request the memo has answered before is answered again from it (see send.ts), else the route runs;
 * 5. responses the routes did not seal get the planned headers (CORS, security), Cache-Control, a strong ETag
 *    and 304 when `If-None-Match` matches.
 *
 * Web standards only, so the same code runs on Node and Workers.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { ifNoneMatchMatches, strongEtag } from './etag.ts';
import { ALLOW_HEADER, ALLOWED_METHODS, BASE_HEADERS, DATA_CACHE_CONTROL, NO_STORE } from './headers.ts';
import type { RenderMemo } from './memo.ts';
import { problemResponse } from './problem.ts';
import { FixedWindowLimiter, type RateLimitOptions } from './rate-limit.ts';
import { requestKey, sendRendered } from './send.ts';

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
  /** The client's key (its IP address, typically). Defaults to Cloudflare's `CF-Connecting-IP`, else one shared key. */
  clientKey?: (c: Context) => string;
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

/** Options of {@link edge}. */
export type EdgeOptions = {
  logger?: RequestLogger | undefined;
  rateLimit?: RateLimitConfig | false | undefined;
  /** The memo whose earlier answers repeat requests get without running the route. */
  memo?: RenderMemo | undefined;
};

/**
 * The one middleware in front of every route (see the file comment for what it does, in order).
 * @example app.use('*', edge({ logger, rateLimit: { limit: 600, windowMs: 60_000 }, memo }))
 */
export function edge({ logger, rateLimit, memo }: EdgeOptions = {}): MiddlewareHandler<AppEnv> {
  const limiter = rateLimit ? new FixedWindowLimiter(rateLimit) : undefined;
  const clientKey = (rateLimit && rateLimit.clientKey) || ((c: Context) => c.req.header('cf-connecting-ip') ?? 'shared');
  const now = (rateLimit && rateLimit.now) || Date.now;
  const windowSeconds = rateLimit ? rateLimit.windowMs / 1000 : 0;

  return async (c, next) => {
    const started = logger ? performance.now() : 0;
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
    const planned: Record<string, string> = { ...BASE_HEADERS, 'X-Request-Id': requestId };
    c.set('requestId', requestId);
    c.set('responseHeaders', planned);
    const method = c.req.method;

    if (method === 'OPTIONS') {
      // Preflight or capability probe: no route runs, and it does not count against the rate limit.
      c.res = new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Methods': ALLOW_HEADER,
          'Access-Control-Allow-Headers': c.req.header('access-control-request-headers') ?? 'Accept, If-None-Match, X-Request-Id',
          'Access-Control-Max-Age': '86400',
          Allow: ALLOW_HEADER,
          'Cache-Control': 'public, max-age=86400',
        },
      });
      await finish(c, planned);
    } else if (method !== 'GET' && method !== 'HEAD') {
      c.res = await problemResponse(
        c,
        { status: 405, code: 'method-not-allowed', detail: `Method ${method} is not allowed: this API is read-only and accepts ${ALLOW_HEADER}.`, allow: [...ALLOWED_METHODS] },
        { Allow: ALLOW_HEADER },
      );
    } else {
      const decision = limiter?.hit(clientKey(c), now());
      if (decision) {
        planned['RateLimit-Limit'] = String(decision.limit);
        planned['RateLimit-Remaining'] = String(decision.remaining);
        planned['RateLimit-Reset'] = String(decision.resetSeconds);
      }
      const hit = memo && memo.byRequest.size > 0 ? memo.byRequest.get(requestKey(c, memo.gzip)) : undefined;
      if (decision && !decision.allowed) {
        c.res = await problemResponse(
          c,
          {
            status: 429,
            code: 'rate-limited',
            detail: `Too many requests: at most ${decision.limit} per ${windowSeconds} s per client. Retry in ${decision.resetSeconds} s.`,
            retryAfterSeconds: decision.resetSeconds,
          },
          { 'Retry-After': String(decision.resetSeconds) },
        );
      } else if (hit) {
        c.res = sendRendered(c, hit.rendered, hit.headers, hit.cacheControl);
      } else {
        await next();
        // Sealed responses (the memoised path, problems) already carry every header in a plain object.
        if (!c.get('sealed')) await finish(c, planned);
      }
    }

    if (logger) {
      logger({ requestId, method, path: c.req.path, status: c.res.status, durationMs: Math.round((performance.now() - started) * 1000) / 1000 });
    }
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
  if (c.res.status === 200 && (c.req.method === 'GET' || c.req.method === 'HEAD') && ifNoneMatchMatches(c.req.header('if-none-match'), etag)) {
    c.res = notModified(headers);
  }
}
