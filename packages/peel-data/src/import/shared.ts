/** Small helpers shared by the importers. */
import type { z } from 'zod';
import { NO_OUTCOME_LABEL, type PoliceUkImportReport } from '../datasets/police-uk.ts';
import type { SourceId } from '../types/provenance.ts';
import type { CsvRecord } from './csv.ts';
import { ImportError, showValue } from './errors.ts';
import { forceNameResolver } from './force-names.ts';

/**
 * Control characters (C0, DEL, C1) and the bidirectional overrides and isolates: never part of a label, and
 * able to rewrite a terminal (ESC sequences) or reorder what a reader sees.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const LABEL_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Checks text an importer keeps as a label (a crime type, an outcome or offence description): refuses control
 * characters with an error naming file, row and column, so nothing stored can rewrite a terminal or a page.
 * @example checkLabel('Burglary', { file: 'x.csv', row: 2, column: 'Crime type' }) // 'Burglary'
 */
export function checkLabel(value: string, where: { file: string; row: number; column: string }): string {
  if (!LABEL_FORBIDDEN.test(value)) return value;
  const at = value.search(LABEL_FORBIDDEN);
  const code = value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  throw new ImportError({
    ...where,
    expected: 'text without control characters',
    received: `${showValue(value)} (U+${code} at character ${at + 1})`,
  });
}

/**
 * How many different values of each kind one imported file may bring, so that memory stays bounded (under 300 MB)
 * whatever the file: far above the real files (15 police.uk crime types, 26 outcome categories, a few hundred
 * Home Office offence codes, a few thousand street records a month per force).
 * @example IMPORT_LIMITS.labels // 500
 */
export const IMPORT_LIMITS = {
  /** Different labels in one column (crime types, outcome categories, offence groups). */
  labels: 500,
  /** Different Home Office offence codes. */
  offenceCodes: 2_000,
  /** Different years (police.uk aggregates). */
  years: 100,
  /** Different months (street files). */
  months: 1_200,
  /**
   * Different keys kept per row (Crime IDs, force × month × type × outcome cells): each Crime ID held for the
   * repeat check costs about 200 bytes, so 500,000 of them peak at about 210 MB (BENCHMARKS.md).
   */
  keys: 500_000,
} as const;

/**
 * Refuses a new value once a Set or Map holds `limit` different ones, with an error naming file, row, column and
 * the limit; an existing value always passes.
 * @example
 * admit(crimeTypes, 'Burglary', IMPORT_LIMITS.labels, { file: 'x.csv', row: 2, column: 'Crime type' }, 'crime types')
 * // returns; throws once 500 other crime types were seen
 */
export function admit<T>(
  seen: Set<T> | Map<T, unknown>,
  value: T,
  limit: number,
  where: { file: string; row: number; column: string },
  what: string,
): void {
  if (seen.size < limit || seen.has(value)) return;
  throw new ImportError({
    ...where,
    expected: `at most ${limit.toLocaleString('en-GB')} different ${what} in one file`,
    received: `one more in this row (split the file, or check that this column holds what it should)`,
  });
}

/** Skipped rows of one kind, counted rather than listed one by one. */
export interface SkipTally {
  rows: number;
  firstRow: number;
  reason: string;
}

/**
 * Counts a skipped row under its reason.
 * @example
 * const skips = new Map(); tallySkip(skips, 'outside England and Wales', 12); [...skips.values()]
 * // [{ rows: 1, firstRow: 12, reason: 'outside England and Wales' }]
 */
export function tallySkip(skips: Map<string, SkipTally>, reason: string, row: number): void {
  const tally = skips.get(reason);
  if (tally) tally.rows += 1;
  else skips.set(reason, { rows: 1, firstRow: row, reason });
}

/**
 * Parses a built dataset with its schema; a failure means the importer built something inconsistent from the
 * file, so it is reported against the file with the schema path.
 * @example validated(z.object({ a: z.number() }), { a: 1 }, 'x.csv') // { a: 1 }
 */
export function validated<Schema extends z.ZodType>(
  schema: Schema,
  value: z.input<Schema>,
  file: string,
): z.output<Schema> {
  const checked = schema.safeParse(value);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0]!;
  throw new ImportError({
    file,
    expected: `a dataset matching the schema at ${issue.path.join('.') || '(root)'}`,
    received: issue.message,
  });
}

/**
 * A copy of a field that does not pin the 1 MiB chunk it was sliced from (V8 keeps the parent of a sliced
 * string alive, so keeping many fields would keep the whole file in memory).
 * @example detach(record.field(0)) // same text, own storage
 */
export function detach(value: string): string {
  return value.length === 0 ? '' : (JSON.parse(JSON.stringify(value)) as string);
}

/**
 * The file name without its folders, as a dataset records it.
 * @example baseName('data/raw/x/street.csv') // 'street.csv'
 */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/**
 * Orders police.uk last outcome categories alphabetically, with the blank category ({@link NO_OUTCOME_LABEL}) last.
 * @example ['b', NO_OUTCOME_LABEL, 'a'].sort(compareOutcomes) // ['a', 'b', '(blank)']
 */
export function compareOutcomes(a: string, b: string): number {
  return a === NO_OUTCOME_LABEL ? 1 : b === NO_OUTCOME_LABEL ? -1 : a.localeCompare(b);
}

/** What {@link policeUkRows} reads from one row. */
export interface PoliceUkRow {
  slug: string;
  crimeType: string;
  outcome: string;
}

/**
 * What the two police.uk importers (BBC aggregates, street files) read alike from each row: the force ("Reported by"
 * spellings; Northern Ireland rows skipped and tallied, the others remembered in forces-table order), a crime type
 * that must not be empty, and the last outcome (blank is {@link NO_OUTCOME_LABEL}).
 * @example
 * const rows = policeUkRows('policeuk-aggregates-2012-2016', 'x.csv', 'reported_by', report);
 * rows.read(record, index, names) // { slug: 'durham', crimeType: 'Burglary', outcome: '(blank)' }, or undefined
 */
export function policeUkRows(source: SourceId, file: string, forceColumn: string, report: PoliceUkImportReport) {
  const resolveForce = forceNameResolver(source, file, forceColumn);
  const skips = new Map<string, SkipTally>();
  const forceOrder = new Map<string, number>();
  const compareForces = (a: string, b: string): number => forceOrder.get(a)! - forceOrder.get(b)!;
  return {
    /** The row's force, crime type and outcome; undefined for a row skipped as out of scope. */
    read(
      record: CsvRecord,
      index: { force: number; crimeType: number; outcome: number },
      names: readonly string[],
    ): PoliceUkRow | undefined {
      const resolved = resolveForce(record.field(index.force), record.row);
      if ('outOfScope' in resolved) {
        tallySkip(skips, resolved.outOfScope, record.row);
        return undefined;
      }
      forceOrder.set(resolved.force.slug, resolved.order);
      const crimeType = record.field(index.crimeType).trim();
      if (crimeType === '')
        throw new ImportError({
          file,
          row: record.row,
          column: names[index.crimeType]!,
          expected: 'a police.uk crime type',
          received: 'an empty field',
        });
      const outcome = record.field(index.outcome).trim() || NO_OUTCOME_LABEL;
      return { slug: resolved.force.slug, crimeType, outcome };
    },
    /** Orders force slugs of the file as the forces table does. */
    compareForces,
    /** The slugs of the forces read so far, in forces-table order. */
    forces: (): string[] => [...forceOrder.keys()].sort(compareForces),
    /**
     * After the last row (`rows` CSV rows read): refuses a file no row of which was used, saying what was `expected`,
     * and lists the skipped rows in the report.
     */
    finish(rows: number, expected: string): void {
      if (report.rowsUsed === 0)
        throw new ImportError({ file, row: rows + 1, expected, received: `none (${report.rowsRead} rows read)` });
      report.skipped = [...skips.values()];
    },
  };
}
