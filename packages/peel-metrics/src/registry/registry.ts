/**
 * The registry as a value: the metric entries (in catalogue order) and the exclusion rules they are computed with.
 * Everything that lists metrics (the report's `metrics` map, the API's /v1/metrics, the site's metric pages) takes a
 * registry as an option and uses the built-in one by default, so a new metric is one entry plus its compute function.
 */
import { EXCLUSION_REGISTRY_2016, type ExclusionRule } from '../exclusions.ts';
import type { MetricDefinition } from './definition.ts';
import { METRIC_IDS, type MetricId } from './ids.ts';
import { METRICS } from './metrics.ts';
import type { MetricPart, MetricSpec } from './types.ts';

/** Metric entries in catalogue order, with the exclusion rules their computations apply. */
export interface MetricRegistry {
  readonly metrics: readonly MetricSpec<string>[];
  readonly exclusions: readonly ExclusionRule[];
  /** Entries by id, and parts by their own id. */
  readonly byId: ReadonlyMap<string, MetricSpec<string>>;
  readonly parts: ReadonlyMap<string, { metric: MetricSpec<string>; part: MetricPart }>;
}

/**
 * Builds a registry from entries (ids must be unique) and exclusion rules.
 * @example createRegistry([...METRIC_REGISTRY.metrics, toyMetric]).metrics.length // 40
 */
export function createRegistry(
  metrics: readonly MetricSpec<string>[],
  exclusions: readonly ExclusionRule[] = EXCLUSION_REGISTRY_2016,
): MetricRegistry {
  const byId = new Map<string, MetricSpec<string>>();
  const parts = new Map<string, { metric: MetricSpec<string>; part: MetricPart }>();
  for (const metric of metrics) {
    if (metric.id !== metric.definition.id || byId.has(metric.id))
      throw new RangeError(
        `createRegistry: metric ${JSON.stringify(metric.id)} is listed twice or its definition.id differs ` +
          `(${JSON.stringify(metric.definition.id)}); each entry needs one unique id, e.g. { id: 'my_rate', ` +
          `definition: { id: 'my_rate', … }, … }`,
      );
    byId.set(metric.id, metric);
    for (const part of metric.parts ?? []) parts.set(part.id, { metric, part });
  }
  return { metrics, exclusions, byId, parts };
}

/**
 * The built-in registry: the 39 metrics of the PEEL 2016 effectiveness report and the 2016 exclusion rules.
 * @example METRIC_REGISTRY.metrics[0].id // 'crime_rate_total_excl_fraud'
 */
export const METRIC_REGISTRY: MetricRegistry = createRegistry(METRIC_IDS.map((id) => METRICS[id]));

/** Options of functions that read the registry. */
export interface RegistryOptions {
  /** The metrics to use: METRIC_REGISTRY by default. */
  registry?: MetricRegistry;
}

/** A registry entry's method text: its id is a metric id (a caller's registry may add its own ids). */
export type RegistryDefinition = MetricDefinition & { id: MetricId };

/**
 * The catalogue as the API serves it: each entry's method text, in registry order.
 * @example metricDefinitions().length // 39
 */
export function metricDefinitions(registry: MetricRegistry = METRIC_REGISTRY): RegistryDefinition[] {
  return registry.metrics.map((metric) => metric.definition as RegistryDefinition);
}

/**
 * The method text of a metric id, or undefined.
 * @example metricDefinition('crime_rate_burglary_dwelling')?.unit // 'crimes per 1,000 households'
 */
export function metricDefinition(
  id: MetricId | (string & {}),
  registry: MetricRegistry = METRIC_REGISTRY,
): RegistryDefinition | undefined {
  return registry.byId.get(id)?.definition as RegistryDefinition | undefined;
}

/**
 * Label, unit and precision of a metric's values: the catalogue's label and printed decimals, the unit of computed
 * values where it differs from the catalogue's.
 * @example presentationOf(METRICS.forces_with_annual_crime_increase).precision // 0
 */
export function presentationOf(metric: MetricSpec<string>): { label: string; unit: string; precision: number } {
  const { definition } = metric;
  return {
    label: definition.label,
    unit: metric.valueUnit ?? definition.unit,
    precision: typeof definition.printedDecimals === 'number' ? definition.printedDecimals : metric.decimals,
  };
}
