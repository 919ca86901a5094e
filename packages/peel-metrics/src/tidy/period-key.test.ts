import { describe, expect, it } from 'vitest';
import { periodKey } from './period-key.ts';

describe('periodKey', () => {
  it.each([
    { period: { type: 'rolling-12m', end: '2016-06-30' }, key: '2016-06-30' },
    { period: { type: 'snapshot', date: '2016-07-01' }, key: '2016-07-01' },
    { period: { type: 'financial-year', startYear: 2017 }, key: '2017/18' },
    { period: { type: 'financial-year', startYear: 1999 }, key: '1999/00' },
    { period: { type: 'financial-year', startYear: 2017, quarter: 2 }, key: '2017/18-q2' },
    { period: { type: 'calendar-year', year: 2015 }, key: '2015' },
    { period: { type: 'range', start: '2016-01-01', end: '2016-03-31' }, key: '2016-01-01..2016-03-31' },
    {
      period: {
        type: 'change',
        from: { type: 'rolling-12m', end: '2015-06-30' },
        to: { type: 'rolling-12m', end: '2016-06-30' },
      },
      key: '2016-06-30',
    },
  ] as const)('$key', ({ period, key }) => {
    expect(periodKey(period)).toBe(key);
  });
});
