/** The site's bulk downloads answer the same bytes as peel-metrics writes them, and 404 for an unknown metric. */
import { METRIC, METRIC_IDS, tidyCsv, tidyMetadataJson, tidyMetric } from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { entries as csvEntries, GET as csv } from './[metric].csv/+server.ts';
import { GET as metadata } from './[metric].metadata.json/+server.ts';

const call = (handler: unknown, metric: string) =>
  (handler as (event: { params: { metric: string } }) => Response)({ params: { metric } });

describe('/data/metrics/{id}.csv and .metadata.json', () => {
  it('prerenders one file per registry metric', async () => {
    expect((await csvEntries()).map((entry) => entry.metric)).toEqual([...METRIC_IDS]);
  });

  it('serves the tidy CSV and its sidecar', async () => {
    const tidy = tidyMetric(METRIC.asb_rate);
    const response = call(csv, METRIC.asb_rate);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await response.text()).toBe(tidyCsv(tidy));
    expect(await call(metadata, METRIC.asb_rate).text()).toBe(tidyMetadataJson(tidy));
  });

  it('answers 404 for an unknown metric', () => {
    expect(() => call(csv, 'asb')).toThrow(expect.objectContaining({ status: 404 }));
  });
});
