import { createRegistry, METRIC_REGISTRY, metricDefinitions, type MetricSpec } from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';

// A metric the report does not have, added as one registry entry that reuses a compute kind: robbery per 1,000.
const TOY_ID = 'robbery_rate';
const toy: MetricSpec<string> = {
  id: TOY_ID,
  definition: {
    ...METRIC_REGISTRY.metrics[0]!.definition,
    id: TOY_ID,
    specRef: 'TOY-01',
    label: 'Robbery per 1,000 population',
    numerator: 'Recorded robbery',
  },
  compute: { kind: 'crime-rate', selection: 'robbery' },
  decimals: 1,
};
const app = createApp({ registry: createRegistry([...METRIC_REGISTRY.metrics, toy]) });

describe('a metric added through the registry, in the API', () => {
  it('is listed by GET /v1/metrics after the built-in metrics', async () => {
    const body = (await (await app.request('/v1/metrics')).json()) as { metrics: { id: string; label: string }[] };
    expect(body.metrics.map((metric) => metric.id)).toEqual([...metricDefinitions().map((m) => m.id), TOY_ID]);
    expect(body.metrics.at(-1)?.label).toBe('Robbery per 1,000 population');
  });

  it('answers GET /v1/metrics/{id} for every force, and appears in the report metrics', async () => {
    const table = (await (await app.request(`/v1/metrics/${TOY_ID}`)).json()) as { rows: unknown[]; unit: string };
    expect(table.rows).toHaveLength(43);
    expect(table.unit).toBe(toy.definition.unit);
    const report = (await (await app.request('/v1/reports/peel-2016-effectiveness/durham?view=full')).json()) as {
      metrics: Record<string, { value: unknown }>;
    };
    expect(typeof report.metrics[TOY_ID]?.value).toBe('number');
  });

  it('is not in the default app', async () => {
    expect((await createApp().request(`/v1/metrics/${TOY_ID}`)).status).toBe(404);
  });
});
