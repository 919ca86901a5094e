/**
 * The one cache of peel-metrics: per release (and per registry, when a caller brings its own), every computed
 * metric, its periods and what the report builds from it (bars, notes). A release is immutable data, so a result
 * never goes stale; the cache goes when the release does.
 */
import type { MetricsRelease } from './release.ts';

const caches = new WeakMap<MetricsRelease, Map<unknown, Map<string, unknown>>>();

/**
 * The value under `key` in the release's cache, built once.
 * @example cached(release, 'periods|asb_rate', () => metricPeriodsOf(release, 'asb_rate'))
 */
export function cached<T>(release: MetricsRelease, key: string, build: () => T, scope: unknown = null): T {
  let scopes = caches.get(release);
  if (!scopes) caches.set(release, (scopes = new Map()));
  let cache = scopes.get(scope);
  if (!cache) scopes.set(scope, (cache = new Map()));
  if (cache.has(key)) return cache.get(key) as T;
  const value = build();
  cache.set(key, value);
  return value;
}
