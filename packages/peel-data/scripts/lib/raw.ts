/**
 * Reading the raw source files under data/raw (Node only: used by the generators and tests, never by src).
 * CSV text goes through the same reader the importers use (src/import/csv.ts), so there is one CSV parser:
 * the one users get with `peel-data import`. This file only adds what generators want on top: rows keyed by
 * header, required columns, blank lines skipped, and errors naming `data/raw/<folder>/<file>`, the line and
 * the column.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { CsvReader } from '../../src/import/csv.ts';
import { ImportError } from '../../src/import/errors.ts';

/** Absolute path of packages/peel-data. */
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** One parsed row: values by header name, plus the 1-based line of the file the row starts on (for error messages). */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/** Thrown when a raw file cannot be read as the CSV its PROVENANCE describes. */
export class CsvFormatError extends Error {
  constructor(file: string, line: number, detail: string) {
    super(`${file}, line ${line}: ${detail}`);
    this.name = 'CsvFormatError';
  }
}

/**
 * Absolute path of a raw file.
 * @example rawPath('ons-rec-crime-pfa', 'rec-crime-pfa.csv')
 */
export function rawPath(folder: string, file: string): string {
  return join(PACKAGE_DIR, 'data', 'raw', folder, file);
}

/**
 * The text of a raw file, gunzipped when its name ends in .gz.
 * @example readRawText('datahub-crime-uk-forces', 'forces.csv').startsWith('id,Label')
 */
export function readRawText(folder: string, file: string): string {
  const bytes = readFileSync(rawPath(folder, file));
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/**
 * Rows of a raw CSV file keyed by header; errors name `data/raw/folder/file`, the line and the column.
 * @example readRawCsv('datahub-crime-uk-forces', 'forces.csv', ['id', 'Label'])[0]?.values.id // 'avon-and-somerset'
 */
export function readRawCsv(folder: string, file: string, requiredColumns: readonly string[] = []): CsvRow[] {
  return parseRawCsv(readRawText(folder, file), `data/raw/${folder}/${file}`, requiredColumns);
}

/**
 * The distinct values of one column of a raw CSV file (rows may be longer than the column's position,
 * never shorter).
 * @example distinctRawColumn('ons-rec-crime-pfa', 'rec-crime-pfa.csv', 'PFA').has('Durham') // true
 */
export function distinctRawColumn(folder: string, file: string, column: string): Set<string> {
  return distinctCsvColumn(readRawText(folder, file), `data/raw/${folder}/${file}`, column);
}

/**
 * Parses CSV text with a header row into rows keyed by header, checking that the required columns exist
 * and that every row has the header's width. Blank lines are skipped.
 * @example
 * parseRawCsv('code,name\nE23000008,Durham', 'x.csv', ['code'])
 * // [{ line: 2, values: { code: 'E23000008', name: 'Durham' } }]
 */
export function parseRawCsv(text: string, file: string, requiredColumns: readonly string[] = []): CsvRow[] {
  const rows: CsvRow[] = [];
  let header: string[] | undefined;
  eachCsvRecord(text, file, (fields, line) => {
    if (!header) {
      header = fields;
      const absent = requiredColumns.find((column) => !fields.includes(column));
      if (absent !== undefined)
        throw new CsvFormatError(
          file,
          line,
          `missing column ${JSON.stringify(absent)}; the header has ${JSON.stringify(fields)}`,
        );
      return;
    }
    if (fields.length !== header.length)
      throw new CsvFormatError(file, line, `expected ${header.length} fields as in the header, found ${fields.length}`);
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      values[name] = fields[index]!;
    });
    rows.push({ line, values });
  });
  if (!header) throw new CsvFormatError(file, 1, 'the file is empty (expected a header row)');
  return rows;
}

/**
 * The distinct values of one column of CSV text with a header row. Blank lines are skipped.
 * @example distinctCsvColumn('force,n\nDurham,1\nDurham,2\nKent,3', 'x.csv', 'force') // Set { 'Durham', 'Kent' }
 */
export function distinctCsvColumn(text: string, file: string, column: string): Set<string> {
  const values = new Set<string>();
  let index = -1;
  eachCsvRecord(text, file, (fields, line) => {
    if (index < 0) {
      index = fields.indexOf(column);
      if (index < 0)
        throw new CsvFormatError(
          file,
          line,
          `missing column ${JSON.stringify(column)}; the header has ${JSON.stringify(fields)}`,
        );
      return;
    }
    const value = fields[index];
    if (value === undefined)
      throw new CsvFormatError(file, line, `expected at least ${index + 1} fields, found ${fields.length}`);
    values.add(value);
  });
  if (index < 0) throw new CsvFormatError(file, 1, 'the file is empty (expected a header row)');
  return values;
}

/**
 * Runs the importers' CsvReader over `text`, handing over each non-blank record's fields with the line it
 * starts on. The reader counts records (a quoted field holding line breaks is one record over several
 * lines), so the line is the record number plus the line breaks inside earlier fields; the reader's own
 * errors (an unclosed quote, text after a closing quote) are rethrown with that line.
 */
function eachCsvRecord(text: string, file: string, onRecord: (fields: string[], line: number) => void): void {
  let linesInsideFields = 0;
  const reader = new CsvReader(file, (record) => {
    const fields = record.fields();
    const line = record.row + linesInsideFields;
    for (const field of fields) linesInsideFields += countLineBreaks(field);
    if (fields.length === 1 && fields[0] === '') return;
    onRecord(fields, line);
  });
  try {
    reader.push(text);
    reader.end();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const { row = 1, column, expected, received } = error.issue;
    const where = column === undefined ? '' : `column ${JSON.stringify(column)}: `;
    throw new CsvFormatError(
      file,
      row + linesInsideFields,
      `${where}expected ${expected}${received === undefined ? '' : `, received ${received}`}`,
    );
  }
}

/** Line breaks (`\r\n`, `\n` or a lone `\r`) in a field value. */
function countLineBreaks(value: string): number {
  if (!value.includes('\n') && !value.includes('\r')) return 0;
  return value.match(/\r\n|\n|\r/g)?.length ?? 0;
}
