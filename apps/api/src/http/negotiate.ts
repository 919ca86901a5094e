/**
 * Representation choice for table endpoints: JSON by default, CSV when the URL ends in `.csv` or when the
 * `Accept` header prefers `text/csv` over JSON (q-values respected, RFC 9110 §12.5.1); the content coding (brotli
 * or gzip) the `Accept-Encoding` header prefers among those offered (RFC 9110 §12.5.3).
 */

/** Content codings the API can send, the preferred first (brotli is smaller; on a tie it wins). */
export const CODINGS = ['br', 'gzip'] as const;
/** A content coding the API can send. */
export type Coding = (typeof CODINGS)[number];

/** The two representations of a table endpoint. */
export type Representation = 'json' | 'csv';

/** Where a URL's path starts (the first `/` after the scheme's `//`), or -1. */
const pathStart = (url: string) => url.indexOf('/', url.indexOf('//') + 2);

/**
 * The path part of a request URL (no query, no fragment), safe for any string a runtime hands us.
 * @example urlPath('http://x/v1/forces.csv?y=1') // '/v1/forces.csv'
 */
export function urlPath(url: string): string {
  const start = pathStart(url);
  if (start < 0) return '/';
  const end = url.search(/[?#]/);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

/**
 * The path and query of a URL, without its fragment.
 * @example urlPathAndQuery('http://x/v1/reports/durham?view=full#a') // '/v1/reports/durham?view=full'
 */
export function urlPathAndQuery(url: string): string {
  const start = pathStart(url);
  if (start < 0) return '/';
  const end = url.indexOf('#', start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

/**
 * True when the URL path asks for CSV with a `.csv` suffix.
 * @example hasCsvSuffix('http://x/v1/forces.csv?y=1') // true
 */
export function hasCsvSuffix(url: string): boolean {
  return urlPath(url).endsWith('.csv');
}

/**
 * The routing path: the URL path without a `.csv` suffix under `/v1/`, so `/v1/forces.csv` routes like
 * `/v1/forces`. Used as Hono's `getPath`.
 * @example routingPath(new Request('http://x/v1/forces/durham.csv')) // '/v1/forces/durham'
 */
export function routingPath(request: Request): string {
  const path = urlPath(request.url);
  return path.startsWith('/v1/') && path.endsWith('.csv') ? path.slice(0, -4) : path;
}

/**
 * The q-value the Accept header gives a media type (exact, `type/*` or `*\/*`); 0 when absent.
 * @example acceptQuality('text/csv;q=0.5, application/json', 'text/csv') // 0.5
 */
export function acceptQuality(accept: string | undefined, mediaType: string): number {
  if (!accept) return 0;
  const [type] = mediaType.split('/');
  let best = -1;
  let bestSpecificity = -1;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const specificity = range === mediaType ? 2 : range === `${type}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity < 0 || specificity < bestSpecificity) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    best = specificity > bestSpecificity ? (Number.isFinite(q) ? q : 0) : Math.max(best, Number.isFinite(q) ? q : 0);
    bestSpecificity = specificity;
  }
  return Math.max(0, best);
}

/**
 * Which representation a table request wants.
 * @example representationOf('http://x/v1/forces', 'text/csv') // 'csv'
 * @example representationOf('http://x/v1/forces', 'application/json, text/csv;q=0.9') // 'json'
 */
export function representationOf(url: string, accept: string | undefined): Representation {
  return hasCsvSuffix(url) || acceptPrefersCsv(accept) ? 'csv' : 'json';
}

/**
 * True when an Accept header prefers `text/csv` over JSON (the choice {@link representationOf} makes for a URL
 * without the `.csv` suffix).
 * @example acceptPrefersCsv('text/csv, application/json;q=0.5') // true
 */
export function acceptPrefersCsv(accept: string | null | undefined): boolean {
  if (!accept || !accept.includes('csv')) return false;
  return acceptQuality(accept, 'text/csv') > acceptQuality(accept, 'application/json');
}

/**
 * True when an Accept-Encoding header accepts gzip (explicitly or by `*`) with a non-zero q-value.
 * @example acceptsGzip('gzip, deflate, br') // true
 * @example acceptsGzip('gzip;q=0, br') // false
 */
export function acceptsGzip(header: string | null | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const accepted = !q || Number(q.slice(2)) > 0;
    if (coding.trim() === 'gzip') return accepted;
    if (coding.trim() === '*') star = accepted;
  }
  return star;
}

/**
 * The q-value an Accept-Encoding header gives a coding (by name, else by `*`); 0 when it is not accepted.
 * @example codingQuality('gzip;q=0.5, br', 'gzip') // 0.5
 * @example codingQuality('gzip', 'br') // 0
 */
export function codingQuality(header: string | null | undefined, coding: Coding): number {
  if (!header) return 0;
  let star = 0;
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    const value = Number.isFinite(quality) ? Math.min(Math.max(quality, 0), 1) : 0;
    if (name.trim() === coding) return value;
    if (name.trim() === '*') star = value;
  }
  return star;
}

/**
 * The coding to send among `offered` (in {@link CODINGS} order): the one the header gives the highest non-zero
 * q-value, brotli on a tie; undefined (identity) when it accepts none of them.
 * @example preferredCoding('gzip, deflate, br', ['br', 'gzip']) // 'br'
 * @example preferredCoding('br;q=0.5, gzip', ['br', 'gzip']) // 'gzip'
 * @example preferredCoding('gzip, deflate, br', []) // undefined
 */
export function preferredCoding(header: string | null | undefined, offered: readonly Coding[]): Coding | undefined {
  if (!header || offered.length === 0) return undefined;
  let best: Coding | undefined;
  let bestQuality = 0;
  for (const coding of offered) {
    const quality = codingQuality(header, coding);
    if (quality > bestQuality) [best, bestQuality] = [coding, quality];
  }
  return best;
}
