/**
 * A small streaming CSV reader (RFC 4180 quoting) written for the files peel-data imports.
 *
 * Why not csv-parse: these files are plain (a few quoted fields, no comments, no custom delimiters), so a
 * reader that locates the commas of unquoted lines with `String#indexOf` and only walks characters for
 * records that contain a quote is simpler to audit and much faster: on the 450,912-row outcomes file it
 * needs about 0.3-0.4 s of CPU, where csv-parse 7.0.3 needs about 7 s (bench/run.ts with CSV_PARSE_DIR;
 * BENCHMARKS.md, "## peel-data import"). It hands records out without copying fields (see CsvRecord) and uses
 * web-standard strings only, so it runs in Node, browsers and Workers.
 *
 * Deliberate input decisions (each is tested in csv.test.ts):
 * - Line endings `\n`, `\r\n` and a lone `\r` are all accepted, even mixed: the BBC police.uk aggregates are
 *   CR-only (old Mac) files and must import as they are.
 * - A UTF-8 byte-order mark at the very start is removed: Excel and the ONS lookup files write one, and it
 *   carries no data. A BOM anywhere else is left in place (the header check then reports it, escaped).
 * - A quoted field may contain commas, quotes written as `""`, and line breaks.
 * - A quote inside an unquoted field is kept as a literal character (`5" screen`), as spreadsheets do.
 * - Text after a closing quote (`"a"b`) and a quote still open at the end of the input are errors that name
 *   the row and column, because they mean a broken or truncated file.
 * Row numbers count records with the header as row 1, and blank lines count as rows, so for files without
 * line breaks inside quotes the row number is the line number an editor shows.
 * - A record (a line, with any quoted field in it, line breaks included) longer than `maxRecordLength`
 *   (default {@link DEFAULT_MAX_RECORD_LENGTH}) is an error naming the row and the limit, as soon as that many
 *   characters are buffered: a file without line breaks or with an unclosed quote would otherwise be held
 *   whole in memory (a 2 GB line ended in a bare `Invalid string length`).
 *
 * Two input forms: ordinary strings, or (option `utf8Bytes`) the file's UTF-8 bytes one character per byte,
 * which the Node file reader uses: one-byte text parses faster and only the fields an importer reads are
 * decoded. Records hand out real text either way.
 */
import { ImportError, showValue } from './errors.ts';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * One record, handed to the callback without copying: fields are read on demand, so an importer that only
 * needs 5 of 13 columns, or only compares a column with the previous row's value, allocates nothing for
 * the rest. The object is reused for the next record: read what you need inside the callback.
 */
export interface CsvRecord {
  /** Record number, header = 1. */
  readonly row: number;
  /** Number of fields. */
  readonly length: number;
  /** The text of field `index` (unquoted, `""` unescaped). */
  field(index: number): string;
  /** True when field `index` is exactly `value` (no string is created). */
  fieldEquals(index: number, value: string): boolean;
  /** Field `index` as a non-negative whole number written with digits only, or -1 when it is anything else. */
  wholeNumber(index: number): number;
  /** Field `index` as an integer written with digits and an optional leading minus, or NaN when it is anything else. */
  integer(index: number): number;
  /** All fields as an array (allocates). */
  fields(): string[];
}

/** Called once per record. */
export type CsvRecordHandler = (record: CsvRecord) => void;

/** A record found by splitting a line: field i is `text.slice(starts[i], ends[i])`. */
class LineRecord implements CsvRecord {
  row = 0;
  length = 0;
  text = '';
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  constructor(readonly bytes: ByteCodec | undefined) {}

  field(index: number): string {
    if (index >= this.length) return '';
    const raw = this.text.slice(this.starts[index], this.ends[index]);
    return this.bytes ? this.bytes.decode(raw) : raw;
  }
  fieldEquals(index: number, value: string): boolean {
    if (index >= this.length) return false;
    if (this.bytes) value = this.bytes.encode(value);
    const start = this.starts[index]!;
    if (this.ends[index]! - start !== value.length) return false;
    // A charCode loop: String#startsWith with a position is several times slower here, because the file's
    // text is a two-byte string (it contains en dashes) and the values are one-byte strings.
    const text = this.text;
    for (let i = 0; i < value.length; i++) if (text.charCodeAt(start + i) !== value.charCodeAt(i)) return false;
    return true;
  }
  wholeNumber(index: number): number {
    if (index >= this.length) return -1;
    return digitsValue(this.text, this.starts[index]!, this.ends[index]!);
  }
  integer(index: number): number {
    if (index >= this.length) return Number.NaN;
    return integerValue(this.text, this.starts[index]!, this.ends[index]!);
  }
  fields(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.field(i));
    return out;
  }
  /** Next comma at or after the last split's end (cached: a file without commas must not be rescanned per line). */
  #nextComma = -1;

  /** Starts reading a new buffer. */
  reset(text: string): void {
    this.text = text;
    this.#nextComma = -1;
  }

  /** Splits text[start, end) of the current buffer at commas into this record. */
  split(start: number, end: number): void {
    const text = this.text;
    let count = 0;
    let from = start;
    for (;;) {
      if (count === this.starts.length) this.#grow();
      let comma = this.#nextComma;
      if (comma < from) comma = this.#nextComma = indexOrEnd(text, ',', from);
      this.starts[count] = from;
      if (comma >= end) {
        this.ends[count] = end;
        count += 1;
        break;
      }
      this.ends[count] = comma;
      count += 1;
      from = comma + 1;
    }
    this.length = count;
  }
  #grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}

/** A record that needed quote handling: fields already unescaped. */
class ArrayRecord implements CsvRecord {
  row = 0;
  values: string[] = [];
  constructor(readonly bytes: ByteCodec | undefined) {}
  get length(): number {
    return this.values.length;
  }
  field(index: number): string {
    const raw = this.values[index] ?? '';
    return this.bytes ? this.bytes.decode(raw) : raw;
  }
  fieldEquals(index: number, value: string): boolean {
    return this.values[index] === (this.bytes ? this.bytes.encode(value) : value);
  }
  wholeNumber(index: number): number {
    const value = this.values[index];
    return value === undefined ? -1 : digitsValue(value, 0, value.length);
  }
  integer(index: number): number {
    const value = this.values[index];
    return value === undefined ? Number.NaN : integerValue(value, 0, value.length);
  }
  fields(): string[] {
    return this.values.map((_, index) => this.field(index));
  }
}

/**
 * For text given as UTF-8 bytes, one character per byte (what Node's `Buffer#toString('latin1')` makes):
 * parsing such one-byte text is faster, and it skips decoding 90 MB of which only a few names are ever read.
 * Fields are decoded to real strings when read; values compared with a field are encoded the same way
 * (cached: importers compare with a handful of values).
 */
class ByteCodec {
  #encoded = new Map<string, string>();
  #decoder = new TextDecoder('utf-8', { fatal: true });
  #encoder = new TextEncoder();

  /** UTF-8 bytes (as one-byte characters) to text. */
  decode(raw: string): string {
    if (!NON_ASCII.test(raw)) return raw;
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return this.#decoder.decode(bytes);
  }

  /** Text to UTF-8 bytes as one-byte characters (ASCII text is unchanged). */
  encode(value: string): string {
    let encoded = this.#encoded.get(value);
    if (encoded === undefined) {
      encoded = NON_ASCII.test(value) ? String.fromCharCode(...this.#encoder.encode(value)) : value;
      if (this.#encoded.size < 10_000) this.#encoded.set(value, encoded);
    }
    return encoded;
  }
}
const NON_ASCII = /[\u0080-\uffff]/;
/** U+FEFF as UTF-8 bytes, one character per byte. */
const BYTE_ORDER_MARK_BYTES = '\u00ef\u00bb\u00bf';

/**
 * Longest record the reader accepts by default, in characters (bytes in `utf8Bytes` mode): far above any real
 * row (the longest in the bundled sources is under 400), low enough that a broken file fails fast and small.
 * @example DEFAULT_MAX_RECORD_LENGTH // 65536
 */
export const DEFAULT_MAX_RECORD_LENGTH = 65_536;

/** Options for {@link CsvReader}. */
export interface CsvReaderOptions {
  /** Longest record accepted (a line, with any quoted field in it), in characters; default 65,536. */
  maxRecordLength?: number;
  /**
   * The chunks are UTF-8 bytes, one character per byte (Node: `buffer.toString('latin1')`), already checked to be
   * valid UTF-8. Records still hand out real text. Default: false (ordinary strings).
   */
  utf8Bytes?: boolean;
}

/** Value of text[start, end) when it is digits with an optional leading minus, else NaN. */
function integerValue(text: string, start: number, end: number): number {
  if (end > start && text.charCodeAt(start) === 45) {
    const magnitude = digitsValue(text, start + 1, end);
    return magnitude < 0 ? Number.NaN : -magnitude;
  }
  const value = digitsValue(text, start, end);
  return value < 0 ? Number.NaN : value;
}

/** Value of text[start, end) when it is 1 to 15 ASCII digits, else -1 (so it stays an exact integer). */
function digitsValue(text: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Incremental CSV reader: `push` text chunks as they arrive, then `end`. Records are handed to the callback
 * as soon as they are complete, so memory stays at one chunk plus one partial record.
 * @example
 * const rows: string[][] = [];
 * const reader = new CsvReader('a.csv', (record) => rows.push(record.fields()));
 * reader.push('x,y\r1,"a, b"\r');
 * reader.end();
 * rows // [['x', 'y'], ['1', 'a, b']]
 */
export class CsvReader {
  readonly file: string;
  #onRecord: CsvRecordHandler;
  #buffer = '';
  #row = 0;
  #started = false;
  #header: string[] | undefined;
  #bytes: ByteCodec | undefined;
  #pendingStart = '';
  #line: LineRecord;
  #quoted: ArrayRecord;
  #maxRecordLength: number;

  constructor(file: string, onRecord: CsvRecordHandler, options: CsvReaderOptions = {}) {
    const max = options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH;
    if (!Number.isInteger(max) || max < 1)
      throw new TypeError(
        `CsvReader: options.maxRecordLength must be a whole number of 1 or more, received ${String(max)}; ` +
          `e.g. { maxRecordLength: 65536 }`,
      );
    this.#maxRecordLength = max;
    this.file = file;
    this.#onRecord = onRecord;
    this.#bytes = options.utf8Bytes ? new ByteCodec() : undefined;
    this.#line = new LineRecord(this.#bytes);
    this.#quoted = new ArrayRecord(this.#bytes);
  }

  /** Number of records handed out so far (header and blank lines included). */
  get rowsRead(): number {
    return this.#row;
  }

  /** Adds the next chunk of text (any size; a record may span chunks). */
  push(chunk: string): void {
    if (!this.#started) {
      chunk = this.#pendingStart + chunk;
      // As bytes, the mark is three characters and may arrive split: wait until it can be told apart.
      if (chunk.length === 0 || (this.#bytes && chunk.length < 3 && BYTE_ORDER_MARK_BYTES.startsWith(chunk))) {
        this.#pendingStart = chunk;
        return;
      }
      this.#pendingStart = '';
      this.#started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      else if (this.#bytes && chunk.startsWith(BYTE_ORDER_MARK_BYTES)) chunk = chunk.slice(3);
    }
    if (this.#buffer.length > 0) {
      // Finish the partial record from the previous chunk with just the start of this one, so the
      // (1 MiB) chunk is not copied into a joined string: copying every chunk cost more than parsing it.
      let end = firstLineBreak(chunk);
      if (end >= 0 && chunk.charCodeAt(end) === CR && chunk.charCodeAt(end + 1) === LF) end += 1;
      if (end >= 0 && end + 1 < chunk.length) {
        this.#buffer += chunk.slice(0, end + 1);
        this.#parse(false);
        chunk = chunk.slice(end + 1);
      }
      // Still open (a quoted field spanning lines, or no line break yet): keep the text together. Array#join
      // builds a flat string; `a + b` would be a rope that is slower to index into.
      if (this.#buffer.length > 0) chunk = [this.#buffer, chunk].join('');
    }
    this.#buffer = chunk;
    this.#parse(false);
  }

  /** Signals the end of input: emits a last record without a line break, or reports an open quote. */
  end(): void {
    if (!this.#started && this.#pendingStart) {
      this.#started = true;
      this.#buffer = this.#pendingStart;
    }
    this.#parse(true);
  }

  /** The error for a record over the limit, at row `row`. */
  #tooLong(row: number): ImportError {
    return new ImportError({
      file: this.file,
      row,
      expected:
        `a record (a line, with any quoted field in it) of at most ` +
        `${this.#maxRecordLength.toLocaleString('en-GB')} characters`,
      received: 'a longer one (a missing line break, or a quote that is never closed?)',
    });
  }

  #emitLine(start: number, end: number): void {
    if (end - start > this.#maxRecordLength) throw this.#tooLong(this.#row + 1);
    this.#row += 1;
    const record = this.#line;
    record.split(start, end);
    record.row = this.#row;
    if (this.#row === 1) this.#header = record.fields();
    this.#onRecord(record);
  }

  #emit(fields: string[]): void {
    this.#row += 1;
    const record = this.#quoted;
    record.values = fields;
    record.row = this.#row;
    if (this.#row === 1) this.#header = record.fields();
    this.#onRecord(record);
  }

  #columnName(index: number): string {
    return this.#header?.[index] ?? `field ${index + 1}`;
  }

  #parse(final: boolean): void {
    const text = this.#buffer;
    const n = text.length;
    this.#line.reset(text);
    let pos = 0;
    // Next positions of each special character, cached so every character is searched at most once:
    // looking for '\r' afresh on every line of an '\n' file would be quadratic. n means "none left".
    let nextLf = -1;
    let nextCr = -1;
    let nextQuote = -1;
    while (pos < n) {
      if (nextLf < pos) nextLf = indexOrEnd(text, '\n', pos);
      if (nextCr < pos) nextCr = indexOrEnd(text, '\r', pos);
      if (nextQuote < pos) nextQuote = indexOrEnd(text, '"', pos);
      const lineEnd = nextLf < nextCr ? nextLf : nextCr;
      if (nextQuote < lineEnd) {
        const row = this.#row + 1;
        const after = this.#parseQuotedRecord(text, pos, final);
        if (after < 0) break;
        if (after - pos > this.#maxRecordLength + 2) throw this.#tooLong(row);
        pos = after;
        continue;
      }
      if (lineEnd === n) {
        if (!final) break;
        this.#emitLine(pos, n);
        pos = n;
        break;
      }
      // A '\r' as the last character may be the first half of a '\r\n' split across chunks.
      if (lineEnd === nextCr && lineEnd + 1 === n && !final) break;
      this.#emitLine(pos, lineEnd);
      pos = lineEnd === nextCr && text.charCodeAt(lineEnd + 1) === LF ? lineEnd + 2 : lineEnd + 1;
    }
    // What is left is one unfinished record: refuse it once it is over the limit, before it grows further.
    if (n - pos > this.#maxRecordLength + 2) throw this.#tooLong(this.#row + 1);
    this.#buffer = pos >= n ? '' : text.slice(pos);
  }

  /** Walks one record that contains a quote; returns the position after it, or -1 when more input is needed. */
  #parseQuotedRecord(text: string, start: number, final: boolean): number {
    const n = text.length;
    const fields: string[] = [];
    const row = this.#row + 1;
    let i = start;
    for (;;) {
      // At the start of a field.
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            if (!final) return -1;
            throw new ImportError({
              file: this.file,
              row,
              column: this.#columnName(fields.length),
              expected: 'a closing quote (") for the quoted field that starts here',
              received: 'the end of the file (the file may be truncated)',
            });
          }
          if (q + 1 >= n && !final) return -1;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        fields.push(value);
        if (i >= n) {
          if (!final) return -1;
          this.#emit(fields);
          return n;
        }
        const c = text.charCodeAt(i);
        if (c === COMMA) {
          i += 1;
          if (i >= n && final) {
            fields.push('');
            this.#emit(fields);
            return n;
          }
          continue;
        }
        if (c === LF || c === CR) return this.#endRecord(text, i, fields, final);
        throw new ImportError({
          file: this.file,
          row,
          column: this.#columnName(fields.length - 1),
          expected: 'a comma or the end of the line after a closing quote',
          received: showValue(this.#bytes ? this.#bytes.decode(text.slice(i, i + 10)) : text.slice(i, i + 10)),
        });
      }
      // An unquoted field: runs to the next comma or line break.
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === COMMA || c === LF || c === CR) break;
        end += 1;
      }
      if (end >= n) {
        if (!final) return -1;
        fields.push(text.slice(i, n));
        this.#emit(fields);
        return n;
      }
      fields.push(text.slice(i, end));
      if (text.charCodeAt(end) === COMMA) {
        i = end + 1;
        if (i >= n && final) {
          fields.push('');
          this.#emit(fields);
          return n;
        }
        continue;
      }
      return this.#endRecord(text, end, fields, final);
    }
  }

  #endRecord(text: string, breakAt: number, fields: string[], final: boolean): number {
    const isCr = text.charCodeAt(breakAt) === CR;
    if (isCr && breakAt + 1 >= text.length && !final) return -1;
    this.#emit(fields);
    return isCr && text.charCodeAt(breakAt + 1) === LF ? breakAt + 2 : breakAt + 1;
  }
}

function firstLineBreak(text: string): number {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
}

function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

/**
 * Parses a whole CSV text at once (tests, small files). Same rules as {@link CsvReader}.
 * @example parseCsv('a,b\n1,"x, y"\n', 'demo.csv') // [['a', 'b'], ['1', 'x, y']]
 */
export function parseCsv(text: string, file: string, options: CsvReaderOptions = {}): string[][] {
  const rows: string[][] = [];
  const reader = new CsvReader(file, (record) => rows.push(record.fields()), options);
  reader.push(text);
  reader.end();
  return rows;
}

/**
 * Reads CSV records from a stream of text chunks (e.g. a decoded file stream).
 * @example
 * async function* chunks() { yield 'a,b\n'; yield '1,2\n'; }
 * await readCsv(chunks(), 'demo.csv', (record) => console.log(record.row, record.fields())) // logs 1 ['a','b'] then 2
 * ['1','2']; resolves to 2
 */
export async function readCsv(
  chunks: AsyncIterable<string> | Iterable<string>,
  file: string,
  onRecord: CsvRecordHandler,
  options: CsvReaderOptions = {},
): Promise<number> {
  const reader = new CsvReader(file, onRecord, options);
  for await (const chunk of chunks) reader.push(chunk);
  reader.end();
  return reader.rowsRead;
}
