/**
 * A small RFC 4180 CSV reader for the raw files. It accepts the three line-ending styles found in
 * data/raw (`\r\n`, `\n`, and the old-Mac `\r` of the BBC files), strips a UTF-8 byte-order mark, and
 * reports the file, line and column of anything malformed instead of guessing.
 */

/** One parsed row: values by header name, plus the 1-based line number in the file (for error messages). */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/** Thrown when a raw file cannot be read as the CSV its PROVENANCE describes. */
export class CsvFormatError extends Error {
  constructor(file: string, line: number, detail: string) {
    super(`${file}, line ${line}: ${detail}`);
    this.name = 'CsvFormatError';
  }
}

/**
 * Splits CSV text into records of fields. Lines without a double quote take a fast path (a plain split);
 * a record with quotes is scanned character by character and may span lines.
 * @example parseCsvRecords('a,"b,c"\n1,2') // [{ line: 1, fields: ['a', 'b,c'] }, { line: 2, fields: ['1', '2'] }]
 */
export function parseCsvRecords(text: string, file = '<csv>'): { line: number; fields: string[] }[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; fields: string[] }[] = [];
  let position = 0;
  let line = 1;
  while (position < source.length) {
    const end = nextLineBreak(source, position);
    const rawLine = source.slice(position, end);
    if (!rawLine.includes('"')) {
      records.push({ line, fields: rawLine.split(',') });
      position = skipLineBreak(source, end);
      line++;
      continue;
    }
    const scanned = scanQuotedRecord(source, position, file, line);
    records.push({ line, fields: scanned.fields });
    line += scanned.lines;
    position = scanned.next;
  }
  return records;
}

function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

function skipLineBreak(text: string, at: number): number {
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  return at + 1;
}

/** Reads one record that contains quotes, from `start` to the line break that ends it. */
function scanQuotedRecord(text: string, start: number, file: string, line: number): { fields: string[]; next: number; lines: number } {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  let lines = 1;
  for (let i = start; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) lines++;
        field += char;
      }
    } else if (char === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (char === '\r' || char === '\n') {
      fields.push(field);
      return { fields, next: skipLineBreak(text, i), lines };
    } else {
      if (char === '"') throw new CsvFormatError(file, line + lines - 1, 'a double quote inside an unquoted field');
      field += char;
      atFieldStart = false;
    }
  }
  if (quoted) throw new CsvFormatError(file, line, 'a quoted field is never closed');
  fields.push(field);
  return { fields, next: text.length, lines };
}

/**
 * Parses CSV text with a header row into rows keyed by header, checking every row has the header's width
 * and that the expected columns exist.
 * @example parseCsv('code,name\nE23000008,Durham', 'x.csv', ['code']) // [{ line: 2, values: { code: 'E23000008', name: 'Durham' } }]
 */
export function parseCsv(text: string, file: string, requiredColumns: readonly string[] = []): CsvRow[] {
  const [header, ...records] = parseCsvRecords(text, file);
  if (!header) throw new CsvFormatError(file, 1, 'the file is empty (expected a header row)');
  for (const column of requiredColumns) {
    if (!header.fields.includes(column)) {
      throw new CsvFormatError(file, 1, `missing column ${JSON.stringify(column)}; the header has ${JSON.stringify(header.fields)}`);
    }
  }
  return records
    .filter((record) => !(record.fields.length === 1 && record.fields[0] === ''))
    .map((record) => {
      if (record.fields.length !== header.fields.length) {
        throw new CsvFormatError(file, record.line, `expected ${header.fields.length} fields as in the header, found ${record.fields.length}`);
      }
      const values: Record<string, string> = {};
      header.fields.forEach((name, index) => {
        values[name] = record.fields[index]!;
      });
      return { line: record.line, values };
    });
}
