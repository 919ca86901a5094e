/**
 * Security headers sent with every response of the Node server: the API's set (apps/api
 * src/http/middleware.ts SECURITY_HEADERS) with a CSP for a site instead of an API. The page's own CSP
 * (script/style hashes) travels in a <meta> tag written by SvelteKit; this header adds what a <meta> CSP
 * cannot carry (frame-ancestors). Browsers enforce both. Plain JavaScript: it is copied into build/.
 * @example for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
 */
export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // Public data: other sites may embed the downloads, as with the API.
  'Cross-Origin-Resource-Policy': 'cross-origin',
});
