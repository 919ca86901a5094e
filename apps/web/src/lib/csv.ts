/**
 * Writes a table as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or line
 * break in double quotes, quotes doubled). A missing value is written as its marker (`[x]`, `[z]`, …),
 * the UK statistics convention, and its reason goes to a final `notes` column, so a spreadsheet never
 * reads a missing value as 0 or blank.
 */
import { formatMissing, isMissing, type Missing } from 'peel-data';

export type Cell = string | number | boolean | Missing | undefined;

export interface Column {
  key: string;
  label: string;
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
  return String(cell);
}

/**
 * @example toCsv([{ key: 'force', label: 'Force' }, { key: 'rate', label: 'Rate' }], [{ force: 'Durham', rate: { missing: 'x', reason: 'not supplied' } }])
 * // 'Force,Rate,notes\r\nDurham,[x],Rate: [x] not supplied\r\n'
 */
export function toCsv(columns: readonly Column[], rows: readonly Record<string, Cell>[]): string {
  const lines = [[...columns.map((column) => quote(column.label)), 'notes'].join(',')];
  rows.forEach((row, index) => {
    const notes: string[] = [];
    const fields = columns.map((column) => {
      const cell = row[column.key];
      if (isMissing(cell)) notes.push(`${column.label}: ${formatMissing(cell)} ${cell.reason}`);
      return quote(cellText(cell, `row ${index + 1}, column "${column.label}"`));
    });
    lines.push([...fields, quote(notes.join('; '))].join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
