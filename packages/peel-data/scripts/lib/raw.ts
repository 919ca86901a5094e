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
 * The distinct values of one column of a raw CSV file (faster than readRawCsv for large files).
 * @example distinctRawColumn('ons-rec-crime-pfa', 'rec-crime-pfa.csv', 'PFA').has('Durham') // true
 */
export function distinctRawColumn(folder: string, file: string, column: string): Set<string> {
  const where = `data/raw/${folder}/${file}`;
  const [header, ...records] = parseCsvRecords(readRawText(folder, file), where);
  const index = header?.fields.indexOf(column) ?? -1;
  if (index < 0) throw new CsvFormatError(where, 1, `missing column ${JSON.stringify(column)}`);
  const values = new Set<string>();
  for (const record of records) {
    if (record.fields.length === 1 && record.fields[0] === '') continue;
    if (record.fields.length !== header!.fields.length) {
      throw new CsvFormatError(where, record.line, `expected ${header!.fields.length} fields as in the header, found ${record.fields.length}`);
    }
    values.add(record.fields[index]!);
  }
  return values;
}
