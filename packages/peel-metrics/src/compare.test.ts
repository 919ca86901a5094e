import { describe, expect, it } from 'vitest';
import { compareWithEnglandWales } from './compare.ts';

describe('compareWithEnglandWales', () => {
  it.each([
    { value: 26.2, englandWales: 15.9, precision: 1, expected: 'above' },
    { value: 3.9, englandWales: 14.3, precision: 1, expected: 'below' },
    { value: 15.94, englandWales: 15.86, precision: 1, expected: 'in-line' },
    { value: 15.96, englandWales: 15.94, precision: 1, expected: 'above' },
    { value: 48.4, englandWales: 46.4, precision: 0, expected: 'above' },
    { value: 45.6, englandWales: 46.4, precision: 0, expected: 'in-line' },
  ])('$value vs $englandWales at $precision dp is $expected', ({ value, englandWales, precision, expected }) => {
    expect(compareWithEnglandWales(value, englandWales, { precision })).toBe(expected);
  });

  it('returns the missing marker when a side is missing', () => {
    const gap = { missing: 'x', reason: 'not printed' } as const;
    expect(compareWithEnglandWales(4, gap, { precision: 1 })).toBe(gap);
    expect(compareWithEnglandWales(gap, 4, { precision: 1 })).toBe(gap);
  });
});
