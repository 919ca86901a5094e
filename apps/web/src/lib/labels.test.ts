import { describe, expect, it } from 'vitest';
import { shortPeriodLabel, unitLabel } from './labels.ts';

describe('shortPeriodLabel', () => {
  it.each([
    { period: { type: 'rolling-12m', end: '2016-06-30' } as const, expected: 'Jun 2016' },
    { period: { type: 'snapshot', date: '2016-07-01' } as const, expected: '1 July 2016' },
    { period: { type: 'financial-year', startYear: 2015 } as const, expected: '2015/16' },
    { period: { type: 'financial-year', startYear: 1999, quarter: 2 } as const, expected: '1999/00 Q2' },
    { period: { type: 'calendar-year', year: 2016 } as const, expected: '2016' },
  ])('$expected', ({ period, expected }) => {
    expect(shortPeriodLabel(period)).toBe(expected);
  });
});

describe('unitLabel', () => {
  it.each([
    { unit: 'percent', expected: 'percent' },
    { unit: 'per-1000-population', expected: 'per 1,000 population' },
    { unit: 'per-100000-population', expected: 'per 100,000 population' },
    { unit: 'per-1000000-population', expected: 'per one million population' },
    { unit: 'calls-per-hour', expected: 'calls per hour' },
  ])('$unit → $expected', ({ unit, expected }) => {
    expect(unitLabel(unit)).toBe(expected);
  });
});
