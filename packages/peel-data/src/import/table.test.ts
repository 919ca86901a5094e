import { describe, expect, it } from 'vitest';
import { CsvReader, type CsvRecord } from './csv.ts';
import { ImportError } from './errors.ts';
import { bindHeader, checkRowWidth, isBlankRecord, normaliseHeader, readCount, readTableRows } from './table.ts';

/**
 * Runs `check` on record `row` of a small CSV text inside the reader's callback, on the real (reused) record
 * object, and returns what it returns.
 */
function onRow<T>(text: string, row: number, check: (record: CsvRecord) => T): T {
  let result: { value: T } | undefined;
  const reader = new CsvReader('t.csv', (record) => {
    if (record.row === row) result = { value: check(record) };
  });
  reader.push(text);
  reader.end();
  if (!result) throw new Error(`no row ${row}`);
  return result.value;
}

const COLUMNS = [
  { key: 'force', header: 'force_name', meaning: 'the force' },
  {
    key: 'count',
    header: 'offences',
    aliases: ['force_outcomes_for_offences_recorded_in_quarter'],
    meaning: 'the count',
  },
  { key: 'note', header: 'note', meaning: 'a note', optional: true },
] as const;

function issueOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error.issue;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('normaliseHeader', () => {
  it.each([
    { name: 'Force Name', expected: 'force_name' },
    { name: ' force_name ', expected: 'force_name' },
    { name: 'FORCE-NAME', expected: 'force_name' },
    { name: '12 months ending', expected: '12_months_ending' },
    { name: 'Crime ID', expected: 'crime_id' },
  ])('$name → $expected', ({ name, expected }) => expect(normaliseHeader(name)).toBe(expected));
});

describe('bindHeader', () => {
  it('finds columns by name in any order, through aliases, and marks an absent optional column -1', () => {
    expect(
      onRow(
        'Force Outcomes For Offences Recorded In Quarter,extra,Force Name\n',
        1,
        (header) => bindHeader(header, COLUMNS, 't.csv').index,
      ),
    ).toEqual({ force: 2, count: 0, note: -1 });
  });

  it('names a missing column and lists the unrecognised ones', () => {
    expect(issueOf(() => onRow('force,offences\n', 1, (header) => bindHeader(header, COLUMNS, 't.csv')))).toEqual({
      file: 't.csv',
      row: 1,
      column: 'force_name',
      expected: 'a column named "force_name" (the force)',
      received: 'no such column; columns not recognised: "force" (renamed?)',
    });
  });

  it('rejects a column given twice', () => {
    expect(
      issueOf(() => onRow('force_name,offences,Force Name\n', 1, (header) => bindHeader(header, COLUMNS, 't.csv'))),
    ).toMatchObject({ row: 1, column: 'Force Name', expected: 'each column name once' });
  });
});

describe('row checks', () => {
  it('reports a short row at its first missing column, and a long row', () => {
    const text = 'a,b,c\n1,2\n1,2,3,4\n';
    expect(issueOf(() => onRow(text, 2, (record) => checkRowWidth(record, ['a', 'b', 'c'], 't.csv')))).toMatchObject({
      row: 2,
      column: 'c',
      received: expect.stringContaining('truncated'),
    });
    expect(issueOf(() => onRow(text, 3, (record) => checkRowWidth(record, ['a', 'b', 'c'], 't.csv')))).toMatchObject({
      row: 3,
      column: 'field 4',
    });
  });

  it('knows a blank line', () => {
    expect([onRow('a\n\nx\n', 2, isBlankRecord), onRow('a\n\nx\n', 3, isBlankRecord)]).toEqual([true, false]);
  });

  it.each([
    { value: '120', expected: 120 },
    { value: '0', expected: 0 },
  ])('reads the count $value', ({ value, expected }) => {
    expect(onRow(`n\n${value}\n`, 2, (record) => readCount(record, 0, 'n', 't.csv'))).toBe(expected);
  });

  it.each(['12a', '-3', '1,200', ' 7', '1.5', ''])('rejects the count %j, quoting it', (value) => {
    // Quoted and unquoted spellings take the two record implementations.
    for (const line of value.includes(',') ? [`"${value}",x`] : [`"${value}",x`, `${value},x`]) {
      expect(issueOf(() => onRow(`n,m\n${line}\n`, 2, (record) => readCount(record, 0, 'n', 't.csv')))).toMatchObject({
        row: 2,
        column: 'n',
        received: JSON.stringify(value),
      });
    }
  });
});

describe('readTableRows', () => {
  function read(text: string) {
    const report = { rowsRead: 0, blankLines: 0 };
    const seen: string[] = [];
    const table = readTableRows(COLUMNS, 't.csv', report, (record, { index }) =>
      seen.push(`${record.row}:${record.field(index.force)}=${record.field(index.count)}`),
    );
    const reader = new CsvReader('t.csv', table.onRecord);
    reader.push(text);
    reader.end();
    return { report, seen, header: table.header() };
  }

  it('binds the header, skips and counts blank lines, and hands each data row on with its row number', () => {
    const { report, seen, header } = read('force_name,offences\nDurham,5\n\nKent,7\n');
    expect(header?.names).toEqual(['force_name', 'offences']);
    expect(seen).toEqual(['2:Durham=5', '4:Kent=7']);
    expect(report).toEqual({ rowsRead: 2, blankLines: 1 });
  });

  it('has no header for an empty file', () => {
    expect(read('').header).toBeUndefined();
  });

  it('rejects a short row, naming its row', () => {
    const run = () => read('force_name,offences\nDurham\n');
    expect(issueOf(run)).toMatchObject({ file: 't.csv', row: 2 });
  });
});
