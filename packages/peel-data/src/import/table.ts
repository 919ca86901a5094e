/**
 * Header and row-shape checks shared by every importer: find each expected column by name (whatever its
 * position), reject a missing, renamed or repeated column, and reject rows that are cut short or too long.
 */
import { type CsvRecord, readCsv } from './csv.ts';
import { ImportError, showValue } from './errors.ts';

/** One column an importer reads. */
export interface ColumnSpec<Key extends string = string> {
  key: Key;
  /** The header as the format documents it. */
  header: string;
  /**
   * Other spellings accepted for the same column (e.g. a publisher's rename); compared after {@link normaliseHeader}.
   */
  aliases?: readonly string[];
  /** What the column holds, for the error when it is missing, e.g. `the police force name, e.g. "Durham"`. */
  meaning: string;
  /** When true a file without the column is accepted and its index is -1. */
  optional?: boolean;
}

/**
 * Header comparison key: case, spacing and punctuation are ignored, so `Force Name`, `force_name` and
 * `FORCE-NAME` are the same column (publishers and tools such as janitor::clean_names change them).
 * @example normaliseHeader(' Force Name ') // 'force_name'
 */
export function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Position of each column in the file, plus the header as written (for messages). */
export interface BoundHeader<Key extends string> {
  index: Record<Key, number>;
  names: string[];
}

/**
 * Finds each expected column in a header record. Extra columns are allowed (files grow); a missing or
 * renamed column, or one that appears twice, is an error naming the column and listing what the header has.
 * @example
 * // inside a CsvReader callback, for the header record `Force Name,count`:
 * bindHeader(record, [{ key: 'force', header: 'force_name', meaning: 'the force' }], 'x.csv').index // { force: 0 }
 */
export function bindHeader<Key extends string>(
  record: CsvRecord,
  columns: readonly ColumnSpec<Key>[],
  file: string,
): BoundHeader<Key> {
  const names = record.fields();
  if (names.length === 1 && names[0] === '') {
    throw new ImportError({
      file,
      row: 1,
      expected: `a header row naming the columns (${columns.map((c) => c.header).join(', ')})`,
      received: 'a blank first line',
    });
  }
  const positions = new Map<string, number>();
  names.forEach((name, position) => {
    const key = normaliseHeader(name);
    const earlier = positions.get(key);
    if (earlier !== undefined) {
      throw new ImportError({
        file,
        row: 1,
        column: name,
        expected: 'each column name once',
        received: `the same column as column ${earlier + 1} (${showValue(names[earlier]!)})`,
      });
    }
    positions.set(key, position);
  });
  const index = {} as Record<Key, number>;
  for (const column of columns) {
    const accepted = [column.header, ...(column.aliases ?? [])].map(normaliseHeader);
    const found = accepted.map((key) => positions.get(key)).find((position) => position !== undefined);
    if (found === undefined && column.optional) {
      index[column.key] = -1;
      continue;
    }
    if (found === undefined) {
      const known = new Set(columns.flatMap((c) => [c.header, ...(c.aliases ?? [])].map(normaliseHeader)));
      const unexpected = names.filter((name) => !known.has(normaliseHeader(name)));
      throw new ImportError({
        file,
        row: 1,
        column: column.header,
        expected: `a column named ${showValue(column.header)} (${column.meaning})`,
        received:
          'no such column' +
          (unexpected.length ? `; columns not recognised: ${unexpected.map(showValue).join(', ')} (renamed?)` : ''),
      });
    }
    index[column.key] = found;
  }
  return { index, names };
}

/**
 * True for an empty line (one empty field), which importers skip and count.
 * @example
 * // inside a CsvReader callback, for an empty line between rows:
 * isBlankRecord(record) // true
 */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.length === 1 && record.fieldEquals(0, '');
}

/**
 * Rejects a row with fewer or more fields than the header. A short row is how a truncated file shows
 * (the last row cut off mid-way), so the message says which column is the first one missing.
 * @example
 * checkRowWidth(record, header.names, 'x.csv')
 * // throws on a short row: 'x.csv: row 9, column "count": expected 5 fields…'
 */
export function checkRowWidth(record: CsvRecord, names: readonly string[], file: string): void {
  if (record.length === names.length) return;
  if (record.length < names.length) {
    throw new ImportError({
      file,
      row: record.row,
      column: names[record.length]!,
      expected: `${names.length} fields, one per header column`,
      received:
        `${record.length} field${record.length === 1 ? '' : 's'}: the row stops before this column (is the ` +
        `file truncated?)`,
    });
  }
  throw new ImportError({
    file,
    row: record.row,
    column: `field ${names.length + 1}`,
    expected: `${names.length} fields, one per header column`,
    received: `${record.length} fields (an unquoted comma inside a value?)`,
  });
}

/**
 * Reads a count: digits only (no sign, decimals, spaces or thousands separators), so nothing is guessed.
 * @example readCount(record, 4, 'count', 'x.csv') // 120 for the field "120"; throws for "12a"
 */
export function readCount(record: CsvRecord, index: number, column: string, file: string): number {
  const value = record.wholeNumber(index);
  if (value >= 0) return value;
  throw new ImportError({
    file,
    row: record.row,
    column,
    expected: 'a count written as a whole number of 0 or more (digits only)',
    received: showValue(record.field(index)),
  });
}

/**
 * The record handler the table importers share: binds the header on row 1, counts and skips blank lines,
 * checks each data row's width, then hands the row and its bound header to `onRow`. `header()` is
 * undefined until a header row was read (an empty file).
 * @example
 * const table = readTableRows(COLUMNS, 'x.csv', report, (record, { index }) => use(record.field(index.year)));
 * await table.read(chunks) // the number of CSV rows; throws on an empty file
 */
export function readTableRows<Key extends string>(
  columns: readonly ColumnSpec<Key>[],
  file: string,
  report: { rowsRead: number; blankLines: number },
  onRow: (record: CsvRecord, header: BoundHeader<Key>) => void,
): TableRows<Key> {
  let header: BoundHeader<Key> | undefined;
  const onRecord = (record: CsvRecord): void => {
    if (record.row === 1) {
      header = bindHeader(record, columns, file);
      return;
    }
    if (isBlankRecord(record)) {
      report.blankLines += 1;
      return;
    }
    report.rowsRead += 1;
    checkRowWidth(record, header!.names, file);
    onRow(record, header!);
  };
  const read: TableRows<Key>['read'] = async (chunks, options = {}) => {
    const rows = await readCsv(chunks, file, onRecord, { utf8Bytes: options.utf8Bytes ?? false });
    if (rows === 0 || !header)
      throw new ImportError({
        file,
        row: 1,
        expected:
          `a header row (${columns.map((c) => c.header).join(', ')}${options.moreColumns ? ', …' : ''}) ` +
          'and data rows',
        received: 'an empty file',
      });
    return rows;
  };
  return { onRecord, header: () => header, read };
}

/** What {@link readTableRows} returns. */
export interface TableRows<Key extends string> {
  /** The CSV record handler. */
  onRecord: (record: CsvRecord) => void;
  /** The bound header, undefined until a header row was read. */
  header: () => BoundHeader<Key> | undefined;
  /**
   * Reads the whole file through `onRecord` and refuses an empty one (no header row), naming the columns; resolves
   * to the number of CSV rows, header included. `moreColumns`: the file has columns the importer does not read.
   */
  read: (
    chunks: AsyncIterable<string> | Iterable<string>,
    options?: { utf8Bytes?: boolean | undefined; moreColumns?: boolean },
  ) => Promise<number>;
}
