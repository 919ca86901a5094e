import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanOfForceRates, poolEnglandWales } from './aggregate.ts';
import { exclusionsFor } from './exclusions.ts';

describe('poolEnglandWales', () => {
  it('divides the sum of numerators by the sum of denominators, not the mean of rates', () => {
    // Rates 10 and 100 per 1,000; the big force dominates: (10 + 1000) / (1000 + 10000) = 91.8… per 1,000.
    const result = poolEnglandWales(
      [
        { force: 'small', numerator: 10, denominator: 1_000 },
        { force: 'big', numerator: 1_000, denominator: 10_000 },
      ],
      { scale: 1000 },
    );
    expect(result.value).toBeCloseTo((1010 / 11_000) * 1000, 12);
    expect(result).toMatchObject({
      method: 'pooled',
      included: ['small', 'big'],
      excluded: [],
      numerator: 1010,
      denominator: 11_000,
    });
  });

  it.each([
    {
      name: 'British Transport Police',
      rows: [{ force: 'btp', numerator: 5, denominator: 10 }],
      reason: /never part of England and Wales/,
    },
    {
      name: 'a force the registry excludes',
      rows: [{ force: 'dorset', numerator: 5, denominator: 10 }],
      reason: /Dorset Police is excluded from the table/,
    },
    {
      name: 'a force with a missing numerator',
      rows: [{ force: 'kent', numerator: { missing: 'x', reason: 'not supplied' } as const, denominator: 10 }],
      reason: /no data: not supplied/,
    },
    {
      name: 'a force with a negative numerator (an upstream adjustment)',
      rows: [{ force: 'kent', numerator: -5_000_000, denominator: 10 }],
      reason: /the numerator is negative \(-5000000\)/,
    },
    {
      name: 'a force with a denominator of 0',
      rows: [{ force: 'kent', numerator: 5, denominator: 0 }],
      reason: /the denominator is 0/,
    },
  ])('leaves out $name and says why', ({ rows, reason }) => {
    const result = poolEnglandWales([...rows, { force: 'durham', numerator: 1, denominator: 100 }], {
      scale: 100,
      exclusions: exclusionsFor('outcome_proportion'),
    });
    expect(result.included).toEqual(['durham']);
    expect(result.value).toBeCloseTo(1, 12);
    expect(result.excluded).toEqual([{ force: rows[0]?.force, reason: expect.stringMatching(reason) }]);
  });

  it('is missing, not 0, when no force has data', () => {
    expect(poolEnglandWales([], { scale: 1000 }).value).toMatchObject({ missing: 'x' });
  });

  it('rejects a scale that is not positive', () => {
    expect(() => poolEnglandWales([], { scale: 0 })).toThrow(/options.scale must be a positive number/);
  });

  it('property: equals Σ numerators / Σ denominators × scale over the included forces', () => {
    const row = fc.record({
      numerator: fc.integer({ min: 0, max: 1_000_000 }),
      denominator: fc.integer({ min: 1, max: 10_000_000 }),
      excluded: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 44 }),
        fc.constantFrom(100, 1000, 100_000),
        (rows, scale) => {
          const forces = rows.map((r, i) => ({
            force: `force-${i}`,
            numerator: r.numerator,
            denominator: r.denominator,
          }));
          const exclusions = rows.flatMap((r, i) =>
            r.excluded ? [{ force: `force-${i}`, treatment: 'excluded' as const, reason: 'test', metrics: [] }] : [],
          );
          const kept = rows.filter((r) => !r.excluded);
          const result = poolEnglandWales(forces, { scale, exclusions });
          expect(result.included.length + result.excluded.length).toBe(rows.length);
          if (kept.length === 0) {
            expect(result.value).toMatchObject({ missing: 'x' });
            return;
          }
          const expected =
            (kept.reduce((s, r) => s + r.numerator, 0) / kept.reduce((s, r) => s + r.denominator, 0)) * scale;
          expect(result.value).toBeCloseTo(expected, 9);
        },
      ),
    );
  });
});

describe('meanOfForceRates', () => {
  it('takes the unweighted mean of the included force rates', () => {
    const result = meanOfForceRates([
      { force: 'a', value: 80 },
      { force: 'b', value: 90 },
      { force: 'c', value: { missing: 'x', reason: 'no survey' } },
      { force: 'btp', value: 10 },
    ]);
    expect(result.value).toBe(85);
    expect(result.included).toEqual(['a', 'b']);
    expect(result.excluded.map((row) => row.force).sort()).toEqual(['btp', 'c']);
  });
});
