import { describe, expect, it } from 'vitest';
import { proportionsWithGroups } from './proportions.ts';

describe('proportionsWithGroups', () => {
  // Counts chosen so that printed members (1 dp) do not add to the printed group, like Figure 4's E&W column.
  const counts = { youth: 44, adult: 226, pnd: 56, rest: 9674 };
  const table = proportionsWithGroups(counts, {
    groups: [{ id: 'formal', label: 'Out-of-court (formal)', members: ['youth', 'adult', 'pnd'] }],
  });

  it('computes each row over the total of all rows', () => {
    expect(table.total).toBe(10_000);
    [0.44, 2.26, 0.56, 96.74].forEach((expected, i) => expect(table.rows[i]?.percent).toBeCloseTo(expected, 12));
  });

  it('computes a group from unrounded member counts, not from printed members', () => {
    // Printed members 0.4 + 2.3 + 0.6 = 3.3, but the group is 326 / 10,000 = 3.26 -> printed 3.3; here the point is the
    // count.
    expect(table.groups[0]).toMatchObject({ id: 'formal', count: 326 });
    expect(table.groups[0]?.percent).toBeCloseTo(3.26, 12);
  });

  it('uses an explicit total when given', () => {
    expect(proportionsWithGroups({ a: 1 }, { total: 4 }).rows[0]?.percent).toBe(25);
  });

  it('is missing, not 0, over a zero total', () => {
    expect(proportionsWithGroups({ a: 0 }).rows[0]?.percent).toMatchObject({ missing: 'z' });
  });

  it.each([
    { counts: { a: -1 }, groups: [], message: /count for "a" must be a non-negative/ },
    {
      counts: { a: 1 },
      groups: [{ id: 'g', label: 'G', members: ['b'] }],
      message: /names rows that are not in counts: b/,
    },
  ])('rejects bad input: $message', ({ counts, groups, message }) => {
    expect(() => proportionsWithGroups(counts, { groups })).toThrow(message);
  });
});
