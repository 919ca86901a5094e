import { describe, expect, it } from 'vitest';
import { labelForDataPeriod, shortPeriodLabel, unitLabel } from './labels.ts';

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

describe('labelForDataPeriod', () => {
  const june2016 = { type: 'rolling-12m', end: '2016-06-30' } as const;
  it.each([
    { name: 'swaps the report period for the data period', label: 'Outcomes assigned to offences recorded in the 12 months to 30 June 2016', data: { type: 'financial-year', startYear: 2017 } as const, expected: 'Outcomes assigned to offences recorded in the financial year 2017/18' },
    { name: 'keeps a label whose period is the data period', label: 'Crime, 12 months to 30 June 2016', data: june2016, expected: 'Crime, 12 months to 30 June 2016' },
    { name: 'keeps a label that names no period', label: 'Crime per 1,000 population', data: { type: 'calendar-year', year: 2015 } as const, expected: 'Crime per 1,000 population' },
    { name: 'keeps the label when the data period is missing', label: 'Crime, 12 months to 30 June 2016', data: { missing: 'x', reason: 'no data' } as const, expected: 'Crime, 12 months to 30 June 2016' },
  ])('$name', ({ label, data, expected }) => {
    expect(labelForDataPeriod(label, june2016, data)).toBe(expected);
  });

  it('swaps a change between two periods', () => {
    const report = { type: 'change', from: { type: 'rolling-12m', end: '2015-03-31' }, to: { type: 'rolling-12m', end: '2016-03-31' } } as const;
    const data = { type: 'change', from: { type: 'calendar-year', year: 2014 }, to: { type: 'calendar-year', year: 2015 } } as const;
    expect(labelForDataPeriod('ASB change, 12 months to 31 March 2016 compared with 12 months to 31 March 2015', report, data)).toBe('ASB change, calendar year 2015 compared with calendar year 2014');
  });
});
