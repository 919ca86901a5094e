/**
 * Security headers sent with every response of the Node server, the same set the API sends
 * (hono/secure-headers defaults), plus a CSP header for what a <meta> CSP cannot say.
 * Plain JavaScript because it is copied into build/ beside adapter-node's handler.
 * @example Object.entries(SECURITY_HEADERS).forEach(([name, value]) => res.setHeader(name, value));
 */
export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
});
