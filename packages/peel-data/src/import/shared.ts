/** Small helpers shared by the importers. */
import type { z } from 'zod';
import { ImportError, showValue } from './errors.ts';

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
