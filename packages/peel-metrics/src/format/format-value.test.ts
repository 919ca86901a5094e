import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value.ts';

describe('formatValue', () => {
  it.each([
    { value: 16.449, precision: 1, unit: undefined, expected: '16.4' },
    { value: 2.25, precision: 1, unit: 'percent', expected: '2.3%' },
    { value: -2.25, precision: 1, unit: 'percent', expected: '-2.3%' },
    { value: 100, precision: 2, unit: undefined, expected: '100.00' },
    { value: 2471, precision: 0, unit: undefined, expected: '2,471' },
    { value: 1234567.891, precision: 1, unit: undefined, expected: '1,234,567.9' },
    { value: -0.04, precision: 1, unit: undefined, expected: '0.0' },
    { value: 15, precision: 0, unit: 'percentage-points', expected: '15 percentage points' },
  ])('$value at $precision dp ($unit) -> $expected', ({ value, precision, unit, expected }) => {
    expect(formatValue(value, { precision, unit })).toBe(expected);
  });

  it.each(['x', 'z', 'c', 'u'] as const)('shows a [%s] marker, never 0', (code) => {
    expect(formatValue({ missing: code, reason: 'test' }, { precision: 1 })).toBe(`[${code}]`);
  });
});
