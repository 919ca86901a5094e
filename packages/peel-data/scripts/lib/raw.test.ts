import { describe, expect, it } from 'vitest';
import { CsvFormatError, distinctCsvColumn, distinctRawColumn, parseRawCsv, readRawCsv } from './raw.ts';

// Quoting, line endings and the byte-order mark are the reader's (src/import/csv.test.ts); these tests cover
// what raw.ts adds: rows keyed by header, required columns, widths, blank lines, and errors by file and line.
describe('parseRawCsv', () => {
  it('keys rows by header and keeps line numbers', () => {
    expect(parseRawCsv('code,name\nE23000008,Durham\n', 'f.csv', ['code'])).toEqual([
      { line: 2, values: { code: 'E23000008', name: 'Durham' } },
    ]);
  });

  it.each([
    { name: 'LF', text: 'a\n1\n2' },
    { name: 'CRLF', text: 'a\r\n1\r\n2' },
    { name: 'old-Mac CR (BBC files)', text: 'a\r1\r2' },
  ])('numbers lines the same with $name line endings', ({ text }) => {
    expect(parseRawCsv(text, 'f.csv').map((row) => row.line)).toEqual([2, 3]);
  });

  it('numbers a row by the line it starts on, after a quoted field that spans lines', () => {
    const rows = parseRawCsv('a,b\n"x\r\ny\nz",1\n2,3\n', 'f.csv');
    expect(rows).toEqual([
      { line: 2, values: { a: 'x\r\ny\nz', b: '1' } },
      { line: 5, values: { a: '2', b: '3' } },
    ]);
  });

  it('skips blank lines but still counts them', () => {
    expect(parseRawCsv('a,b\n\n1,2\n\n', 'f.csv')).toEqual([{ line: 3, values: { a: '1', b: '2' } }]);
  });

  it.each([
    {
      name: 'a missing column, with the header it found',
      text: 'code,name\n1,2',
      required: ['PFA'],
      message: 'f.csv, line 1: missing column "PFA"; the header has ["code","name"]',
    },
    {
      name: 'a row with the wrong number of fields',
      text: 'a,b\n1,2\n3',
      required: [],
      message: 'f.csv, line 3: expected 2 fields as in the header, found 1',
    },
    {
      name: 'an empty file',
      text: '',
      required: [],
      message: 'f.csv, line 1: the file is empty (expected a header row)',
    },
    {
      name: 'a quoted field never closed, at the line it starts on',
      text: 'a,b\n"x\ny",1\n2,"open',
      required: [],
      message:
        'f.csv, line 4: column "b": expected a closing quote (") for the quoted field that starts here, received the ' +
        'end of the file (the file may be truncated)',
    },
    {
      name: 'text after a closing quote',
      text: 'a,b\n1,"x"y\n',
      required: [],
      message:
        'f.csv, line 2: column "b": expected a comma or the end of the line after a closing quote, received "y\\n"',
    },
  ])('rejects $name', ({ text, required, message }) => {
    expect(() => parseRawCsv(text, 'f.csv', required)).toThrow(CsvFormatError);
    expect(() => parseRawCsv(text, 'f.csv', required)).toThrow(message);
  });
});

describe('distinctCsvColumn', () => {
  it('collects each value once, allowing longer rows and skipping blank lines', () => {
    expect(distinctCsvColumn('force,n\nDurham,1\n\nKent,2,extra\nDurham,3\n', 'f.csv', 'force')).toEqual(
      new Set(['Durham', 'Kent']),
    );
  });

  it.each([
    {
      name: 'a missing column',
      text: 'a,b\n1,2',
      message: 'f.csv, line 1: missing column "force"; the header has ["a","b"]',
    },
    {
      name: 'a row too short to have the column',
      text: 'n,force\n1,Kent\n2',
      message: 'f.csv, line 3: expected at least 2 fields, found 1',
    },
    { name: 'an empty file', text: '', message: 'f.csv, line 1: the file is empty (expected a header row)' },
  ])('rejects $name', ({ text, message }) => {
    expect(() => distinctCsvColumn(text, 'f.csv', 'force')).toThrow(message);
  });
});

describe('reading data/raw', () => {
  it('names the raw file in errors', () => {
    expect(() => readRawCsv('datahub-crime-uk-forces', 'forces.csv', ['PFA'])).toThrow(
      /^data\/raw\/datahub-crime-uk-forces\/forces\.csv, line 1: missing column "PFA"/,
    );
  });

  it('reads a column of the CR-only BBC file the same way as whole rows', () => {
    const folder = 'bbc-unsolved-crime-policeuk';
    const file = 'outcomes_by_force.csv';
    const rows = readRawCsv(folder, file, ['Force']);
    expect(rows.length).toBeGreaterThan(40);
    expect(distinctRawColumn(folder, file, 'Force')).toEqual(new Set(rows.map((row) => row.values.Force)));
  });
});
