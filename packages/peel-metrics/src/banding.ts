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

/** The three bands, highest first. */
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
  'Forces with a value are ranked from the highest value (rank 1); excluded forces are not ranked. Each tail holds k ' +
  '= floor(n / 4) positions of the n ranked forces. A force whose rank from the top is at most k is among the ' +
  'highest; whose rank from the bottom is at most k, among the lowest; all others are broadly in line. Tied values ' +
  'share a rank, so forces tied at a cut-off all join the tail.';

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
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(
      `tailSize(n): expected a non-negative integer number of forces, received ${String(n)}; e.g. tailSize(42)`,
    );
  return Math.floor(n / 4);
}

/**
 * Ranks and bands forces on one metric.
 * @example
 * const banding = bandForces([{ force: 'a', value: 9 }, { force: 'b', value: 5 }, { force: 'c', value: 3 }, { force:
 * 'd', value: 1 }]);
 * banding.ranked.map((row) => row.band) // ['among-the-highest', 'broadly-in-line', 'broadly-in-line',
 * 'among-the-lowest']
 */
export function bandForces(
  rows: readonly { force: string; value: NumberOrMissing }[],
  options: { exclusions?: readonly ExclusionRule[] } = {},
): Banding {
  const excluded = new Map<string, string>();
  // Unranked forces (City of London on population rates) stay in England and Wales but are not ranked.
  for (const rule of options.exclusions ?? [])
    if (rule.treatment === 'excluded' || rule.treatment === 'unranked') excluded.set(rule.force, rule.reason);
  const notRanked: Banding['notRanked'] = [];
  const values: { force: string; value: number }[] = [];
  for (const row of rows) {
    if (row.force === BRITISH_TRANSPORT_POLICE)
      notRanked.push({
        force: row.force,
        reason: 'British Transport Police is never compared with the territorial forces',
      });
    else if (excluded.has(row.force)) notRanked.push({ force: row.force, reason: excluded.get(row.force) as string });
    else if (isMissing(row.value)) notRanked.push({ force: row.force, reason: `no value: ${row.value.reason}` });
    else if (typeof row.value !== 'number' || !Number.isFinite(row.value)) {
      throw new TypeError(
        `bandForces: the value for ${row.force} must be a finite number or a Missing marker, received ` +
          `${String(row.value)}`,
      );
    } else values.push({ force: row.force, value: row.value });
  }
  const n = values.length;
  const k = tailSize(n);
  // One sort, highest first (ties in slug order, so the output is stable), then competition ranks in one pass.
  const order = values.map((_, index) => index);
  order.sort((a, b) => {
    const difference = (values[b] as { value: number }).value - (values[a] as { value: number }).value;
    if (difference !== 0) return difference;
    const fa = (values[a] as { force: string }).force;
    const fb = (values[b] as { force: string }).force;
    return fa < fb ? -1 : fa > fb ? 1 : 0;
  });
  const ranked: BandedForce[] = new Array(n);
  let start = 0;
  while (start < n) {
    const value = (values[order[start] as number] as { value: number }).value;
    let end = start;
    while (end + 1 < n && (values[order[end + 1] as number] as { value: number }).value === value) end += 1;
    // Tied run at positions start..end: rank from the top = start + 1; from the bottom = n − end.
    const rank = start + 1;
    const rankFromBottom = n - end;
    const high = rank <= k;
    const low = rankFromBottom <= k;
    const band: Band = high && !low ? 'among-the-highest' : low && !high ? 'among-the-lowest' : 'broadly-in-line';
    for (let position = start; position <= end; position += 1) {
      const row = values[order[position] as number] as { force: string; value: number };
      ranked[position] = { force: row.force, value: row.value, rank, rankFromBottom, band };
    }
    start = end + 1;
  }
  const valueAt = (position: number): number => (values[order[position] as number] as { value: number }).value;
  const cutoffs = k === 0 ? {} : { highest: valueAt(k - 1), lowest: valueAt(n - k) };
  return { rule: BANDING_RULE, direction: 'rank 1 = highest value', n, k, cutoffs, ranked, notRanked };
}
