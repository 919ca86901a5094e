/**
 * Writes a table as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or line
 * break in double quotes, quotes doubled). A missing value is written as its marker (`[x]`, `[z]`, …),
 * the UK statistics convention, and its reason goes to a final `notes` column, so a spreadsheet never
 * reads a missing value as 0 or blank.
 *
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
 * return) as a formula, so such a text cell is written with a leading `'`, which spreadsheets read as "this is
 * text". Numbers are never touched, and neither is text that is only a printed number (`-7%`, `+3%`, `1,234.5`):
 * digits, a sign, separators and a percent sign cannot call anything.
 */
import { formatMissing, isMissing, type Missing } from 'peel-data';

export type Cell = string | number | boolean | Missing | undefined;

export interface Column {
  key: string;
  label: string;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that is only a printed number (sign, digits, thousands separators, decimals, percent). */
const NUMBER_TEXT = /^[+-]?\d[\d,]*(?:\.\d+)?%?$/;

/**
 * A text cell as a spreadsheet will read it safely: `'` before a leading `= + - @`, tab or carriage return, unless
 * the text is only a number.
 * @example neutraliseFormula('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 * @example neutraliseFormula('-7%') // '-7%'
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMBER_TEXT.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
}

function cellText(cell: Cell, where: string): string {
  if (isMissing(cell)) return formatMissing(cell);
  if (cell === undefined) return '';
  if (typeof cell === 'number' && !Number.isFinite(cell)) {
    throw new TypeError(
      `toCsv: ${where} is ${String(cell)}; a value that does not exist must be a Missing marker, not NaN or Infinity`,
    );
  }
  return typeof cell === 'string' ? neutraliseFormula(cell) : String(cell);
}

/**
 * @example
 * toCsv(
 *   [{ key: 'force', label: 'Force' }, { key: 'rate', label: 'Rate' }],
 *   [{ force: 'Durham', rate: { missing: 'x', reason: 'not supplied' } }],
 * )
 * // 'Force,Rate,notes\r\nDurham,[x],Rate: [x] not supplied\r\n'
 */
export function toCsv(columns: readonly Column[], rows: readonly Record<string, Cell>[]): string {
  const lines = [[...columns.map((column) => quote(neutraliseFormula(column.label))), 'notes'].join(',')];
  rows.forEach((row, index) => {
    const notes: string[] = [];
    const fields = columns.map((column) => {
      const cell = row[column.key];
      if (isMissing(cell)) notes.push(`${column.label}: ${formatMissing(cell)} ${cell.reason}`);
      return quote(cellText(cell, `row ${index + 1}, column "${column.label}"`));
    });
    lines.push([...fields, quote(neutraliseFormula(notes.join('; ')))].join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
