/**
 * Any catalogue metric for every force, its valid periods, a force's series and a comparison of forces.
 * (Stubs until the datasets land.)
 */
import type { Period } from 'peel-data';
import type { ReleaseOptions } from '../report/edition.ts';
import type { MetricSeries, MetricTable } from '../report/types.ts';

/** Options of the metric functions: a period (a Period, or an ISO end date of a 12-month window) and a release. */
export interface MetricOptions extends ReleaseOptions {
  period?: Period | string;
}

/**
 * A metric for all 43 territorial forces with England and Wales and bands.
 * @example metricForAllForces('crime_rate_total_excl_fraud').rows.length // 43
 */
export function metricForAllForces(metricId: string, options: MetricOptions = {}): MetricTable {
  void metricId;
  void options;
  throw new Error('metricForAllForces: not implemented yet');
}

/**
 * The periods a metric can be asked for (every quarter end for crime rates).
 * @example metricPeriods('crime_rate_total_excl_fraud')[0] // { type: 'rolling-12m', end: '2007-06-30' }
 */
export function metricPeriods(metricId: string, options: ReleaseOptions = {}): Period[] {
  void metricId;
  void options;
  throw new Error('metricPeriods: not implemented yet');
}

/**
 * A metric over time for one force (a Missing series where none exists).
 * @example metricSeries('crime_rate_total_excl_fraud', 'durham').series
 */
export function metricSeries(metricId: string, forceSlug: string, options: ReleaseOptions = {}): MetricSeries {
  void metricId;
  void forceSlug;
  void options;
  throw new Error('metricSeries: not implemented yet');
}

/**
 * A metric for a chosen set of forces, ranked and banded among all forces.
 * @example compareForces('crime_rate_total_excl_fraud', ['durham', 'cleveland']).rows.length // 2
 */
export function compareForces(metricId: string, forceSlugs: readonly string[], options: MetricOptions = {}): MetricTable {
  void metricId;
  void forceSlugs;
  void options;
  throw new Error('compareForces: not implemented yet');
}
