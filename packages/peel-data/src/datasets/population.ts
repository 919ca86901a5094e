/**
 * Population and households by police force area, with lookups that return a number or a Missing marker.
 */
import { householdsData } from '../generated/households.ts';
import { POPULATION_YEARS, populationData } from '../generated/population.ts';
import { missing, type Missing } from '../types/missing.ts';
import type { Period } from '../types/period.ts';
import type { HouseholdsDataset, PopulationDataset } from '../types/population.ts';
import { getForce } from './forces.ts';

export { POPULATION_YEARS };

/**
 * ONS mid-year population estimates, mid-2001 to mid-2020, for the 43 forces and England and Wales
 * (sum of the 43). City of London is resident population only (see `population.caveats`).
 * @example population.values['durham']?.[population.years.indexOf(2015)] // 625345
 */
export const population: PopulationDataset = populationData;

/**
 * ONS 2017-based household projections for 2018 (rounded to 100), the only household counts available.
 * @example households.period // { type: 'projection', year: 2018, basedOn: 2017 }
 */
export const households: HouseholdsDataset = householdsData;

const BTP_HAS_NO_POPULATION = 'British Transport Police polices the railways and has no resident population';

/**
 * The mid-year population of a force (slug, ONS code, name or short name; or `england-and-wales`) in `year`.
 * Missing when the year is not covered or the force has no resident population (BTP);
 * throws for a slug that is no force in the dataset (programmer error).
 * @example populationOf(population, 'durham', 2015) // 625345
 * @example populationOf(population, 'durham', 1999) // { missing: 'x', reason: 'no mid-1999 estimate: …' }
 */
export function populationOf(dataset: PopulationDataset, force: string, year: number): number | Missing {
  // Any identifier findForce accepts (slug, ONS code, name, short name); an unknown one is reported as given.
  const forceSlug = getForce(force)?.slug ?? force;
  if (forceSlug === 'btp') return missing('z', BTP_HAS_NO_POPULATION);
  const series = dataset.values[forceSlug];
  if (!series) {
    throw new TypeError(
      `populationOf: unknown force slug ${JSON.stringify(forceSlug)}; expected one of ` +
        `${Object.keys(dataset.values).join(', ')}, e.g. populationOf(population, 'durham', 2015)`,
    );
  }
  const index = dataset.years.indexOf(year);
  const value = index >= 0 ? series[index] : undefined;
  if (value === undefined) {
    return missing(
      'x',
      `no mid-${year} estimate: the population dataset covers mid-${dataset.years[0]} to mid-${dataset.years.at(-1)}`,
    );
  }
  return value;
}

/**
 * The household count of a force (or `england-and-wales`) with its period: a 2017-based projection for 2018.
 * @example
 * householdsOf(households, 'durham') // { value: 278200, period: { type: 'projection', year: 2018, basedOn: 2017 } }
 */
export function householdsOf(dataset: HouseholdsDataset, force: string): { value: number | Missing; period: Period } {
  const forceSlug = getForce(force)?.slug ?? force;
  const value = dataset.values[forceSlug];
  if (value !== undefined) return { value, period: dataset.period };
  if (forceSlug === 'btp') return { value: missing('z', BTP_HAS_NO_POPULATION), period: dataset.period };
  throw new TypeError(
    `householdsOf: unknown force slug ${JSON.stringify(forceSlug)}; expected one of ` +
      `${Object.keys(dataset.values).join(', ')}, e.g. householdsOf(households, 'durham')`,
  );
}
