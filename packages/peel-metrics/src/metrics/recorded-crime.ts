/**
 * Recorded crime: counts, rates and changes (spec CR-01 to CR-03, CR-06 to CR-10).
 *
 * Method: a 12-month count for a selection of offence groups is the sum of the groups' rolling 12-month
 * counts. "Total recorded crime (excluding fraud)" sums every victim-based group and every "other crime
 * against society" group; "victim-based crime" sums the victim-based groups; fraud is never included.
 * A group marked [z] (it did not exist in that period, e.g. residential burglary before April 2017) adds
 * nothing, because its offences are counted in another group; any other missing count makes the sum missing.
 * Completeness is part of validity: a count needs every cell of its selection, so a group the release lacks
 * (an import without that force, group or period) makes the count [x] naming force, group and period, never a
 * smaller sum; and a negative group count (an upstream adjustment, kept in the data) makes it [u], so it never
 * reaches a rate, an England and Wales pool or a band.
 * Rate = count ÷ mid-year population × 1,000, with the population year from `populationYearForPeriodEnd`
 * (mid-2015 for 12 months to 30 June 2016) unless the caller names one. England and Wales is pooled over
 * the 43 territorial forces. Changes are on counts by default (see change.ts for why).
 * These counts are a later vintage than the October 2016 release HMIC used (Durham's was revised upwards), so a
 * recomputed 2016 rate can differ a little from the printed one; larger gaps have a method cause (BTP in the printed
 * England and Wales rates, forces' own fraud in the 2011 base), which reconciliation.ts names per printed figure.
 */
import {
  forces as knownForces,
  FRAUD_BODIES,
  isMissing,
  missing,
  OFFENCE_GROUPS,
  type NumberOrMissing,
  type PopulationDataset,
  type RecordedCrimeDataset,
} from 'peel-data';
import { computeRate, populationYearForPeriodEnd } from '../rate.ts';

/** Which offences a count covers: a named total or one offence group id. */
export type CrimeSelection = 'total-excl-fraud' | 'victim-based' | (typeof OFFENCE_GROUPS)[number]['id'];

/** Offence group ids in each named total. */
export const CRIME_SELECTION_GROUPS: Readonly<Record<'total-excl-fraud' | 'victim-based', readonly string[]>> = {
  'total-excl-fraud': OFFENCE_GROUPS.filter((group) => group.category !== 'fraud').map((group) => group.id),
  'victim-based': OFFENCE_GROUPS.filter((group) => group.category === 'victim-based').map((group) => group.id),
};

/** Words for each named total. */
export const CRIME_SELECTION_LABEL: Readonly<Record<'total-excl-fraud' | 'victim-based', string>> = {
  'total-excl-fraud': 'police-recorded crime (excluding fraud)',
  'victim-based': 'victim-based crime',
};

const periodIndex = new WeakMap<RecordedCrimeDataset, Map<string, number>>();

/**
 * Index of a 12-month window in the dataset, or undefined when no window ends on that date.
 * @example periodIndexOf(recordedCrime, '2016-06-30') // 41
 */
export function periodIndexOf(dataset: RecordedCrimeDataset, periodEnd: string): number | undefined {
  let map = periodIndex.get(dataset);
  if (!map) {
    map = new Map(dataset.periods.map((period, index) => [period, index]));
    periodIndex.set(dataset, map);
  }
  return map.get(periodEnd);
}

const SINGLE_GROUPS = new Map<string, readonly string[]>(OFFENCE_GROUPS.map((group) => [group.id, [group.id]]));

function groupsOf(selection: CrimeSelection): readonly string[] {
  if (selection === 'total-excl-fraud' || selection === 'victim-based') return CRIME_SELECTION_GROUPS[selection];
  const single = SINGLE_GROUPS.get(selection);
  if (single) return single;
  {
    throw new TypeError(
      `crimeCount: unknown selection ${JSON.stringify(selection)}; expected 'total-excl-fraud', 'victim-based' ` +
        `or an OFFENCE_GROUPS id such as 'sexual-offences'`,
    );
  }
}

const KNOWN_SERIES = new Set<string>([
  ...knownForces.map((force) => force.slug),
  ...FRAUD_BODIES.map((body) => body.id),
]);
const GROUP_LABEL = new Map<string, string>(OFFENCE_GROUPS.map((group) => [group.id, group.label]));

/**
 * The 12-month count of a force (or `btp`) for a selection of offences, ending on `periodEnd`. Missing `x`
 * (naming force, group and period) when the release lacks a cell the selection needs, including a force the
 * release does not cover; missing `u` when a group count is negative. Throws only for a slug that is no force.
 * @example crimeCount(recordedCrime, 'durham', '2016-06-30', 'sexual-offences') // a count, e.g. 1,2xx
 */
export function crimeCount(
  dataset: RecordedCrimeDataset,
  force: string,
  periodEnd: string,
  selection: CrimeSelection,
): NumberOrMissing {
  const series = dataset.series[force];
  if (!series && !KNOWN_SERIES.has(force))
    throw new TypeError(
      `crimeCount: unknown force ${JSON.stringify(force)} in the recorded-crime dataset; ` +
        `e.g. crimeCount(recordedCrime, 'durham', '2016-06-30', 'total-excl-fraud')`,
    );
  const groups = groupsOf(selection);
  const index = periodIndexOf(dataset, periodEnd);
  if (index === undefined)
    return missing(
      'x',
      `no 12-month count ends on ${periodEnd}: ` +
        `the recorded-crime data run from ${dataset.periods[0]} to ${dataset.periods.at(-1)}`,
    );
  // An import may cover only some forces: a force it lacks has no count, not an error (and never 0).
  if (!series)
    return missing(
      'x',
      `not available: the recorded-crime release has no counts for ${force} (12 months ending ${periodEnd})`,
    );
  let total = 0;
  let counted = 0;
  let notApplicable: NumberOrMissing | undefined;
  for (const group of groups) {
    const value = series[group as keyof typeof series]?.[index];
    const where = () => `${force}, ${GROUP_LABEL.get(group) ?? group}, 12 months ending ${periodEnd}`;
    // A group the release lacks would otherwise make a smaller, wrong sum.
    if (value === undefined)
      return missing('x', `not available: the recorded-crime release has no count for ${where()}`);
    if (isMissing(value)) {
      if (value.missing !== 'z') return missing(value.missing, `${where()}: ${value.reason}`);
      notApplicable = value;
      continue;
    }
    if (value < 0)
      return missing(
        'u',
        `${where()} is published as ${value}, an upstream adjustment kept as data but not a count of offences`,
      );
    total += value;
    counted += 1;
  }
  // A selection none of whose groups applied has no count at all (never 0).
  if (counted === 0)
    return notApplicable ?? missing('x', `${force} has no ${selection} series in the recorded-crime data`);
  return total;
}

/** A rate with its inputs, so provenance can name them. */
export interface CrimeRate {
  value: NumberOrMissing;
  count: NumberOrMissing;
  population: NumberOrMissing;
  populationYear: number;
}

/**
 * Crimes per 1,000 population for a force, for a selection, over the 12 months to `periodEnd`.
 * @example crimeRate({ recordedCrime, population }, 'durham', '2016-06-30', 'total-excl-fraud').populationYear // 2015
 */
export function crimeRate(
  data: { recordedCrime: RecordedCrimeDataset; population: PopulationDataset },
  force: string,
  periodEnd: string,
  selection: CrimeSelection,
  options: { populationYear?: number } = {},
): CrimeRate {
  const populationYear = options.populationYear ?? populationYearForPeriodEnd(periodEnd);
  const count = crimeCount(data.recordedCrime, force, periodEnd, selection);
  const population = populationOfYear(data.population, force, populationYear);
  return { value: computeRate(count, population, { unit: 'per-1000-population' }), count, population, populationYear };
}

/**
 * A force's mid-year population, or Missing when the year or force is not covered.
 * @example populationOfYear(population, 'durham', 2015) // 625345
 */
export function populationOfYear(dataset: PopulationDataset, force: string, year: number): NumberOrMissing {
  if (force === 'btp')
    return missing('z', 'British Transport Police polices the railways and has no resident population');
  const series = dataset.values[force];
  if (!series) return missing('x', `the population dataset has no figures for ${force}`);
  const value = series[dataset.years.indexOf(year)];
  return value === undefined
    ? missing(
        'x',
        `no mid-${year} population estimate: the dataset covers mid-${dataset.years[0]} to mid-${dataset.years.at(-1)}`,
      )
    : value;
}

/**
 * The ISO end date `years` years before `periodEnd` (same day and month).
 * @example shiftYears('2016-06-30', -5) // '2011-06-30'
 */
export function shiftYears(periodEnd: string, years: number): string {
  const year = Number(periodEnd.slice(0, 4));
  return `${String(year + years).padStart(4, '0')}${periodEnd.slice(4)}`;
}
