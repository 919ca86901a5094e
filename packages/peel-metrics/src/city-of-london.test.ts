// Issue 10: City of London's resident-only population rates are left out of ranks and bands by default (its offences
// and residents stay in England and Wales), the reason travels with its value, and a caller can opt in to rank it.
import { isMissing, population, populationOf, recordedCrime, territorialForces } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { EXCLUSION_REGISTRY_2016, rankingCityOfLondon } from './exclusions.ts';
import { crimeCount } from './metrics/recorded-crime.ts';
import { metricForAllForces } from './metrics/metric-table.ts';
import { createRegistry, METRIC_REGISTRY } from './registry/registry.ts';

const CITY = 'city-of-london';
const rate = (slug: string) =>
  ((crimeCount(recordedCrime, slug, '2016-06-30', 'victim-based') as number) /
    (populationOf(population, slug, 2015) as number)) *
  1000;

describe('City of London on population rates', () => {
  it('its resident-only victim-based rate is over five times any other force’s (why it is not ranked)', () => {
    const others = territorialForces.filter((force) => force.slug !== CITY).map((force) => rate(force.slug));
    expect(rate(CITY)).toBeGreaterThan(5 * Math.max(...others));
  });

  const table = metricForAllForces('crime_rate_victim_based');
  it('is not ranked or banded by default, and says why on its value', () => {
    const row = table.rows.find((candidate) => candidate.force.slug === CITY);
    expect(row?.rank).toBeUndefined();
    expect(row?.band).toBeUndefined();
    expect(row?.caveats.join(' ')).toMatch(/resident plus transient population/);
    expect(isMissing(row?.value ?? { missing: 'x', reason: '' })).toBe(false);
    if (!('n' in table.banding)) throw new Error('expected a banding');
    expect(table.banding.n).toBe(42);
    expect(table.banding.notRanked.map((entry) => entry.force)).toContain(CITY);
  });
  it('stays in England and Wales', () => {
    expect(table.englandWales.included).toContain(CITY);
  });
  it('is ranked when a caller opts in', () => {
    const registry = createRegistry(METRIC_REGISTRY.metrics, rankingCityOfLondon(EXCLUSION_REGISTRY_2016));
    const ranked = metricForAllForces('crime_rate_victim_based', { registry });
    expect(ranked.rows.find((candidate) => candidate.force.slug === CITY)?.rank).toBe(1);
  });
});
