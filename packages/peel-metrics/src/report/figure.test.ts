import { describe, expect, it } from 'vitest';
import { relabelPeriod } from '../format/relabel-period.ts';

describe('relabelPeriod', () => {
  const june2016 = { type: 'rolling-12m', end: '2016-06-30' } as const;
  it.each([
    {
      name: 'swaps the report period for the data period',
      label: 'Outcomes assigned to offences recorded in the 12 months to 30 June 2016',
      data: { type: 'financial-year', startYear: 2017 } as const,
      expected: 'Outcomes assigned to offences recorded in the financial year 2017/18',
    },
    {
      name: 'swaps every mention of the report period',
      label: '12 months to 30 June 2016: outcomes for offences recorded in the 12 months to 30 June 2016',
      data: { type: 'financial-year', startYear: 2017 } as const,
      expected: 'financial year 2017/18: outcomes for offences recorded in the financial year 2017/18',
    },
    {
      name: 'keeps the label when there is no data period',
      label: 'Crime, 12 months to 30 June 2016',
      data: undefined,
      expected: 'Crime, 12 months to 30 June 2016',
    },
    {
      name: 'keeps a label whose period is the data period',
      label: 'Crime, 12 months to 30 June 2016',
      data: june2016,
      expected: 'Crime, 12 months to 30 June 2016',
    },
    {
      name: 'keeps a label that names no period',
      label: 'Crime per 1,000 population',
      data: { type: 'calendar-year', year: 2015 } as const,
      expected: 'Crime per 1,000 population',
    },
    {
      name: 'keeps the label when the data period is missing',
      label: 'Crime, 12 months to 30 June 2016',
      data: { missing: 'x', reason: 'no data' } as const,
      expected: 'Crime, 12 months to 30 June 2016',
    },
  ])('$name', ({ label, data, expected }) => {
    expect(relabelPeriod(label, june2016, data)).toBe(expected);
  });

  it('swaps a change between two periods', () => {
    const report = {
      type: 'change',
      from: { type: 'rolling-12m', end: '2015-03-31' },
      to: { type: 'rolling-12m', end: '2016-03-31' },
    } as const;
    const data = {
      type: 'change',
      from: { type: 'calendar-year', year: 2014 },
      to: { type: 'calendar-year', year: 2015 },
    } as const;
    expect(
      relabelPeriod('ASB change, 12 months to 31 March 2016 compared with 12 months to 31 March 2015', report, data),
    ).toBe('ASB change, calendar year 2015 compared with calendar year 2014');
  });
});
