/**
 * `/data/metrics/{id}.csv`: the bulk download of one metric (peel-metrics' tidyMetric), every force and England and
 * Wales at every period in long format, with `{id}.metadata.json` beside it. The same bytes as the API's
 * `/v1/metrics/{id}/tidy.csv`.
 */
import { error } from '@sveltejs/kit';
import { isMetricId, METRIC_IDS, tidyCsv, tidyMetric } from 'peel-metrics';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => METRIC_IDS.map((metric) => ({ metric }));

export const GET: RequestHandler = ({ params }) => {
  if (!isMetricId(params.metric)) error(404, `No metric "${params.metric}". The downloads are listed at /data.`);
  return new Response(tidyCsv(tidyMetric(params.metric)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
