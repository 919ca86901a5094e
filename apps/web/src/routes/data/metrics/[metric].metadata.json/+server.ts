/**
 * `/data/metrics/{id}.metadata.json`: the sidecar of `/data/metrics/{id}.csv` (Our World in Data's convention):
 * title, unit, definition, sources and licence, period coverage, exclusions, caveats, method variant, release.
 */
import { error } from '@sveltejs/kit';
import { isMetricId, METRIC_IDS, tidyMetadataJson, tidyMetric } from 'peel-metrics';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => METRIC_IDS.map((metric) => ({ metric }));

export const GET: RequestHandler = ({ params }) => {
  if (!isMetricId(params.metric)) error(404, `No metric "${params.metric}". The downloads are listed at /data.`);
  return new Response(tidyMetadataJson(tidyMetric(params.metric)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
