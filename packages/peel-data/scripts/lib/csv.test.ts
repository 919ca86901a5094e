import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvFormatError, parseCsv, parseCsvRecords } from './csv.ts';

describe('parseCsvRecords', () => {
  it.each([
    { name: 'LF', text: 'a,b\n1,2\n', expected: [['a', 'b'], ['1', '2']] },
    { name: 'CRLF', text: 'a,b\r\n1,2\r\n', expected: [['a', 'b'], ['1', '2']] },
    { name: 'old-Mac CR (BBC files)', text: 'a,b\r1,2\r', expected: [['a', 'b'], ['1', '2']] },
    { name: 'BOM', text: '\uFEFFLAD17CD,x\nE1,y', expected: [['LAD17CD', 'x'], ['E1', 'y']] },
    { name: 'quoted comma', text: 'code,name\nE23000034,"London, City of"', expected: [['code', 'name'], ['E23000034', 'London, City of']] },
    { name: 'escaped quote', text: 'a\n"say ""hi"""', expected: [['a'], ['say "hi"']] },
    { name: 'empty fields', text: 'a,b,c\n,,', expected: [['a', 'b', 'c'], ['', '', '']] },
  ])('$name', ({ text, expected }) => {
    expect(parseCsvRecords(text).map((record) => record.fields)).toEqual(expected);
  });

  it('numbers records by their first line', () => {
    expect(parseCsvRecords('a\n"x\ny"\nz').map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it.each([
    { text: 'a\n"never closed', message: /x\.csv, line 2: a quoted field is never closed/ },
    { text: 'a\nb"c', message: /x\.csv, line 2: a double quote inside an unquoted field/ },
  ])('rejects $text with the file and line', ({ text, message }) => {
    expect(() => parseCsvRecords(text, 'x.csv')).toThrow(CsvFormatError);
    expect(() => parseCsvRecords(text, 'x.csv')).toThrow(message);
  });

  it('reads back any table written with RFC 4180 quoting', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', 'é') });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 })), (rows) => {
        // a lone empty field on a line is indistinguishable from a blank line; keep rows non-trivial
        fc.pre(rows.every((row) => row.length > 1 || row[0] !== ''));
        const text = rows.map((row) => row.map((value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',')).join('\n');
        expect(parseCsvRecords(text).map((record) => record.fields)).toEqual(rows);
      }),
    );
  });
});

describe('parseCsv', () => {
  it('keys rows by header and keeps line numbers', () => {
    expect(parseCsv('code,name\nE23000008,Durham\n', 'f.csv', ['code'])).toEqual([{ line: 2, values: { code: 'E23000008', name: 'Durham' } }]);
  });

  it('names the missing column and the header it found', () => {
    expect(() => parseCsv('code,name\n1,2', 'f.csv', ['PFA'])).toThrow(/f\.csv, line 1: missing column "PFA"; the header has \["code","name"\]/);
  });

  it('names the line of a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2\n3', 'f.csv')).toThrow(/f\.csv, line 3: expected 2 fields as in the header, found 1/);
  });

  it('rejects an empty file', () => {
    expect(() => parseCsv('', 'f.csv')).toThrow(/f\.csv, line 1: the file is empty/);
  });
});
