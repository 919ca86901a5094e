/**
 * Proportions with groups (the outcomes framework).
 *
 * Method: each row's proportion = its count ÷ the total × 100, where the total is every offence recorded
 * in the period (all outcome rows, "not yet assigned" included), so the rows sum to 100. A group row (e.g.
 * "Out-of-court (formal)" = cautions for youths and adults plus penalty notices) is the SUM OF ITS MEMBERS'
 * UNROUNDED COUNTS divided by the same total, never the sum of printed proportions: in the 2016 report the
 * printed England and Wales members add to 3.3 while the printed group is 3.2. Rounding is for display only.
 */
import { missing, type NumberOrMissing } from 'peel-data';

/** A group of rows, by the keys of its members. */
export interface ProportionGroup {
  id: string;
  label: string;
  members: readonly string[];
}

/** One row or group with its unrounded count and proportion. */
export interface ProportionRow {
  id: string;
  count: number;
  /** Percentage of the total (0–100), unrounded; Missing when the total is 0. */
  percent: NumberOrMissing;
}

/** Proportions of every row and group over one total. */
export interface ProportionTable {
  total: number;
  rows: ProportionRow[];
  groups: ProportionRow[];
}

/**
 * Percentages of a total for each row and each group, from unrounded counts.
 * @example
 * proportionsWithGroups({ a: 1, b: 1, c: 1 }, { groups: [{ id: 'ab', label: 'A or B', members: ['a', 'b'] }]
 * }).groups[0]?.percent // 66.66…
 */
export function proportionsWithGroups(
  counts: Readonly<Record<string, number>>,
  options: { groups?: readonly ProportionGroup[]; total?: number } = {},
): ProportionTable {
  for (const [id, count] of Object.entries(counts)) {
    if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
      throw new TypeError(
        `proportionsWithGroups: count for ${JSON.stringify(id)} must be a non-negative finite number, received ` +
          `${String(count)}`,
      );
    }
  }
  const total = options.total ?? Object.values(counts).reduce((sum, count) => sum + count, 0);
  const percentOf = (count: number): NumberOrMissing =>
    total > 0 ? (count / total) * 100 : missing('z', 'no offences were recorded, so no proportion can be computed');
  const rows = Object.entries(counts).map(([id, count]) => ({ id, count, percent: percentOf(count) }));
  const groups = (options.groups ?? []).map((group) => {
    const unknown = group.members.filter((member) => !(member in counts));
    if (unknown.length > 0) {
      throw new TypeError(
        `proportionsWithGroups: group ${JSON.stringify(group.id)} names rows that are not in counts: ` +
          `${unknown.join(', ')}; counts has ${Object.keys(counts).join(', ')}`,
      );
    }
    const count = group.members.reduce((sum, member) => sum + (counts[member] as number), 0);
    return { id: group.id, count, percent: percentOf(count) };
  });
  return { total, rows, groups };
}
