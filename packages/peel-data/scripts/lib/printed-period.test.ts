import { describe, expect, it } from 'vitest';
import { isMissing } from '../../src/types/missing.ts';
import { typePrintedPeriod } from './printed-period.ts';

describe('typePrintedPeriod', () => {
  it.each([
    { text: '12 months to 30 June 2016', expected: { type: 'rolling-12m', end: '2016-06-30' } },
    { text: '12 months to 31 March 2016', expected: { type: 'rolling-12m', end: '2016-03-31' } },
    { text: 'as at 1 July 2016', expected: { type: 'snapshot', date: '2016-07-01' } },
    {
      text: 'survey fieldwork July to August 2016',
      expected: { type: 'range', start: '2016-07-01', end: '2016-08-31' },
    },
    {
      text: 'crimes recorded between 1 January 2016 and 31 March 2016',
      expected: { type: 'range', start: '2016-01-01', end: '2016-03-31' },
    },
    {
      text: '12 months to 31 March 2016 compared with 12 months to 31 March 2015',
      expected: {
        type: 'change',
        from: { type: 'rolling-12m', end: '2015-03-31' },
        to: { type: 'rolling-12m', end: '2016-03-31' },
      },
    },
  ])('"$text"', ({ text, expected }) => {
    expect(typePrintedPeriod(text)).toEqual(expected);
  });

  it.each(['not stated', '2016', '12 months to June 2016', 'at the time of inspection'])(
    'leaves "%s" untyped, with the wording in the reason',
    (text) => {
      const typed = typePrintedPeriod(text);
      expect(isMissing(typed)).toBe(true);
      expect(isMissing(typed) && typed.reason).toContain(JSON.stringify(text));
    },
  );
});
