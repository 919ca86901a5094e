import { describe, expect, it } from 'vitest';
import { isoPeriodEnd } from '../gen/recorded-crime.ts';
import { cleanCode } from '../gen/population.ts';

describe('isoPeriodEnd (recorded-crime dates)', () => {
  it.each([
    { value: '30-06-2016', expected: '2016-06-30' },
    { value: '31-03-2003', expected: '2003-03-31' },
    { value: '30-12-2017', expected: '2017-12-31' }, // the one misdated upstream quarter
  ])('$value → $expected', ({ value, expected }) => {
    expect(isoPeriodEnd(value, 'f.csv, line 9')).toBe(expected);
  });

  it.each([
    { value: '2016-06-30', message: /f\.csv, line 9, column "12 months ending": "2016-06-30" is not a dd-mm-yyyy date/ },
    { value: '31-06-2016', message: /"31-06-2016" is not a real date/ },
  ])('rejects $value naming the file, line and column', ({ value, message }) => {
    expect(() => isoPeriodEnd(value, 'f.csv, line 9')).toThrow(message);
  });
});

describe('cleanCode (LAD codes)', () => {
  it.each([
    { raw: 'E06000061\u00a0', expected: 'E06000061' },
    { raw: ' E06000047 ', expected: 'E06000047' },
    { raw: 'W06000001', expected: 'W06000001' },
  ])('$raw → $expected', ({ raw, expected }) => {
    expect(cleanCode(raw)).toBe(expected);
  });
});
