/**
 * Every recorded-crime rate at once: force × offence group × 12-month window, with the England and Wales
 * pooled rate and the band of every force, in flat typed arrays (what a national table or heat map needs).
 *
 * Method: the same as crimeRate, poolEnglandWales and bandForces, done in one pass over the dataset's
 * arrays: rate = count ÷ mid-year population (populationYearForPeriodEnd) × 1,000; England and Wales =
 * Σ counts ÷ Σ populations over the forces with a count (negative published adjustments left out); bands by
 * the documented rule (rank 1 = highest,
 * k = floor(n / 4) per tail, ties share the best rank, a value in both tails is broadly in line). A missing
 * count ([x], or [z] for a group that did not exist) gives NaN in the arrays and no band (band code 0):
 * callers turn NaN back into the Missing marker with `gridValue`. British Transport Police is not a row.
 */
import { missing, type NumberOrMissing, type PopulationDataset, type RecordedCrimeDataset } from 'peel-data';
import { populationYearForPeriodEnd } from '../rate.ts';
import { tailSize } from '../banding.ts';

/** Band codes in `bands`: 0 not banded (no value), 1 among the lowest, 2 broadly in line, 3 among the highest. */
export const GRID_BAND_CODES = { none: 0, lowest: 1, inLine: 2, highest: 3 } as const;

/** The grid: index [period][group][force] = (p × groups + g) × forces + f. */
export interface CrimeRateGrid {
  periods: readonly string[];
  groups: readonly string[];
  forces: readonly string[];
  /** Rates per 1,000 population; NaN where the count or population is missing. */
  rates: Float64Array;
  /** Competition rank from the top (1 = highest); 0 where not ranked. */
  ranks: Uint8Array;
  /** See GRID_BAND_CODES. */
  bands: Uint8Array;
  /** England and Wales pooled rate per [period][group]; NaN where no force has a count. */
  englandWales: Float64Array;
}

/**
 * Computes every rate, England and Wales rate and band of the recorded-crime data.
 * @example
 * crimeRateGrid({ recordedCrime, population }, { forces: territorialForces.map((f) => f.slug), groups: ['robbery'] })
 *   .rates.length // 52 periods × 1 group × 43 forces
 */
export function crimeRateGrid(
  data: { recordedCrime: RecordedCrimeDataset; population: PopulationDataset },
  options: { forces: readonly string[]; groups: readonly string[] },
): CrimeRateGrid {
  const { forces, groups } = options;
  const periods = data.recordedCrime.periods;
  const P = periods.length;
  const G = groups.length;
  const F = forces.length;
  const rates = new Float64Array(P * G * F);
  const ranks = new Uint8Array(P * G * F);
  const bands = new Uint8Array(P * G * F);
  const englandWales = new Float64Array(P * G);
  const order = new Int32Array(F);
  // Resolve each force × group count array once; the loops below only index by period.
  const arrays: (readonly NumberOrMissing[] | undefined)[] = [];
  for (let g = 0; g < G; g += 1) {
    for (let f = 0; f < F; f += 1)
      arrays.push(
        (
          data.recordedCrime.series[forces[f] as string] as
            Record<string, readonly NumberOrMissing[] | undefined> | undefined
        )?.[groups[g] as string],
      );
  }
  const populations = new Float64Array(F);
  for (let p = 0; p < P; p += 1) {
    const yearIndex = data.population.years.indexOf(populationYearForPeriodEnd(periods[p] as string));
    for (let f = 0; f < F; f += 1)
      populations[f] = data.population.values[forces[f] as string]?.[yearIndex] ?? Number.NaN;
    for (let g = 0; g < G; g += 1) {
      const base = (p * G + g) * F;
      let countSum = 0;
      let populationSum = 0;
      let ranked = 0;
      for (let f = 0; f < F; f += 1) {
        const count = arrays[g * F + f]?.[p];
        const population = populations[f] as number;
        if (typeof count !== 'number' || !(population > 0)) {
          rates[base + f] = Number.NaN;
          continue;
        }
        // A negative published count (an upstream adjustment) is kept as data but, as in crimeCount and
        // poolEnglandWales, gives the force no rate, no rank and no share of the national sum.
        if (count < 0) {
          rates[base + f] = Number.NaN;
          continue;
        }
        countSum += count;
        populationSum += population;
        rates[base + f] = (count / population) * 1000;
        order[ranked] = f;
        ranked += 1;
      }
      englandWales[p * G + g] = ranked === 0 ? Number.NaN : (countSum / populationSum) * 1000;
      bandSlice(rates, base, order, ranked, ranks, bands);
    }
  }
  return { periods, groups, forces, rates, ranks, bands, englandWales };
}

/** Ranks and bands the forces listed in order[0..n) of one [period][group] slice. */
function bandSlice(
  rates: Float64Array,
  base: number,
  order: Int32Array,
  n: number,
  ranks: Uint8Array,
  bands: Uint8Array,
): void {
  const k = tailSize(n);
  const slice = order;
  // Insertion sort, highest rate first: about 40 forces, so this beats a comparator sort and allocates nothing.
  for (let i = 1; i < n; i += 1) {
    const item = slice[i] as number;
    const value = rates[base + item] as number;
    let j = i - 1;
    while (j >= 0 && (rates[base + (slice[j] as number)] as number) < value) {
      slice[j + 1] = slice[j] as number;
      j -= 1;
    }
    slice[j + 1] = item;
  }
  let start = 0;
  while (start < n) {
    const value = rates[base + (slice[start] as number)] as number;
    let end = start;
    while (end + 1 < n && rates[base + (slice[end + 1] as number)] === value) end += 1;
    const rank = start + 1;
    const high = rank <= k;
    const low = n - end <= k;
    const band =
      high && !low ? GRID_BAND_CODES.highest : low && !high ? GRID_BAND_CODES.lowest : GRID_BAND_CODES.inLine;
    for (let position = start; position <= end; position += 1) {
      const cell = base + (slice[position] as number);
      ranks[cell] = rank;
      bands[cell] = band;
    }
    start = end + 1;
  }
}

/**
 * A rate of the grid as a number or a Missing marker.
 * @example gridValue(grid, 41, 0, 7) // Durham's rate for the first group, 12 months to 30 June 2016
 */
export function gridValue(grid: CrimeRateGrid, period: number, group: number, force: number): NumberOrMissing {
  const value = grid.rates[(period * grid.groups.length + group) * grid.forces.length + force];
  if (value === undefined)
    throw new RangeError(`gridValue: index out of range (period ${period}, group ${group}, force ${force})`);
  return Number.isNaN(value)
    ? missing(
        'x',
        `no usable count or population for ${grid.forces[force]}, ${grid.groups[group]}, ` +
          `12 months to ${grid.periods[period]} (missing, or a negative adjustment)`,
      )
    : value;
}
