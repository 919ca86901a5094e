// peel-data/node: Node-only import and release functions (file system). Named re-exports and the two
// composed entry points the CLI and the API use; the parsing itself lives in src/import and is web-standard.
import { forces } from './datasets/forces.ts';
import { type ImportResult, captureImport } from './import/errors.ts';
import { readUtf8ByteChunks } from './import/file-source.ts';
import { importHoOutcomes } from './import/ho-outcomes.ts';
import { importPoliceUkAggregates } from './import/police-uk-aggregates.ts';
import { importPoliceUkStreet, mergeStreetCounts } from './import/police-uk-street.ts';
import { importRecordedCrime } from './import/recorded-crime.ts';
import { type ImportedRelease, type ImportedReleaseName, writeRelease } from './import/release.ts';
import { checkDataset } from './import/rules.ts';

export { CsvReader, DEFAULT_MAX_RECORD_LENGTH, parseCsv, readCsv } from './import/csv.ts';
export type { CsvReaderOptions, CsvRecord, CsvRecordHandler } from './import/csv.ts';
export { ImportError, captureImport, formatIssue } from './import/errors.ts';
export type { ImportIssue, ImportResult } from './import/errors.ts';
export { readTextChunks, readUtf8ByteChunks } from './import/file-source.ts';
export { importHoOutcomes } from './import/ho-outcomes.ts';
export type { HoOutcomesImport, HoOutcomesImportOptions } from './import/ho-outcomes.ts';
export { importPoliceUkAggregates } from './import/police-uk-aggregates.ts';
export { importPoliceUkStreet, mergeStreetCounts } from './import/police-uk-street.ts';
export { importRecordedCrime } from './import/recorded-crime.ts';
export type { RecordedCrimeImportReport } from './import/recorded-crime.ts';
export { MANIFEST_FILE, MAX_DATASET_BYTES, loadRelease, writeRelease } from './import/release.ts';
export type { ImportedRelease, ImportedReleaseName } from './import/release.ts';
export { MAX_COUNT, checkDataset } from './import/rules.ts';
export { IMPORT_LIMITS } from './import/shared.ts';

/**
 * File formats `peel-data import --format` reads.
 * @example IMPORT_FORMATS.includes('ho-outcomes') // true
 */
export const IMPORT_FORMATS = ['recorded-crime', 'ho-outcomes', 'police-uk-street', 'police-uk-aggregates'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** An imported file: which release dataset it becomes, the dataset, and the importer's report. */
export interface ImportedFile {
  name: ImportedReleaseName;
  dataset: NonNullable<ImportedRelease[ImportedReleaseName]>;
  report: unknown;
  /** Set by importIntoRelease: the folder written (where a symlinked --out points) and whether it was a symlink. */
  written?: { folder: string; followedSymlink: boolean };
}

/**
 * Reads and validates one file of a given format (gzip detected automatically). Never throws for bad
 * input: returns `{ ok: false, error: { file, row, column, expected, received }, message }`.
 * @example
 * const result = await importFile('ho-outcomes', 'prc-outcomes-2018-19.csv');
 * if (!result.ok) console.error(result.message); // 'prc-outcomes-2018-19.csv: row 12, column "outcome_type": expected
 * …'
 */
export async function importFile(format: ImportFormat, path: string): Promise<ImportResult<ImportedFile>> {
  return captureImport(async (): Promise<ImportedFile> => {
    const { name, dataset, report } = await importByFormat(format, path);
    // The rules loadRelease applies, applied here too: what an import accepts, a release folder serves.
    return { name, dataset: checkDataset(name, dataset, path), report };
  });
}

async function importByFormat(format: ImportFormat, path: string): Promise<ImportedFile> {
  const chunks = readUtf8ByteChunks(path);
  const utf8Bytes = true;
  switch (format) {
    case 'recorded-crime': {
      const { dataset, report } = await importRecordedCrime(chunks, { file: path, utf8Bytes });
      return { name: 'recordedCrime', dataset, report };
    }
    case 'ho-outcomes': {
      const { dataset, report } = await importHoOutcomes(chunks, { file: path, utf8Bytes });
      return { name: 'outcomes', dataset, report };
    }
    case 'police-uk-street': {
      const { dataset, report } = await importPoliceUkStreet(chunks, { file: path, utf8Bytes });
      return { name: 'policeUkStreet', dataset, report };
    }
    case 'police-uk-aggregates': {
      const { dataset, report } = await importPoliceUkAggregates(chunks, { file: path, utf8Bytes });
      return { name: 'policeUkAggregates', dataset, report };
    }
  }
}

/**
 * Imports one file and stores it in a release folder (what `peel-data import … --out <dir>` does).
 * Nothing is written unless the whole file is valid; other datasets already in the folder are kept, and
 * street counts are merged (force × month pairs of the new file replace the same pairs).
 * @example
 * await importIntoRelease('police-uk-street', '2016-07-durham-street.csv', './release')
 * // { ok: true, value: { name: 'policeUkStreet', … } }
 */
export async function importIntoRelease(
  format: ImportFormat,
  path: string,
  outDir: string,
): Promise<ImportResult<ImportedFile>> {
  const imported = await importFile(format, path);
  if (!imported.ok) return imported;
  return captureImport(async () => {
    const { name } = imported.value;
    let stored = imported.value.dataset;
    const written = await writeRelease(
      outDir,
      (existing) => {
        if (name === 'policeUkStreet' && existing.policeUkStreet) {
          const order = (slug: string) => forces.findIndex((force) => force.slug === slug);
          stored = mergeStreetCounts(
            existing.policeUkStreet,
            stored as NonNullable<ImportedRelease['policeUkStreet']>,
            (a, b) => order(a) - order(b),
          );
        }
        return { [name]: stored };
      },
      { [name]: [path] },
    );
    return { ...imported.value, dataset: stored, written };
  });
}
