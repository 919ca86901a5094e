/**
 * Tidy CSV (RFC 4180): one observation per row, one variable per column, a header row, CRLF line ends.
 * A missing value is written as its UK-statistics marker (`[x]`, `[z]`, `[c]`, `[u]`) and its reason goes in a
 * companion `<column>_missing_reason` column, so a spreadsheet never shows a silent blank or a false 0.
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
    headers.push(column.header);
    if (column.mayBeMissing) headers.push(`${column.header}_missing_reason`);
  }
  const lines = [headers.map(escapeField).join(',')];
  rows.forEach((row, index) => {
    const fields: string[] = [];
    for (const column of columns) {
      const cell = column.value(row);
      if (isMissing(cell)) {
        if (!column.mayBeMissing) {
          throw new TypeError(
            `renderCsv: row ${index} column '${column.header}' holds a missing marker but the column was not declared mayBeMissing; declare it so the reason gets a column`,
          );
        }
        fields.push(escapeField(formatMissing(cell)), escapeField(cell.reason));
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
        `renderCsv: row ${rowIndex} column '${header}' is ${cell}; a value that does not exist must be a missing marker`,
      );
    return String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'string') return cell;
  throw new TypeError(
    `renderCsv: row ${rowIndex} column '${header}' is ${cell === null ? 'null' : typeof cell}; expected a string, number, boolean or missing marker`,
  );
}

/** Quotes a field when it holds a comma, quote, line break or edge whitespace (RFC 4180 §2). */
function escapeField(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
