/**
 * The API answers that depend only on the data release, as the URLs that ask for them: the OpenAPI document and
 * its docs page, the force list, each force, each report (the 2016 edition, the periods list and the latest period),
 * the metric catalogue, each metric's table for its default period and each metric's series for each force, every
 * table as JSON and as CSV, and each report's full view (`?view=full`). The forces and metrics
 * are read from the app's own answers (`/v1/forces`, `/v1/metrics`), so the list follows what the app serves.
 * A request outside it (another query, an ONS code instead of a slug, another period) is computed as before.
 */

/** An app's fetch, as `createApp().fetch`. */
export type AppFetch = (request: Request) => Response | Promise<Response>;

/** A release-stable URL path; `negotiated` when its answer also depends on `Accept` (JSON or CSV). */
export type ReleaseUrl = { path: string; negotiated: boolean };

/**
 * Every release-stable URL of the API, CSV twins (`.csv`) included, in a stable order.
 * @example
 * (await releaseUrls(createApp().fetch)).find((u) => u.path === '/v1/forces.csv')
 * // { path: '/v1/forces.csv', negotiated: true }
 */
export async function releaseUrls(fetch: AppFetch): Promise<ReleaseUrl[]> {
  const list = async <T>(path: string, read: (body: Record<string, unknown>) => T[] | undefined): Promise<T[]> => {
    const response = await fetch(new Request(`http://localhost${path}`));
    const body = (await response.json()) as Record<string, unknown>;
    const items = response.status === 200 ? read(body) : undefined;
    if (!items?.length) throw new Error(`release URLs: GET ${path} answered ${response.status} without a list to read`);
    return items;
  };
  const slugs = await list('/v1/forces', (body) => (body.forces as { slug: string }[] | undefined)?.map((f) => f.slug));
  const metricIds = await list('/v1/metrics', (body) =>
    (body.metrics as { id: string }[] | undefined)?.map((m) => m.id),
  );
  const tables = [
    '/v1/forces',
    ...slugs.map((slug) => `/v1/forces/${slug}`),
    ...slugs.map((slug) => `/v1/reports/peel-2016-effectiveness/${slug}`),
    // The report for the latest period the release covers (no query: `?period=` answers are computed).
    '/v1/reports/peel-effectiveness',
    ...slugs.map((slug) => `/v1/reports/peel-effectiveness/${slug}`),
    '/v1/metrics',
    ...metricIds.map((id) => `/v1/metrics/${id}`),
    ...metricIds.flatMap((id) => slugs.map((slug) => `/v1/metrics/${id}/series/${slug}`)),
    ...metricIds.map((id) => `/v1/metrics/${id}/periods`),
    // The bulk downloads: every force and period of a metric, JSON and tidy CSV.
    ...metricIds.map((id) => `/v1/metrics/${id}/tidy`),
  ];
  return [
    { path: '/openapi.json', negotiated: false },
    { path: '/docs', negotiated: false },
    ...tables.flatMap((path) => [
      { path, negotiated: true },
      { path: `${path}.csv`, negotiated: true },
    ]),
    // Each report's full view (issue 13; the bare URL is the values view). Its CSV is the bare URL's, so a CSV
    // asked for with this query is computed (the same body).
    ...slugs.flatMap((slug) => [
      { path: `/v1/reports/peel-2016-effectiveness/${slug}?view=full`, negotiated: true },
      { path: `/v1/reports/peel-effectiveness/${slug}?view=full`, negotiated: true },
    ]),
    // Each report as Markdown: one representation, so not negotiated.
    ...slugs.map((slug) => ({ path: `/v1/reports/peel-2016-effectiveness/${slug}.md`, negotiated: false })),
  ];
}
