import fc from 'fast-check';
import { isMissing } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { computeRate, populationYearForPeriodEnd, RATE_UNITS } from './rate.ts';

describe('computeRate', () => {
  it.each([
    { count: 50, denominator: 10_000, unit: 'per-1000-population', expected: 5 },
    { count: 50, denominator: 10_000, unit: 'per-100000-population', expected: 500 },
    { count: 3, denominator: 1_500_000, unit: 'per-1000000-population', expected: 2 },
    { count: 12, denominator: 4_000, unit: 'per-1000-households', expected: 3 },
    { count: 0, denominator: 4_000, unit: 'per-1000-population', expected: 0 },
  ] as const)('$count / $denominator $unit = $expected', ({ count, denominator, unit, expected }) => {
    expect(computeRate(count, denominator, { unit })).toBeCloseTo(expected, 12);
  });

  it.each([
    { count: 5, denominator: 0, code: 'z', reason: /denominator is 0/ },
    { count: 5, denominator: -10, code: 'z', reason: /denominator is -10/ },
    { count: -120, denominator: 1000, code: 'u', reason: /negative/ },
  ])('returns [$code] for count $count over $denominator', ({ count, denominator, code, reason }) => {
    const rate = computeRate(count, denominator, { unit: 'per-1000-population' });
    expect(rate).toMatchObject({ missing: code, reason: expect.stringMatching(reason) });
  });

  it('carries a missing count or denominator through unchanged', () => {
    const notSupplied = { missing: 'x', reason: 'force did not supply data' } as const;
    expect(computeRate(notSupplied, 1000, { unit: 'per-1000-population' })).toBe(notSupplied);
    expect(computeRate(10, notSupplied, { unit: 'per-1000-population' })).toBe(notSupplied);
  });

  it('throws on NaN and on an unknown unit, naming the parameter', () => {
    expect(() => computeRate(NaN, 10, { unit: 'per-1000-population' })).toThrow(/count must be a finite number/);
    expect(() => computeRate(1, 10, { unit: 'per-10' as never })).toThrow(/options.unit must be one of/);
  });

  it('scales linearly in the count and inversely in the denominator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom(...RATE_UNITS),
        (count, denominator, factor, unit) => {
          const base = computeRate(count, denominator, { unit }) as number;
          expect(
            Math.abs((computeRate(count * factor, denominator, { unit }) as number) - base * factor),
          ).toBeLessThanOrEqual(1e-12 * base * factor);
          expect(
            Math.abs((computeRate(count * factor, denominator * factor, { unit }) as number) - base),
          ).toBeLessThanOrEqual(1e-12 * base);
          expect(isMissing(base)).toBe(false);
        },
      ),
    );
  });
});

describe('populationYearForPeriodEnd', () => {
  it.each([
    { end: '2016-06-30', year: 2015 },
    { end: '2016-03-31', year: 2015 },
    { end: '2016-09-30', year: 2016 },
    { end: '2015-12-31', year: 2015 },
    { end: '2011-06-30', year: 2010 },
  ])('12 months to $end uses mid-$year', ({ end, year }) => {
    expect(populationYearForPeriodEnd(end)).toBe(year);
  });

  it('rejects a date that is not ISO', () => {
    expect(() => populationYearForPeriodEnd('30-06-2016')).toThrow(/ISO date/);
  });
});
