import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, parseCsv } from './csv.ts';
import { ImportError } from './errors.ts';

const raw = (path: string) => fileURLToPath(new URL(`../../data/raw/${path}`, import.meta.url));

describe('parseCsv', () => {
  it.each([
    {
      name: 'LF line endings',
      text: 'a,b\n1,2\n',
      expected: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      name: 'CRLF line endings',
      text: 'a,b\r\n1,2\r\n',
      expected: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      name: 'CR-only line endings (old Mac, as the BBC files)',
      text: 'a,b\r1,2\r',
      expected: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      name: 'mixed line endings',
      text: 'a,b\r1,2\n3,4\r\n',
      expected: [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ],
    },
    {
      name: 'no final line break',
      text: 'a,b\n1,2',
      expected: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      name: 'a leading byte-order mark is removed',
      text: '\uFEFFa,b\n1,2\n',
      expected: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      name: 'quoted comma',
      text: 'a,b\n"x, y",2\n',
      expected: [
        ['a', 'b'],
        ['x, y', '2'],
      ],
    },
    { name: 'escaped quote', text: 'a\n"say ""hi"""\n', expected: [['a'], ['say "hi"']] },
    {
      name: 'line break inside quotes',
      text: 'a,b\n"one\r\ntwo",3\n',
      expected: [
        ['a', 'b'],
        ['one\r\ntwo', '3'],
      ],
    },
    {
      name: 'empty quoted field at end',
      text: 'a,b\n1,""\n',
      expected: [
        ['a', 'b'],
        ['1', ''],
      ],
    },
    {
      name: 'quote inside an unquoted field is literal',
      text: 'a,b\n5" screen,2\n',
      expected: [
        ['a', 'b'],
        ['5" screen', '2'],
      ],
    },
    {
      name: 'trailing comma is an empty last field',
      text: 'a,b\n"1",\n',
      expected: [
        ['a', 'b'],
        ['1', ''],
      ],
    },
    { name: 'blank line is a record with one empty field', text: 'a\n\nb\n', expected: [['a'], [''], ['b']] },
  ])('$name', ({ text, expected }) => {
    expect(parseCsv(text, 't.csv')).toEqual(expected);
  });

  it('reports an unterminated quote with the row and the column name', () => {
    expect(() => parseCsv('id,name\n1,ok\n2,"cut sho', 'cut.csv')).toThrowError(
      'cut.csv: row 3, column "name": expected a closing quote (") for the quoted field that starts here, received ' +
        'the end of the file (the file may be truncated)',
    );
  });

  it('reports text after a closing quote', () => {
    const error = captureError(() => parseCsv('id,name\n1,"a"b\n', 'q.csv'));
    expect(error.issue).toMatchObject({ file: 'q.csv', row: 2, column: 'name' });
  });

  it('parses the CR-only BBC police.uk aggregate file: 47,577 records + header, 5 fields each', () => {
    const text = readFileSync(
      raw('bbc-unsolved-crime-policeuk/crime outcomes by category force year 2012-16.csv'),
      'utf8',
    );
    expect(text.includes('\n')).toBe(false);
    const rows = parseCsv(text, 'bbc.csv');
    expect(rows).toHaveLength(47_578);
    expect(rows.every((fields) => fields.length === 5)).toBe(true);
  });

  it('parses the police.uk street sample, whose Location field is quoted where it has commas', () => {
    const rows = parseCsv(
      readFileSync(raw('policeuk-street-sample/2016-06-durham-street.first20rows.csv'), 'utf8'),
      'street.csv',
    );
    expect(rows).toHaveLength(21);
    expect(rows.every((fields) => fields.length === 12)).toBe(true);
  });
});

describe('CsvReader chunking', () => {
  // Arbitrary tables of awkward cells, written with arbitrary line endings and split into arbitrary chunks,
  // must read back exactly: chunk boundaries (inside quotes, between \r and \n) never change the result.
  const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é'), maxLength: 6 });
  const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 });
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

  it('round-trips quoted tables across any chunking and line ending', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, eol, cuts) => {
          const text = rows.map((fields) => fields.map(quote).join(',')).join(eol) + eol;
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          const read: string[][] = [];
          const reader = new CsvReader('p.csv', (record) => read.push(record.fields()));
          let last = 0;
          for (const point of [...points, text.length]) {
            reader.push(text.slice(last, point));
            last = point;
          }
          reader.end();
          expect(read).toEqual(rows);
        },
      ),
    );
  });
});

describe('CsvReader on UTF-8 bytes (utf8Bytes: one character per byte, as Node latin1 gives)', () => {
  const toBytes = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));
  const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '–', 'é', '€', '𝔸'), maxLength: 5 });
  const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 });
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

  it('hands out the same text as the ordinary reader, for any table and chunking', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const bytes = toBytes(`${rows.map((fields) => fields.map(quote).join(',')).join('\r\n')}\r\n`);
        const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const read: string[][] = [];
        const reader = new CsvReader('b.csv', (record) => read.push(record.fields()), { utf8Bytes: true });
        let last = 0;
        for (const point of [...points, bytes.length]) {
          reader.push(bytes.slice(last, point));
          last = point;
        }
        reader.end();
        expect(read).toEqual(rows);
      }),
    );
  });

  it('strips a byte-order mark that arrives split across chunks', () => {
    const rows: string[][] = [];
    const reader = new CsvReader('b.csv', (record) => rows.push(record.fields()), { utf8Bytes: true });
    for (const chunk of ['\u00ef', '\u00bb', '\u00bfa,b\n1,2\n']) reader.push(chunk);
    reader.end();
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('compares fields with ordinary strings, non-ASCII included, and strips a byte-order mark', () => {
    const seen: boolean[] = [];
    const reader = new CsvReader(
      'b.csv',
      (record) => {
        if (record.row === 2)
          seen.push(
            record.fieldEquals(0, 'Caution – adults'),
            record.fieldEquals(1, 'x'),
            record.fieldEquals(0, 'Caution - adults'),
          );
      },
      { utf8Bytes: true },
    );
    reader.push(toBytes('\uFEFFname,other\nCaution – adults,x\n'));
    reader.end();
    expect(seen).toEqual([true, true, false]);
  });
});

function captureError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}
