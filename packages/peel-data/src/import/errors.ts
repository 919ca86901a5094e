/**
 * Errors for untrusted input files. Every problem names the file, the row (record number, header = row 1,
 * as a spreadsheet shows it), the column when there is one, what was expected and what was found, so a user
 * can open the file and fix it without reading our code.
 */

/** Where and what is wrong in an imported file. */
export interface ImportIssue {
  file: string;
  /**
   * Record number counting the header as row 1 (blank lines count too, so it matches the line number unless a quoted
   * field spans lines).
   */
  row?: number;
  /** Column name as written in the header (or the expected name when the column is absent). */
  column?: string;
  expected: string;
  /** What the file contains instead (quoted, shortened). */
  received?: string;
}

/**
 * Thrown inside the importers and caught at their boundary, where it becomes a failed {@link ImportResult}.
 * @example
 * new ImportError({ file: 'rec.csv', row: 7, column: 'count', expected: 'a whole number', received: '"12a"' }).message
 * // 'rec.csv: row 7, column "count": expected a whole number, received "12a"'
 */
export class ImportError extends Error {
  readonly issue: ImportIssue;
  constructor(issue: ImportIssue) {
    super(formatIssue(issue));
    this.name = 'ImportError';
    this.issue = issue;
  }
}

/**
 * One line describing an issue: `file: row N, column "c": expected …, received …`.
 * @example
 * formatIssue({ file: 'a.csv', row: 2, expected: '5 fields', received: '3 fields' })
 * // 'a.csv: row 2: expected 5 fields, received 3 fields'
 */
export function formatIssue(issue: ImportIssue): string {
  const where = [
    issue.row === undefined ? undefined : `row ${issue.row}`,
    issue.column === undefined ? undefined : `column ${JSON.stringify(issue.column)}`,
  ]
    .filter(Boolean)
    .join(', ');
  const received = issue.received === undefined ? '' : `, received ${issue.received}`;
  return `${issue.file}${where ? `: ${where}` : ''}: expected ${issue.expected}${received}`;
}

/**
 * Quotes a raw cell for an error message, shortened so a huge field cannot flood the terminal;
 * control characters and a BOM are shown escaped because they are often the problem.
 * @example showValue('12a') // '"12a"'
 */
export function showValue(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  // JSON escapes C0 controls; C1 controls, DEL and bidi controls are escaped here too, so none reaches a terminal.
  return JSON.stringify(shown).replace(
    /[\uFEFF\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** Outcome of an import: a dataset or the first problem found (nothing half-built is returned). */
export type ImportResult<T> = { ok: true; value: T } | { ok: false; error: ImportIssue; message: string };

/**
 * Runs an importer and turns an {@link ImportError} into a failed result; any other error is a bug and is rethrown.
 * @example await captureImport(async () => 1) // { ok: true, value: 1 }
 */
export async function captureImport<T>(run: () => Promise<T>): Promise<ImportResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: error.issue, message: error.message };
    throw error;
  }
}
