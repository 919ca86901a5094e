/**
 * Header values every response shares: methods, security headers, CORS and caching policies. The header
 * records are frozen: V8 copies a frozen object several times faster, and every response copies them.
 */

/**
 * The methods a read-only API accepts.
 * @example ALLOWED_METHODS.includes('GET') // true
 */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;
/**
 * `Allow` header value for {@link ALLOWED_METHODS}.
 * @example ALLOW_HEADER // 'GET, HEAD, OPTIONS'
 */
export const ALLOW_HEADER = ALLOWED_METHODS.join(', ');

/** Headers a browser may read from a cross-origin response. */
const EXPOSED_HEADERS =
  'ETag, X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Content-Disposition';

/**
 * Security headers for an API that serves JSON and CSV (and one static HTML docs page with its own CSP).
 * @example SECURITY_HEADERS['X-Content-Type-Options'] // 'nosniff'
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // Public data: other sites may embed it (CORS is open too).
  'Cross-Origin-Resource-Policy': 'cross-origin',
});

/**
 * Headers every response carries: security headers and open, read-only CORS.
 * @example { ...BASE_HEADERS, 'X-Request-Id': id }
 */
export const BASE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...SECURITY_HEADERS,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED_HEADERS,
});

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
