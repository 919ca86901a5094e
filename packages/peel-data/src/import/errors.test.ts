import { describe, expect, it } from 'vitest';
import { ImportError, captureImport, formatIssue, showValue } from './errors.ts';

describe('formatIssue', () => {
  it.each([
    {
      issue: { file: 'a.csv', row: 7, column: 'count', expected: 'a whole number', received: '"12a"' },
      text: 'a.csv: row 7, column "count": expected a whole number, received "12a"',
    },
    { issue: { file: 'a.csv', row: 1, expected: 'a header row' }, text: 'a.csv: row 1: expected a header row' },
    {
      issue: { file: 'a.csv', expected: 'UTF-8 text', received: 'byte 0x96' },
      text: 'a.csv: expected UTF-8 text, received byte 0x96',
    },
  ])('$text', ({ issue, text }) => expect(formatIssue(issue)).toBe(text));
});

describe('showValue', () => {
  it('quotes, escapes a byte-order mark, and shortens long values', () => {
    expect(showValue('\uFEFFforce')).toBe('"\\uFEFFforce"');
    expect(showValue('x'.repeat(100))).toBe(`"${'x'.repeat(57)}..."`);
  });
});

describe('captureImport', () => {
  it('turns an ImportError into a failed result and rethrows anything else', async () => {
    const issue = { file: 'a.csv', row: 2, expected: 'x' };
    expect(
      await captureImport(async () => {
        throw new ImportError(issue);
      }),
    ).toEqual({ ok: false, error: issue, message: 'a.csv: row 2: expected x' });
    await expect(
      captureImport(async () => {
        throw new TypeError('bug');
      }),
    ).rejects.toThrow('bug');
  });
});
