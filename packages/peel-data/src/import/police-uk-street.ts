/**
 * Importer for data.police.uk monthly street-level CSV files (`Crime ID, Month, Reported by, Falls within,
 * Longitude, Latitude, Location, LSOA code, LSOA name, Crime type, Last outcome category, Context`), counting
 * records by force ("Reported by") × month × crime type × last outcome.
 * Checks: header (by name, any order), row width (the Location column is quoted when it has commas),
 * month `YYYY-MM`, non-empty crime type, force name, and no Crime ID twice (ASB rows have no Crime ID and
 * may repeat exactly: they are separate incidents). Northern Ireland rows are skipped and reported.
 */
import { type PoliceUkImportReport, type PoliceUkStreetCountsDataset } from '../datasets/police-uk.ts';
import { PoliceUkStreetCountsDatasetSchema } from '../schema/police-uk.ts';
import type { SourceId } from '../types/provenance.ts';
import { ImportError, showValue } from './errors.ts';
import {
  IMPORT_LIMITS,
  admit,
  baseName,
  checkLabel,
  compareOutcomes,
  detach,
  policeUkRows,
  validated,
} from './shared.ts';
import { readTableRows } from './table.ts';

const COLUMNS = [
  { key: 'crimeId', header: 'Crime ID', meaning: 'the police.uk crime id (blank for anti-social behaviour)' },
  { key: 'month', header: 'Month', meaning: 'the month, e.g. "2016-06"' },
  { key: 'force', header: 'Reported by', meaning: 'the force that reported the record, e.g. "Durham Constabulary"' },
  { key: 'crimeType', header: 'Crime type', meaning: 'the police.uk crime type, e.g. "Anti-social behaviour"' },
  {
    key: 'outcome',
    header: 'Last outcome category',
    meaning: 'the police.uk last outcome (blank for anti-social behaviour)',
  },
] as const;

/** Options for {@link importPoliceUkStreet}. */
export interface PoliceUkStreetImportOptions {
  /** The chunks are UTF-8 bytes, one character per byte, as `readUtf8ByteChunks` yields (faster); default false. */
  utf8Bytes?: boolean;
  file: string;
  /**
   * Whose force spellings to accept and the dataset's source id. Default `policeuk-aggregates-2012-2016` (police.uk
   * "Reported by" names).
   */
  source?: SourceId;
}

/**
 * Streams one street-level CSV into counts; throws {@link ImportError} on bad input.
 * @example
 * const { dataset } = await importPoliceUkStreet(chunks, { file: '2016-06-durham-street.csv' }); dataset.coverage
 * // [{ force: 'durham', month: '2016-06' }]
 */
export async function importPoliceUkStreet(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: PoliceUkStreetImportOptions,
): Promise<{ dataset: PoliceUkStreetCountsDataset; report: PoliceUkImportReport }> {
  const { file } = options;
  const source = options.source ?? 'policeuk-aggregates-2012-2016';
  const report: PoliceUkImportReport = { file, rowsRead: 0, rowsUsed: 0, skipped: [], blankLines: 0 };
  const policeUk = policeUkRows(source, file, 'Reported by', report);
  const crimeIds = new Map<string, number>();
  const counts = new Map<string, number>(); // `${slug}\t${month}\t${type}\t${outcome}`
  const months = new Set<string>();
  const crimeTypes = new Set<string>();
  const outcomes = new Set<string>();

  const table = readTableRows(COLUMNS, file, report, (record, { index, names }) => {
    const at = (column: number) => ({ file, row: record.row, column: names[column]! });
    const month = record.field(index.month);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new ImportError({
        file,
        row: record.row,
        column: names[index.month]!,
        expected: 'a month written YYYY-MM, e.g. "2016-06"',
        received: showValue(month),
      });
    }
    const row = policeUk.read(record, index, names);
    if (!row) return;
    const { slug, crimeType, outcome } = row;
    const crimeId = record.field(index.crimeId);
    if (crimeId !== '') {
      const earlier = crimeIds.get(crimeId);
      if (earlier !== undefined) {
        throw new ImportError({
          file,
          row: record.row,
          column: names[index.crimeId]!,
          expected: 'each Crime ID once',
          received: `${showValue(crimeId)}, already in row ${earlier}`,
        });
      }
      admit(crimeIds, crimeId, IMPORT_LIMITS.keys, at(index.crimeId), 'Crime IDs');
      crimeIds.set(detach(crimeId), record.row);
    }
    checkLabel(crimeType, at(index.crimeType));
    checkLabel(outcome, at(index.outcome));
    // Bounded memory whatever the file: each kind of value may only grow so far.
    admit(months, month, IMPORT_LIMITS.months, at(index.month), 'months');
    admit(crimeTypes, crimeType, IMPORT_LIMITS.labels, at(index.crimeType), 'crime types');
    admit(outcomes, outcome, IMPORT_LIMITS.labels, at(index.outcome), 'last outcome categories');
    months.add(month);
    crimeTypes.add(crimeType);
    outcomes.add(outcome);
    const key = `${slug}\t${month}\t${crimeType}\t${outcome}`;
    admit(counts, key, IMPORT_LIMITS.keys, at(index.crimeType), 'force × month × crime type × outcome cells');
    counts.set(key, (counts.get(key) ?? 0) + 1);
    report.rowsUsed += 1;
  });

  const rows = await table.read(chunks, { utf8Bytes: options.utf8Bytes, moreColumns: true });
  policeUk.finish(rows, 'at least one record of a force in England and Wales');

  const entries = [...counts].map(([key, count]) => {
    const [force, month, crimeType, outcome] = key.split('\t') as [string, string, string, string];
    return { force, month, crimeType, outcome, count };
  });
  const dataset = validated(
    PoliceUkStreetCountsDatasetSchema,
    streetDataset(source, [baseName(file)], entries, policeUk.compareForces),
    file,
  );
  return { dataset, report };
}

/** One non-zero count in long form (what a street dataset is built from, and what merging works on). */
export interface StreetEntry {
  force: string;
  month: string;
  crimeType: string;
  outcome: string;
  count: number;
}

/**
 * Builds the columnar street dataset from long-form counts (coverage = every force × month present).
 * @example
 * streetDataset('policeuk-aggregates-2012-2016', ['a.csv'],
 *   [{ force: 'durham', month: '2016-06', crimeType: 'Burglary', outcome: 'Under investigation', count: 2 }],
 *   () => 0).cells
 * // [[0, 0, 0, 0, 2]]
 */
export function streetDataset(
  source: SourceId,
  files: string[],
  entries: readonly StreetEntry[],
  compareForces: (a: string, b: string) => number,
  extraCoverage: readonly { force: string; month: string }[] = [],
): PoliceUkStreetCountsDataset {
  const forces = [...new Set(entries.map((entry) => entry.force))].sort(compareForces);
  const months = [...new Set(entries.map((entry) => entry.month))].sort();
  const crimeTypes = [...new Set(entries.map((entry) => entry.crimeType))].sort();
  const outcomes = [...new Set(entries.map((entry) => entry.outcome))].sort(compareOutcomes);
  const coverageKeys = new Set([...entries, ...extraCoverage].map((entry) => `${entry.force}|${entry.month}`));
  const coverage = [...coverageKeys].sort().map((key) => {
    const [force, month] = key.split('|') as [string, string];
    return { force, month };
  });
  const cells = entries
    .map((entry): [number, number, number, number, number] => [
      forces.indexOf(entry.force),
      months.indexOf(entry.month),
      crimeTypes.indexOf(entry.crimeType),
      outcomes.indexOf(entry.outcome),
      entry.count,
    ])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  return {
    kind: 'policeuk-street-counts',
    source,
    files,
    coverage,
    forces,
    months,
    crimeTypes,
    outcomeCategories: outcomes,
    cells,
  };
}

/**
 * Adds a newly imported street dataset to an existing one: force × month pairs in the new one replace the
 * same pairs in the old one, everything else is kept ("nothing already stored is lost").
 * @example mergeStreetCounts(previous, next).coverage // previous coverage ∪ next coverage
 */
export function mergeStreetCounts(
  previous: PoliceUkStreetCountsDataset,
  next: PoliceUkStreetCountsDataset,
  compareForces: (a: string, b: string) => number,
): PoliceUkStreetCountsDataset {
  const replaced = new Set(next.coverage.map((entry) => `${entry.force}|${entry.month}`));
  const longForm = (dataset: PoliceUkStreetCountsDataset): StreetEntry[] =>
    dataset.cells.map(([f, m, t, o, count]) => ({
      force: dataset.forces[f]!,
      month: dataset.months[m]!,
      crimeType: dataset.crimeTypes[t]!,
      outcome: dataset.outcomeCategories[o]!,
      count,
    }));
  const kept = longForm(previous).filter((entry) => !replaced.has(`${entry.force}|${entry.month}`));
  const keptCoverage = previous.coverage.filter((entry) => !replaced.has(`${entry.force}|${entry.month}`));
  const files = [...previous.files.filter((name) => !next.files.includes(name)), ...next.files];
  return streetDataset(next.source, files, [...kept, ...longForm(next)], compareForces, [
    ...keptCoverage,
    ...next.coverage,
  ]);
}
