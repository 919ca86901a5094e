import { describe, expect, it } from 'vitest';
import { changeBetween, percentChange } from './change.ts';

describe('percentChange', () => {
  it.each([
    { earlier: 200, later: 250, expected: 25 },
    { earlier: 250, later: 200, expected: -20 },
    { earlier: 80, later: 80, expected: 0 },
    { earlier: -50, later: -25, expected: 50 },
  ])('$earlier -> $later is $expected%', ({ earlier, later, expected }) => {
    expect(percentChange(earlier, later)).toBeCloseTo(expected, 12);
  });

  it('has no percentage change from a zero base', () => {
    expect(percentChange(0, 5)).toMatchObject({ missing: 'z' });
  });

  it('carries missing inputs through', () => {
    const gap = { missing: 'x', reason: 'not recorded' } as const;
    expect(percentChange(gap, 5)).toBe(gap);
    expect(percentChange(5, gap)).toBe(gap);
  });

  it('throws on NaN naming the argument', () => {
    expect(() => percentChange(1, NaN)).toThrow(/later must be a finite number/);
  });
});

describe('changeBetween', () => {
  const earlier = { count: 1_000, denominator: 100_000 };
  const later = { count: 1_100, denominator: 110_000 };
  it.each([
    { basis: 'counts', expected: 10 },
    // 10% more crimes in a population that also grew 10%: the rate did not change.
    { basis: 'rates', expected: 0 },
  ] as const)('on $basis gives $expected%', ({ basis, expected }) => {
    expect(changeBetween(earlier, later, { basis })).toBeCloseTo(expected, 12);
  });

  it('rejects an unknown basis', () => {
    expect(() => changeBetween(earlier, later, { basis: 'volumes' as never })).toThrow(/'counts' or 'rates'/);
  });
});
