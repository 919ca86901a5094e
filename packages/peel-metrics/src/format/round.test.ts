import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from './round.ts';

describe('roundHalfAwayFromZero', () => {
  it.each([
    { value: 2.25, decimals: 1, expected: 2.3 },
    { value: -2.25, decimals: 1, expected: -2.3 },
    { value: 2.5, decimals: 0, expected: 3 },
    { value: -2.5, decimals: 0, expected: -3 },
    { value: 1.005, decimals: 2, expected: 1.01 },
    { value: 0.04999, decimals: 1, expected: 0 },
    { value: -0.04, decimals: 1, expected: 0 },
    { value: 94.54, decimals: 1, expected: 94.5 },
    { value: 99.995, decimals: 2, expected: 100 },
    { value: 12.345678, decimals: 0, expected: 12 },
  ])('rounds $value to $decimals places as $expected', ({ value, decimals, expected }) => {
    expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.01, 1), 0)).toBe(true);
  });

  it.each([NaN, Infinity])('rejects %s with a message naming the input', (value) => {
    expect(() => roundHalfAwayFromZero(value, 1)).toThrow(/finite number/);
  });

  it('rejects a fractional number of decimals', () => {
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(/decimals/);
  });

  it('is symmetric around zero and within half a unit of the input', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (value, decimals) => {
          const rounded = roundHalfAwayFromZero(value, decimals);
          expect(roundHalfAwayFromZero(-value, decimals)).toBe(rounded === 0 ? 0 : -rounded);
          expect(Math.abs(rounded - value)).toBeLessThanOrEqual(0.5 / 10 ** decimals + 1e-9);
        },
      ),
    );
  });
});
