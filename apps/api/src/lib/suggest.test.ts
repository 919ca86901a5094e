import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from './suggest.ts';

describe('editDistance', () => {
  it.each([
    { a: '', b: '', expected: 0 },
    { a: 'kent', b: '', expected: 4 },
    { a: 'durham', b: 'durham', expected: 0 },
    { a: 'durhma', b: 'durham', expected: 1 },
    { a: 'durhm', b: 'durham', expected: 1 },
    { a: 'kitten', b: 'sitting', expected: 3 },
  ])('$a -> $b = $expected', ({ a, b, expected }) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  it('is a metric: symmetric, zero only on equality, bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('suggest', () => {
  const slugs = ['durham', 'dorset', 'kent', 'west-mercia', 'west-midlands', 'west-yorkshire', 'cleveland'];
  it.each([
    { input: 'durhm', expected: ['durham'] },
    { input: 'DURHAM', expected: ['durham'] },
    { input: 'west', expected: ['west-mercia', 'west-midlands', 'west-yorkshire'] },
    { input: 'yorkshire', expected: ['west-yorkshire'] },
    { input: 'clevland', expected: ['cleveland'] },
    { input: 'west-yorks', expected: ['west-yorkshire'] },
    { input: 'zzzzzzzzzz', expected: [] },
    { input: '', expected: [] },
  ])('$input -> $expected', ({ input, expected }) => {
    expect(suggest(input, slugs)).toEqual(expected);
  });

  it('suggests long ids from a typo near their start', () => {
    expect(suggest('crime_rte', ['crime_rate_total_excl_fraud', 'crime_rate_victim_based', 'asb_rate'])).toEqual([
      'crime_rate_total_excl_fraud',
      'crime_rate_victim_based',
    ]);
  });

  it('only ever returns candidates, at most `limit` of them', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.integer({ min: 1, max: 5 }), (input, limit) => {
        const result = suggest(input, slugs, { limit });
        expect(result.length).toBeLessThanOrEqual(limit);
        for (const s of result) expect(slugs).toContain(s);
      }),
    );
  });
});
