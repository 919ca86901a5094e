/**
 * Ranking and banding ("one of the highest / one of the lowest / broadly in line").
 *
 * Method, as Annex A states it for figures 4 and 7: forces are ranked by their value, and "the top and
 * bottom 25 percent of forces" are highlighted; all others are broadly in line with England and Wales.
 * The report leaves the details open; this library fixes them as follows.
 *   - Who is ranked: every force with a number, except forces the exclusion registry excludes for the
 *     metric and British Transport Police. Missing values and excluded forces get no rank and no band.
 *   - Direction: rank 1 is the HIGHEST value. "Among the highest" means a high value, not good performance.
 *   - Tail size: with n ranked forces each tail holds k = floor(n / 4) positions, i.e. at most 25 percent
 *     (n = 43 → 10, 42 → 10, 41 → 10, 40 → 10, 39 → 9; fewer than 4 forces → no tails).
 *   - Ties: values are compared unrounded; tied forces share the best rank (competition ranking: 1, 2, 2, 4).
 *     A force is "among the highest" if its rank from the top is ≤ k, "among the lowest" if its rank from
 *     the bottom is ≤ k. So forces tied at a cut-off all take the tail band, and a tail holds exactly k
 *     forces unless there is a tie at its cut-off, when it holds more. Equal values always get the same band.
 *   - A value that would fall in both tails (possible only when more than half the forces share it) is
 *     "broadly in line".
 * The result carries the rule, n, k and the two cut-off values, so a reader can check every band.
 */
import { isMissing, type NumberOrMissing } from 'peel-data';
import { BRITISH_TRANSPORT_POLICE, type ExclusionRule } from './exclusions.ts';

export const BANDS = ['among-the-highest', 'broadly-in-line', 'among-the-lowest'] as const;
export type Band = (typeof BANDS)[number];

/** How each band reads in a sentence. */
export const BAND_LABEL: Record<Band, string> = {
  'among-the-highest': 'one of the highest',
  'broadly-in-line': 'broadly in line with England and Wales',
  'among-the-lowest': 'one of the lowest',
};

/** The banding rule in words, returned with every banding. */
export const BANDING_RULE =
  'Forces with a value are ranked from the highest value (rank 1); excluded forces are not ranked. Each tail holds k = floor(n / 4) positions of the n ranked forces. A force whose rank from the top is at most k is among the highest; whose rank from the bottom is at most k, among the lowest; all others are broadly in line. Tied values share a rank, so forces tied at a cut-off all join the tail.';

/** One force's place in a banding. */
export interface BandedForce {
  force: string;
  value: number;
  /** 1 = highest value; ties share the best rank. */
  rank: number;
  /** 1 = lowest value; ties share the best rank. */
  rankFromBottom: number;
  band: Band;
}

/** A whole banding, with enough to check it. */
export interface Banding {
  rule: string;
  direction: 'rank 1 = highest value';
  /** Number of ranked forces. */
  n: number;
  /** Positions in each tail: floor(n / 4). */
  k: number;
  /** Value of the k-th highest and k-th lowest ranked force (undefined when k = 0). */
  cutoffs: { highest?: number; lowest?: number };
  ranked: BandedForce[];
  notRanked: { force: string; reason: string }[];
}

/**
 * Number of positions in each tail for n ranked forces.
 * @example tailSize(42) // 10
 */
export function tailSize(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`tailSize(n): expected a non-negative integer number of forces, received ${String(n)}; e.g. tailSize(42)`);
  return Math.floor(n / 4);
}

/**
 * Ranks and bands forces on one metric.
 * @example
 * const banding = bandForces([{ force: 'a', value: 9 }, { force: 'b', value: 5 }, { force: 'c', value: 3 }, { force: 'd', value: 1 }]);
 * banding.ranked.map((row) => row.band) // ['among-the-highest', 'broadly-in-line', 'broadly-in-line', 'among-the-lowest']
 */
export function bandForces(rows: readonly { force: string; value: NumberOrMissing }[], options: { exclusions?: readonly ExclusionRule[] } = {}): Banding {
  const excluded = new Map<string, string>();
  for (const rule of options.exclusions ?? []) if (rule.treatment === 'excluded') excluded.set(rule.force, rule.reason);
  const notRanked: Banding['notRanked'] = [];
  const values: { force: string; value: number }[] = [];
  for (const row of rows) {
    if (row.force === BRITISH_TRANSPORT_POLICE) notRanked.push({ force: row.force, reason: 'British Transport Police is never compared with the territorial forces' });
    else if (excluded.has(row.force)) notRanked.push({ force: row.force, reason: excluded.get(row.force) as string });
    else if (isMissing(row.value)) notRanked.push({ force: row.force, reason: `no value: ${row.value.reason}` });
    else if (typeof row.value !== 'number' || !Number.isFinite(row.value)) {
      throw new TypeError(`bandForces: the value for ${row.force} must be a finite number or a Missing marker, received ${String(row.value)}`);
    } else values.push({ force: row.force, value: row.value });
  }
  const n = values.length;
  const k = tailSize(n);
  const descending = values.map((row) => row.value).sort((a, b) => b - a);
  const ascending = [...descending].reverse();
  // Competition rank = 1 + number of strictly greater (or smaller) values: found by binary search in the sorted lists.
  const countBefore = (sorted: number[], before: (x: number) => boolean): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(sorted[mid] as number)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ranked = values
    .map(({ force, value }) => {
      const rank = 1 + countBefore(descending, (x) => x > value);
      const rankFromBottom = 1 + countBefore(ascending, (x) => x < value);
      const high = rank <= k;
      const low = rankFromBottom <= k;
      const band: Band = high && !low ? 'among-the-highest' : low && !high ? 'among-the-lowest' : 'broadly-in-line';
      return { force, value, rank, rankFromBottom, band };
    })
    .sort((a, b) => a.rank - b.rank || a.force.localeCompare(b.force));
  const cutoffs = k === 0 ? {} : { highest: descending[k - 1] as number, lowest: ascending[k - 1] as number };
  return { rule: BANDING_RULE, direction: 'rank 1 = highest value', n, k, cutoffs, ranked, notRanked };
}
