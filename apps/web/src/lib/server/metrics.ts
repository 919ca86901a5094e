/**
 * The metric registry as the site uses it: which metrics have values to rank and which have a series. Every function
 * reads peel-metrics' built-in registry unless given one, so a metric added to the registry gets its pages.
 */
import {
  METRIC_REGISTRY,
  metricDefinition,
  metricDefinitions,
  metricForAllForces,
  metricPeriods,
  type RegistryDefinition as MetricDefinition,
  type MetricPeriod,
  type MetricTable,
  type RegistryOptions,
} from 'peel-metrics';

/**
 * Every registry entry's method text, in registry (catalogue) order.
 * @example catalogue()[0].specRef // 'CR-01'
 */
export function catalogue(options: RegistryOptions = {}): MetricDefinition[] {
  return metricDefinitions(options.registry);
}

/**
 * @example definitionOf('asb_rate')?.specRef // 'ASB-01'
 */
export function definitionOf(id: string, options: RegistryOptions = {}): MetricDefinition | undefined {
  return metricDefinition(id, options.registry);
}

/** Metrics with no value anywhere have nothing to rank. */
export function hasValues(definition: MetricDefinition): boolean {
  return definition.availability !== 'not-available';
}

const tables = new Map<string, MetricTable>();
const periods = new Map<string, MetricPeriod[]>();

/** metricForAllForces, once per metric per process (for the built-in registry). */
export function tableOf(definition: MetricDefinition, options: RegistryOptions = {}): MetricTable | undefined {
  if (!hasValues(definition)) return undefined;
  const registry = options.registry ?? METRIC_REGISTRY;
  if (registry !== METRIC_REGISTRY) return metricForAllForces(definition.id, { registry });
  let table = tables.get(definition.id);
  if (!table) {
    table = metricForAllForces(definition.id);
    tables.set(definition.id, table);
  }
  return table;
}

/** metricPeriods, once per metric per process (none for metrics with no values). */
export function periodsOf(definition: MetricDefinition, options: RegistryOptions = {}): MetricPeriod[] {
  if (!hasValues(definition)) return [];
  const registry = options.registry ?? METRIC_REGISTRY;
  if (registry !== METRIC_REGISTRY) return metricPeriods(definition.id, { registry });
  let list = periods.get(definition.id);
  if (!list) {
    list = metricPeriods(definition.id);
    periods.set(definition.id, list);
  }
  return list;
}

/** Metrics with more than one period have a time series per force (one parameter: it is used as a filter). */
export function hasSeries(definition: MetricDefinition): boolean {
  return definition.availability === 'computable' && periodsOf(definition).length > 1;
}
