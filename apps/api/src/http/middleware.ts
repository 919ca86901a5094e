/**
 * The cross-cutting behaviour every response shares, as a few lean Hono middlewares: request id and logging,
 * the method guard (405), the per-client rate limit (429), and response headers (CORS, security headers,
 * Cache-Control, strong ETag and 304). Web standards only, so the same code runs on Node and Workers.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { ifNoneMatchMatches, strongEtag } from './etag.ts';
import { problemResponse } from './problem.ts';
import { FixedWindowLimiter, type RateLimitOptions } from './rate-limit.ts';

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

/**
 * The methods a read-only API accepts.
 * @example ALLOWED_METHODS.includes('GET') // true
 */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;
const ALLOW_HEADER = ALLOWED_METHODS.join(', ');

/** Headers a browser may read from a cross-origin response. */
const EXPOSED_HEADERS = 'ETag, X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Content-Disposition';

/**
 * Security headers for an API that serves JSON and CSV (and one static HTML docs page with its own CSP).
 * @example SECURITY_HEADERS['X-Content-Type-Options'] // 'nosniff'
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // Public data: other sites may embed it (CORS is open too).
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** Headers every response carries: security headers and open, read-only CORS. */
const BASE_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED_HEADERS,
};

/**
 * Data responses: fresh for an hour in browsers, a day at shared caches, then revalidated by ETag.
 * @example sendRendered(c, rendered, {}, DATA_CACHE_CONTROL)
 */
export const DATA_CACHE_CONTROL = 'public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800';
/**
 * Errors and health checks must never be served from a cache.
 * @example sendRendered(c, health, {}, NO_STORE)
 */
export const NO_STORE = 'no-store';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is safe, else a UUID), echoes it in the
 * response and logs one line per request once the response is ready.
 * @example app.use(requestContext((entry) => console.log(JSON.stringify(entry))))
 */
export function requestContext(logger?: RequestLogger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', requestId);
    c.set('responseHeaders', { ...BASE_HEADERS, 'X-Request-Id': requestId });
    await next();
    logger?.({
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    });
  };
}

/**
 * Answers 405 (problem+json, with `Allow`) to anything but GET, HEAD and OPTIONS: the API is read-only.
 * @example app.use(methodGuard())
 */
export function methodGuard(): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    return problemResponse(
      c,
      { status: 405, code: 'method-not-allowed', detail: `Method ${method} is not allowed: this API is read-only and accepts ${ALLOW_HEADER}.`, allow: [...ALLOWED_METHODS] },
      { Allow: ALLOW_HEADER },
    );
  };
}

/** Rate-limit settings for {@link rateLimit}: the window, plus how to tell clients apart. */
export type RateLimitConfig = RateLimitOptions & {
  /** The client's key (its IP address, typically). Defaults to Cloudflare's `CF-Connecting-IP`, else one shared key. */
  clientKey?: (c: Context) => string;
  /** Clock in ms; injectable for tests. */
  now?: () => number;
};

/**
 * Per-client fixed-window rate limit; over the limit answers 429 problem+json with `Retry-After`.
 * Every response carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`.
 * @example app.use(rateLimit({ limit: 600, windowMs: 60_000 }))
 */
export function rateLimit(config: RateLimitConfig): MiddlewareHandler<AppEnv> {
  const limiter = new FixedWindowLimiter(config);
  const clientKey = config.clientKey ?? ((c: Context) => c.req.header('cf-connecting-ip') ?? 'shared');
  const now = config.now ?? Date.now;
  return async (c, next) => {
    // Preflights are free: a browser sends one before the request that counts.
    if (c.req.method === 'OPTIONS') return next();
    const decision = limiter.hit(clientKey(c), now());
    const headers = {
      'RateLimit-Limit': String(decision.limit),
      'RateLimit-Remaining': String(decision.remaining),
      'RateLimit-Reset': String(decision.resetSeconds),
    };
    Object.assign(c.get('responseHeaders'), headers);
    if (!decision.allowed) {
      return problemResponse(
        c,
        {
          status: 429,
          code: 'rate-limited',
          detail: `Too many requests: at most ${decision.limit} per ${config.windowMs / 1000} s per client. Retry in ${decision.resetSeconds} s.`,
          retryAfterSeconds: decision.resetSeconds,
        },
        { ...headers, 'Retry-After': String(decision.resetSeconds) },
      );
    }
    return next();
  };
}

/**
 * CORS (open, read-only), security headers, a default Cache-Control, a strong ETag on every response with a
 * body, and 304 Not Modified when `If-None-Match` matches a successful response.
 * @example app.use(responseHeaders())
 */
export function responseHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      // Preflight or capability probe: no route runs.
      c.res = new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': ALLOW_HEADER,
          'Access-Control-Allow-Headers': c.req.header('access-control-request-headers') ?? 'Accept, If-None-Match, X-Request-Id',
          'Access-Control-Max-Age': '86400',
          Allow: ALLOW_HEADER,
          'Cache-Control': 'public, max-age=86400',
        },
      });
    } else {
      await next();
      // The fast path (sendRendered) already sent every header in a plain object: leave it untouched.
      if (c.get('sealed')) return;
    }
    const headers = c.res.headers;
    const planned = c.get('responseHeaders');
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
  };
}

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
