/**
 * Importer for the BBC Shared Data Unit's aggregate of data.police.uk (`Year, f0_, crime_type, reported_by,
 * last_outcome_category`: one row per year × crime type × force × last outcome with a count). The BBC file
 * uses CR-only line endings; the CSV reader accepts them. Checks: header, row width, year (4 digits), count
 * (whole number), force name (police.uk "Reported by" spelling), no repeated key. Northern Ireland rows are
 * skipped and reported. Output: {@link PoliceUkAggregatesDataset}.
 */
import { ASB_CRIME_TYPE, type PoliceUkAggregatesDataset, type PoliceUkImportReport } from '../datasets/police-uk.ts';
import { PoliceUkAggregatesDatasetSchema } from '../schema/police-uk.ts';
import { type NumberOrMissing, missing } from '../types/missing.ts';
import type { SourceId } from '../types/provenance.ts';
import { ImportError, showValue } from './errors.ts';
import { readCount, readTableRows } from './table.ts';
import { IMPORT_LIMITS, admit, baseName, checkLabel, compareOutcomes, policeUkRows, validated } from './shared.ts';

const COLUMNS = [
  { key: 'year', header: 'Year', meaning: 'the calendar year, e.g. 2015' },
  { key: 'count', header: 'f0_', aliases: ['count'], meaning: 'the number of records (BigQuery names it f0_)' },
  { key: 'crimeType', header: 'crime_type', meaning: 'the police.uk crime type, e.g. "Burglary"' },
  { key: 'force', header: 'reported_by', meaning: 'the force as police.uk names it, e.g. "Durham Constabulary"' },
  { key: 'outcome', header: 'last_outcome_category', meaning: 'the police.uk last outcome category (blank for ASB)' },
] as const;

/** Options for {@link importPoliceUkAggregates}. */
export interface PoliceUkAggregatesImportOptions {
  /** The chunks are UTF-8 bytes, one character per byte, as `readUtf8ByteChunks` yields (faster); default false. */
  utf8Bytes?: boolean;
  file: string;
  /** Default `policeuk-aggregates-2012-2016` (police.uk "Reported by" spellings). */
  source?: SourceId;
  notes?: readonly string[];
}

/**
 * Streams the BBC police.uk aggregate CSV into a validated dataset; throws {@link ImportError} on bad input.
 * @example
 * const { dataset } = await importPoliceUkAggregates(chunks, { file: 'bbc.csv' }); dataset.years
 * // [2012, …, 2016]
 */
export async function importPoliceUkAggregates(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: PoliceUkAggregatesImportOptions,
): Promise<{ dataset: PoliceUkAggregatesDataset; report: PoliceUkImportReport }> {
  const { file } = options;
  const source = options.source ?? 'policeuk-aggregates-2012-2016';
  const report: PoliceUkImportReport = { file, rowsRead: 0, rowsUsed: 0, skipped: [], blankLines: 0 };
  const policeUk = policeUkRows(source, file, 'reported_by', report);

  const seen = new Map<string, number>(); // key -> row
  const asb = new Map<string, number>(); // `${slug}|${year}`
  const byType = new Map<string, number>(); // `${slug}|${type}|${year}`
  const byOutcome = new Map<string, number>(); // `${slug}|${outcome}|${year}`
  const forceYears = new Set<string>();
  const typeYears = new Set<string>();
  const crimeTypes = new Set<string>();
  const outcomes = new Set<string>();
  const years = new Set<number>();

  const table = readTableRows(COLUMNS, file, report, (record, { index, names }) => {
    const year = record.wholeNumber(index.year);
    if (year < 1000 || year > 9999) {
      throw new ImportError({
        file,
        row: record.row,
        column: names[index.year]!,
        expected: 'a four-digit calendar year',
        received: showValue(record.field(index.year)),
      });
    }
    const count = readCount(record, index.count, names[index.count]!, file);
    const row = policeUk.read(record, index, names);
    if (!row) return;
    const { slug, crimeType, outcome } = row;
    const at = (column: number) => ({ file, row: record.row, column: names[column]! });
    checkLabel(crimeType, at(index.crimeType));
    checkLabel(outcome, at(index.outcome));
    // Bounded memory whatever the file: the dataset is dense (forces × years × labels), so each axis is limited.
    admit(years, year, IMPORT_LIMITS.years, at(index.year), 'years');
    if (crimeType !== ASB_CRIME_TYPE) {
      admit(crimeTypes, crimeType, IMPORT_LIMITS.labels, at(index.crimeType), 'crime types');
      admit(outcomes, outcome, IMPORT_LIMITS.labels, at(index.outcome), 'last outcome categories');
    }
    const key = `${year}|${crimeType}|${slug}|${outcome}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new ImportError({
        file,
        row: record.row,
        column: names[index.outcome]!,
        expected: 'one row per year, crime type, force and last outcome',
        received:
          `a repeat of row ${earlier} (${year}, ${showValue(crimeType)}, ` +
          `${showValue(record.field(index.force))}, ${showValue(outcome)})`,
      });
    }
    seen.set(key, record.row);
    years.add(year);
    forceYears.add(`${slug}|${year}`);
    if (crimeType === ASB_CRIME_TYPE) {
      asb.set(`${slug}|${year}`, (asb.get(`${slug}|${year}`) ?? 0) + count);
    } else {
      crimeTypes.add(crimeType);
      outcomes.add(outcome);
      typeYears.add(`${crimeType}|${year}`);
      byType.set(`${slug}|${crimeType}|${year}`, (byType.get(`${slug}|${crimeType}|${year}`) ?? 0) + count);
      byOutcome.set(`${slug}|${outcome}|${year}`, (byOutcome.get(`${slug}|${outcome}|${year}`) ?? 0) + count);
    }
    report.rowsUsed += 1;
  });

  const rows = await table.read(chunks, { utf8Bytes: options.utf8Bytes });
  policeUk.finish(rows, 'at least one data row for a force in England and Wales');

  const forces = policeUk.forces();
  const yearAxis = [...years].sort((a, b) => a - b);
  const typeAxis = [...crimeTypes].sort();
  const outcomeAxis = [...outcomes].sort(compareOutcomes);
  const noRows = (slug: string, year: number) => missing('x', `The file has no rows for ${slug} in ${year}`);

  const asbCells: NumberOrMissing[] = [];
  const typeCells: NumberOrMissing[] = [];
  const outcomeCells: NumberOrMissing[] = [];
  for (const slug of forces) {
    for (const year of yearAxis)
      asbCells.push(forceYears.has(`${slug}|${year}`) ? (asb.get(`${slug}|${year}`) ?? 0) : noRows(slug, year));
    for (const type of typeAxis) {
      for (const year of yearAxis) {
        if (!forceYears.has(`${slug}|${year}`)) typeCells.push(noRows(slug, year));
        else if (!typeYears.has(`${type}|${year}`))
          typeCells.push(missing('z', `police.uk did not use the crime type "${type}" in ${year}`));
        else typeCells.push(byType.get(`${slug}|${type}|${year}`) ?? 0);
      }
    }
    for (const outcome of outcomeAxis) {
      for (const year of yearAxis)
        outcomeCells.push(
          forceYears.has(`${slug}|${year}`) ? (byOutcome.get(`${slug}|${outcome}|${year}`) ?? 0) : noRows(slug, year),
        );
    }
  }

  const dataset = validated(
    PoliceUkAggregatesDatasetSchema,
    {
      kind: 'policeuk-aggregates',
      source,
      file: baseName(file),
      years: yearAxis,
      forces,
      crimeTypes: typeAxis,
      outcomeCategories: outcomeAxis,
      asbIncidents: asbCells,
      crimesByType: typeCells,
      crimesByLastOutcome: outcomeCells,
      notes: [...(options.notes ?? [])],
    },
    file,
  );
  return { dataset, report };
}
