import { createRegistry, METRIC_REGISTRY, type MetricSpec } from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { metricPageView } from './metric-view.ts';
import { catalogue, definitionOf, periodsOf, tableOf } from './metrics.ts';

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
const registry = createRegistry([...METRIC_REGISTRY.metrics, toy]);

describe("a metric added through the registry, in the site's metric list", () => {
  it('is listed after the built-in metrics, and only with that registry', () => {
    expect(catalogue({ registry }).map((definition) => definition.id)).toEqual([
      ...catalogue().map((definition) => definition.id),
      TOY_ID,
    ]);
    expect(definitionOf(TOY_ID)).toBeUndefined();
  });

  it('gets a metric page with a ranking of every force', () => {
    const definition = definitionOf(TOY_ID, { registry })!;
    const view = metricPageView(definition, tableOf(definition, { registry }), periodsOf(definition, { registry }));
    expect(view.label).toBe('Robbery per 1,000 population');
    expect(view.ranking?.rows.length).toBeGreaterThan(40);
    expect(view.periods).toBeGreaterThan(1);
  });
});
