/**
 * A small RFC 4180 CSV writer for the tidy downloads (comma separated, CRLF line ends, a field with a comma, quote,
 * line break or edge space in double quotes). It follows the rules of the apps' CSV writers (apps/api
 * src/http/csv.ts, apps/web src/lib/csv.ts), which peel-metrics cannot import: numbers are written as they are, a
 * text cell that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab or carriage return) gets a
 * leading `'` (OWASP "CSV injection"), unless the text is only a number.
 */

/** A cell: text, a finite number, or `undefined` for an empty cell (the tidy files' "no value", with a status). */
export type TidyCell = string | number | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_TEXT = /^[+-]?\d[\d,]*(?:\.\d+)?%?$/;

/**
 * A text cell as a spreadsheet will read it safely.
 * @example neutraliseFormula('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 * @example neutraliseFormula('-7%') // '-7%'
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMBER_TEXT.test(text) ? `'${text}` : text;
}

function field(cell: TidyCell, where: string): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell))
      throw new TypeError(`writeCsv: ${where} is ${cell}; a value that does not exist must be an empty cell`);
    return String(cell);
  }
  const text = neutraliseFormula(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes a header row and rows (each row's cells in header order).
 * @example
 * writeCsv(['force', 'value'], [['Durham', 62.3], ['Kent', undefined]])
 * // 'force,value\r\nDurham,62.3\r\nKent,\r\n'
 */
export function writeCsv(headers: readonly string[], rows: readonly (readonly TidyCell[])[]): string {
  const lines = [headers.map((header) => field(header, 'a header')).join(',')];
  rows.forEach((row, index) => {
    if (row.length !== headers.length)
      throw new TypeError(`writeCsv: row ${index + 1} has ${row.length} cells, expected ${headers.length}`);
    lines.push(row.map((cell, column) => field(cell, `row ${index + 1}, column '${headers[column]}'`)).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
