/**
 * The metric catalogue as the site uses it: which metrics have values to rank and which have a series.
 */
import { getMetricDefinition, metricCatalogue, type MetricDefinition } from 'peel-data';
import { metricForAllForces, metricPeriods, type MetricPeriod, type MetricTable } from 'peel-metrics';

/**
 * Every catalogue entry, in catalogue order.
 * @example catalogue()[0].id // 'crime_rate_total_excl_fraud'
 */
export function catalogue(): MetricDefinition[] {
  return [...metricCatalogue];
}

/**
 * @example definitionOf('asb_rate')?.specRef // 'ASB-01'
 */
export function definitionOf(id: string): MetricDefinition | undefined {
  return getMetricDefinition(id);
}

/** Metrics with no value anywhere have nothing to rank. */
export function hasValues(definition: MetricDefinition): boolean {
  return definition.availability !== 'not-available';
}

const tables = new Map<string, MetricTable>();
const periods = new Map<string, MetricPeriod[]>();

/** metricForAllForces, once per metric per process. */
export function tableOf(definition: MetricDefinition): MetricTable | undefined {
  if (!hasValues(definition)) return undefined;
  let table = tables.get(definition.id);
  if (!table) {
    table = metricForAllForces(definition.id);
    tables.set(definition.id, table);
  }
  return table;
}

/** metricPeriods, once per metric per process (none for metrics with no values). */
export function periodsOf(definition: MetricDefinition): MetricPeriod[] {
  if (!hasValues(definition)) return [];
  let list = periods.get(definition.id);
  if (!list) {
    list = metricPeriods(definition.id);
    periods.set(definition.id, list);
  }
  return list;
}

/** Metrics with more than one period have a time series per force. */
export function hasSeries(definition: MetricDefinition): boolean {
  return definition.availability === 'computable' && periodsOf(definition).length > 1;
}
