import fc from 'fast-check';
import { missing } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

const columns = [
  { key: 'force', label: 'Force' },
  { key: 'value', label: 'Value' },
];

/** A small RFC 4180 reader, to check that what toCsv writes reads back the same. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += char;
  }
  return rows;
}

describe('toCsv', () => {
  it.each([
    { name: 'a plain value', value: 'Durham', written: 'Durham' },
    { name: 'a comma', value: 'London, City of', written: '"London, City of"' },
    { name: 'a quote', value: 'the "whole experience" question', written: '"the ""whole experience"" question"' },
    { name: 'a line break', value: 'two\nlines', written: '"two\nlines"' },
  ])('quotes $name only when needed', ({ value, written }) => {
    expect(toCsv(columns, [{ force: value, value: 1 }]).split('\r\n')[1]).toBe(`${written},1,`);
  });

  it('writes a missing value as its marker and its reason in notes, never 0 or blank', () => {
    const csv = toCsv(columns, [
      { force: 'Durham', value: missing('x', 'could not supply data on domestic abuse arrests') },
    ]);
    expect(parseCsv(csv)[1]).toEqual(['Durham', '[x]', 'Value: [x] could not supply data on domestic abuse arrests']);
  });

  it('refuses NaN, naming the row and column', () => {
    expect(() =>
      toCsv(columns, [
        { force: 'A', value: 1 },
        { force: 'B', value: Number.NaN },
      ]),
    ).toThrow(/row 2, column "Value"/);
  });

  it('reads back exactly what it wrote (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.integer()), { maxLength: 20 }), (pairs) => {
        const rows = pairs.map(([force, value]) => ({ force, value }));
        const parsed = parseCsv(toCsv(columns, rows));
        expect(parsed[0]).toEqual(['Force', 'Value', 'notes']);
        expect(parsed.slice(1)).toEqual(rows.map((row) => [row.force, String(row.value), '']));
      }),
    );
  });
});
