/**
 * Tidy CSV (RFC 4180): one observation per row, one variable per column, a header row, CRLF line ends.
 * A missing value is written as its UK-statistics marker (`[x]`, `[z]`, `[c]`, `[u]`) and its reason goes in a
 * companion `<column>_missing_reason` column, so a spreadsheet never shows a silent blank or a false 0.
 *
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
 * return before one) as a formula, so such a text cell is written with a leading `'`, which spreadsheets read as
 * "this is text". Numbers are never touched, and neither is text that is only a number (`-7%`, `+1,234.5`):
 * digits, a sign, separators and a percent sign cannot call anything.
 */
import { formatMissing, isMissing, type Missing } from 'peel-data';

/** A value a CSV cell can hold. `''` is an explicit "no text"; null, undefined and NaN are refused. */
export type CsvCell = string | number | boolean | Missing;

/** One column: its header and how to read the cell from a row. `mayBeMissing` adds the reason column. */
export type CsvColumn<Row> = {
  header: string;
  value: (row: Row) => CsvCell;
  mayBeMissing?: boolean;
};

/**
 * Renders rows as a tidy CSV document.
 * @example
 * renderCsv([{ force: 'durham', value: { missing: 'x', reason: 'not supplied' } }], [
 *   { header: 'force', value: (r) => r.force },
 *   { header: 'value', value: (r) => r.value, mayBeMissing: true },
 * ])
 * // 'force,value,value_missing_reason\r\ndurham,[x],not supplied\r\n'
 */
export function renderCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const headers: string[] = [];
  for (const column of columns) {
    headers.push(neutraliseFormula(column.header));
    if (column.mayBeMissing) headers.push(neutraliseFormula(`${column.header}_missing_reason`));
  }
  const lines = [headers.map(escapeField).join(',')];
  rows.forEach((row, index) => {
    const fields: string[] = [];
    for (const column of columns) {
      const cell = column.value(row);
      if (isMissing(cell)) {
        if (!column.mayBeMissing) {
          throw new TypeError(
            `renderCsv: row ${index} column '${column.header}' holds a missing marker but the column was not ` +
              'declared mayBeMissing; declare it so the reason gets a column',
          );
        }
        fields.push(escapeField(formatMissing(cell)), escapeField(neutraliseFormula(cell.reason)));
        continue;
      }
      fields.push(escapeField(formatCell(cell, index, column.header)));
      if (column.mayBeMissing) fields.push('');
    }
    lines.push(fields.join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}

function formatCell(cell: CsvCell, rowIndex: number, header: string): string {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell))
      throw new TypeError(
        `renderCsv: row ${rowIndex} column '${header}' is ${cell}; ` +
          'a value that does not exist must be a missing marker',
      );
    return String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'string') return neutraliseFormula(cell);
  throw new TypeError(
    `renderCsv: row ${rowIndex} column '${header}' is ${cell === null ? 'null' : typeof cell}; ` +
      'expected a string, number, boolean or missing marker',
  );
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that is only a number (sign, digits, thousands separators, decimals, percent): safe as it stands. */
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

/** Quotes a field when it holds a comma, quote, line break or edge whitespace (RFC 4180 §2). */
function escapeField(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
