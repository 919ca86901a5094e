import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricDefinitions } from '../registry/registry.ts';
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
    // Spec §b.1 CR-07 / §d T-C2: "increased by 9 percent"; §b.2 ASB-02: "11 percent fewer".
    { value: 8.9958, precision: 0, unit: 'percent change', expected: '+9%' },
    { value: -10.5, precision: 0, unit: 'percent change', expected: '-11%' },
    { value: 0.4, precision: 0, unit: 'percent change', expected: '0%' },
    { value: -0.4, precision: 0, unit: 'percent change', expected: '0%' },
    { value: 2.25, precision: 1, unit: 'percent change', expected: '+2.3%' },
    // Every percentage unit of the catalogue takes the sign; other units print bare.
    { value: 3.9, precision: 1, unit: 'percent of recorded crime', expected: '3.9%' },
    { value: 60.3, precision: 1, unit: 'percent of offences recorded in the period', expected: '60.3%' },
    { value: 100, precision: 2, unit: 'percent of offences recorded in the period', expected: '100.00%' },
    { value: 40, precision: 0, unit: 'percent reduction', expected: '40%' },
    { value: 15, precision: 0, unit: 'percent (relative change or percentage points: not stated)', expected: '15%' },
    { value: 26.2, precision: 1, unit: 'calls per 1,000 population', expected: '26.2' },
    { value: 24, precision: 1, unit: 'outcomes per 100 domestic abuse offences (unit not printed)', expected: '24.0' },
    { value: 48, precision: 0, unit: 'OCGs per one million population', expected: '48' },
  ])('$value at $precision dp ($unit) -> $expected', ({ value, precision, unit, expected }) => {
    expect(formatValue(value, unit === undefined ? { precision } : { precision, unit })).toBe(expected);
  });

  it.each(['x', 'z', 'c', 'u'] as const)('shows a [%s] marker, never 0', (code) => {
    expect(formatValue({ missing: code, reason: 'test' }, { precision: 1, unit: 'percent change' })).toBe(`[${code}]`);
  });

  it('marks every percentage unit of the catalogue with %, and no other unit', () => {
    for (const { id, unit } of metricDefinitions()) {
      const shown = formatValue(12.5, { precision: 1, unit });
      expect(shown.endsWith('%'), `${id} (${unit})`).toBe(unit.startsWith('percent') && unit !== 'percentage-points');
    }
  });

  it('prints a percent change with its direction: + above zero, - below, none at zero (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        (value, precision) => {
          const shown = formatValue(value, { precision, unit: 'percent change' });
          const plain = formatValue(value, { precision });
          const magnitude = plain.replace('-', '');
          const isZero = Number(magnitude.replaceAll(',', '')) === 0;
          expect(shown).toBe(`${isZero ? '' : value > 0 ? '+' : '-'}${magnitude}%`);
        },
      ),
    );
  });
});
