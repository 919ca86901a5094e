/**
 * Route behaviour as data, so one table runs in-process (`app.request`) and inside workerd (miniflare):
 * the same requests must give the same answers on both runtimes.
 */

export type RouteCase = {
  name: string;
  path: string;
  headers?: Record<string, string>;
  method?: string;
  status: number;
  /** Expected start of the Content-Type header. */
  contentType?: string;
  /** Extra assertions on the parsed body (JSON, or text for CSV/HTML); return a message on failure. */
  check?: (body: unknown) => string | undefined;
};

const has = (body: unknown, key: string) =>
  typeof body === 'object' && body !== null && key in body
    ? undefined
    : `missing '${key}' in ${JSON.stringify(body).slice(0, 200)}`;

export const routeCases: RouteCase[] = [
  { name: 'health', path: '/healthz', status: 200, contentType: 'application/json', check: (b) => has(b, 'status') },
  {
    name: 'openapi',
    path: '/openapi.json',
    status: 200,
    contentType: 'application/json',
    check: (b) => has(b, 'openapi'),
  },
  { name: 'docs', path: '/docs', status: 200, contentType: 'text/html' },
  { name: 'forces', path: '/v1/forces', status: 200, contentType: 'application/json', check: (b) => has(b, 'forces') },
  {
    name: 'forces csv',
    path: '/v1/forces.csv',
    status: 200,
    contentType: 'text/csv',
    check: (b) => (String(b).startsWith('slug,') ? undefined : 'no CSV header'),
  },
  {
    name: 'force by code',
    path: '/v1/forces/E23000008',
    status: 200,
    contentType: 'application/json',
    check: (b) => has(b, 'slug'),
  },
  {
    name: 'report (values view)',
    path: '/v1/reports/peel-2016-effectiveness/durham',
    status: 200,
    contentType: 'application/json',
    check: (b) => has(b, 'figures') ?? (has(b, 'metrics') === undefined ? 'the values view has metrics' : undefined),
  },
  {
    name: 'report (full view)',
    path: '/v1/reports/peel-2016-effectiveness/durham?view=full',
    status: 200,
    contentType: 'application/json',
    check: (b) => has(b, 'metrics'),
  },
  {
    name: 'report, unknown view',
    path: '/v1/reports/peel-2016-effectiveness/durham?view=everything',
    status: 400,
    contentType: 'application/problem+json',
    check: (b) => has(b, 'detail'),
  },
  {
    name: 'report csv',
    path: '/v1/reports/peel-2016-effectiveness/E23000008',
    headers: { Accept: 'text/csv' },
    status: 200,
    contentType: 'text/csv',
    check: (b) => (String(b).startsWith('force,metric_id,') ? undefined : 'no CSV header'),
  },
  {
    name: 'catalogue',
    path: '/v1/metrics',
    status: 200,
    contentType: 'application/json',
    check: (b) => has(b, 'metrics'),
  },
  {
    name: 'metric table',
    path: '/v1/metrics/crime_rate_total_excl_fraud?period=2016-06-30',
    status: 200,
    contentType: 'application/json',
    check: (b) => has(b, 'englandWales'),
  },
  {
    name: 'metric series',
    path: '/v1/metrics/crime_rate_total_excl_fraud/series/durham',
    status: 200,
    contentType: 'application/json',
    check: (b) => has(b, 'series'),
  },
  {
    name: 'compare',
    path: '/v1/compare?metric=asb_rate&forces=durham,kent',
    status: 200,
    contentType: 'application/json',
    check: (b) => has(b, 'rows'),
  },
  {
    name: 'bad period',
    path: '/v1/metrics/crime_rate_total_excl_fraud?period=2016',
    status: 400,
    contentType: 'application/problem+json',
    check: (b) => has(b, 'validValues'),
  },
  {
    name: 'unknown force',
    path: '/v1/forces/durhm',
    status: 404,
    contentType: 'application/problem+json',
    check: (b) => has(b, 'suggestions'),
  },
  { name: 'unknown route', path: '/v1/nothing-here', status: 404, contentType: 'application/problem+json' },
  { name: 'POST is 405', path: '/v1/forces', method: 'POST', status: 405, contentType: 'application/problem+json' },
  {
    name: 'bad query',
    path: '/v1/forces?colour=blue',
    status: 400,
    contentType: 'application/problem+json',
    check: (b) => has(b, 'parameter'),
  },
];

/** Runs one case against any fetch-like function; returns failure messages (empty when it passed). */
export async function runRouteCase(
  fetcher: (path: string, init: RequestInit) => Promise<Response>,
  routeCase: RouteCase,
): Promise<string[]> {
  const res = await fetcher(routeCase.path, { method: routeCase.method ?? 'GET', headers: routeCase.headers ?? {} });
  const failures: string[] = [];
  if (res.status !== routeCase.status) failures.push(`status ${res.status}, expected ${routeCase.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (routeCase.contentType && !type.startsWith(routeCase.contentType))
    failures.push(`content-type ${type}, expected ${routeCase.contentType}`);
  if (!res.headers.get('etag')) failures.push('no ETag');
  if (!res.headers.get('x-request-id')) failures.push('no X-Request-Id');
  if (!res.headers.get('content-security-policy')) failures.push('no Content-Security-Policy');
  const text = await res.text();
  const body = type.includes('json') ? JSON.parse(text) : text;
  const message = routeCase.check?.(body);
  if (message) failures.push(message);
  return failures;
}
