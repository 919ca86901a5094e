/** Reading the raw source files under data/raw (Node only: used by the generators and tests, never by src). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { CsvFormatError, parseCsv, parseCsvRecords, type CsvRow } from './csv.ts';

/** Absolute path of packages/peel-data. */
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

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
 * Rows of a raw CSV file keyed by header; errors name `folder/file` and the line.
 * @example readRawCsv('datahub-crime-uk-forces', 'forces.csv', ['id', 'Label'])[0]?.values.id // 'avon-and-somerset'
 */
export function readRawCsv(folder: string, file: string, requiredColumns: readonly string[] = []): CsvRow[] {
  return parseCsv(readRawText(folder, file), `data/raw/${folder}/${file}`, requiredColumns);
}

/**
 * The distinct values of one column of a raw CSV file. Faster than readRawCsv for large files: a line
 * with no quote up to the column is scanned for the column's commas without splitting it; other lines
 * are parsed as one record (a quoted field spanning lines fails loudly as "never closed").
 * @example distinctRawColumn('ons-rec-crime-pfa', 'rec-crime-pfa.csv', 'PFA').has('Durham') // true
 */
export function distinctRawColumn(folder: string, file: string, column: string): Set<string> {
  const where = `data/raw/${folder}/${file}`;
  const text = readRawText(folder, file);
  const headerEnd = text.search(/\r\n|\n|\r/);
  const [header] = parseCsvRecords(headerEnd < 0 ? text : text.slice(0, headerEnd), where);
  const index = header?.fields.indexOf(column) ?? -1;
  if (index < 0) throw new CsvFormatError(where, 1, `missing column ${JSON.stringify(column)}`);
  const values = new Set<string>();
  const lines = text.slice(headerEnd + 1).split(/\r\n|\n|\r/);
  for (let line = 0; line < lines.length; line++) {
    const record = lines[line]!;
    if (record === '') continue;
    let start = 0;
    for (let comma = 0; comma < index; comma++) {
      const found = record.indexOf(',', start);
      if (found < 0) {
        start = -1;
        break;
      }
      start = found + 1;
    }
    const end = start < 0 ? -1 : record.indexOf(',', start);
    if (start < 0 || record.slice(0, end < 0 ? undefined : end).includes('"')) {
      // quoted fields (or too few fields): parse this record properly
      const [parsed] = parseCsvRecords(record, where);
      const value = parsed?.fields[index];
      if (value === undefined) throw new CsvFormatError(where, line + 2, `expected at least ${index + 1} fields, found ${parsed?.fields.length ?? 0}`);
      values.add(value);
      continue;
    }
    values.add(record.slice(start, end < 0 ? undefined : end));
  }
  return values;
}
