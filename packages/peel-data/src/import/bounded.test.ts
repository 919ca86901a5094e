// Issue 14, finding 4: one unterminated line or unclosed quote must fail fast, naming file, row and limit.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../node.ts';
import { CsvReader, DEFAULT_MAX_RECORD_LENGTH, parseCsv } from './csv.ts';
import { MAX_RECORDED_CRIME_PERIODS, importRecordedCrime } from './recorded-crime.ts';
import { IMPORT_LIMITS } from './shared.ts';

const RAW = fileURLToPath(new URL('../../data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv', import.meta.url));
const rawText = readFileSync(RAW, 'utf8');
const rawRows = rawText.trimEnd().split(/\r?\n/).length;
const work = mkdtempSync(join(tmpdir(), 'peel-bounded-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const MIB = 'a'.repeat(1 << 20);

describe('record length limit', () => {
  it('stops the real file followed by an endless line at the limit, naming the row, without reading on', async () => {
    let yielded = 0;
    async function* chunks() {
      yield rawText;
      // 64 MiB of one line: the reader must give up after the first MiB or so.
      for (let i = 0; i < 64; i++) {
        yielded += 1;
        yield MIB;
      }
    }
    const error = await importRecordedCrime(chunks(), { file: 'rec-crime-pfa.csv' }).catch((caught) => caught);
    expect(error.message).toContain('rec-crime-pfa.csv: row');
    expect(error.issue).toMatchObject({ file: 'rec-crime-pfa.csv', row: rawRows + 1 });
    expect(error.message).toContain(`at most ${DEFAULT_MAX_RECORD_LENGTH.toLocaleString('en-GB')} characters`);
    expect(yielded).toBeLessThanOrEqual(2);
  });

  it('stops a gzipped real file with an unclosed quoted field (importFile), naming file, row and limit', async () => {
    const path = join(work, 'unclosed.csv.gz');
    // The real file, then a row whose last field opens a quote that never closes (8 MiB of text, 8 KiB gzipped).
    writeFileSync(path, gzipSync(`${rawText}30-06-2016,Durham,North East,Robbery,"${MIB.repeat(8)}`));
    const result = await importFile('recorded-crime', path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ file: path, row: rawRows + 1 });
    expect(result.message).toMatch(/of at most 65,536 characters/);
  });

  it('accepts a record exactly at the limit and refuses one character more, quoted or not', () => {
    const field = (length: number) => 'x'.repeat(length);
    expect(parseCsv(`a\n${field(10)}\n`, 't.csv', { maxRecordLength: 10 })).toEqual([['a'], [field(10)]]);
    expect(() => parseCsv(`a\n${field(11)}\n`, 't.csv', { maxRecordLength: 10 })).toThrow(
      /t\.csv: row 2: expected a record .* of at most 10 characters/,
    );
    expect(parseCsv(`a\n"${field(8)}"\n`, 't.csv', { maxRecordLength: 10 })).toEqual([['a'], [field(8)]]);
    expect(() => parseCsv(`a\n"${field(4)}\n${field(6)}"\n`, 't.csv', { maxRecordLength: 10 })).toThrow(
      /row 2: expected a record/,
    );
  });

  it('refuses more periods than MAX_RECORDED_CRIME_PERIODS, naming the row (memory stays bounded)', async () => {
    const header = rawText.slice(0, rawText.indexOf('\n') + 1);
    const rows = Array.from(
      { length: MAX_RECORDED_CRIME_PERIODS + 1 },
      (_, i) => `31-03-${1600 + i},Durham,North East,Robbery,1`,
    );
    const error = await importRecordedCrime([header, rows.join('\n')], { file: 'periods.csv' }).catch(
      (caught) => caught,
    );
    expect(error.issue).toMatchObject({
      file: 'periods.csv',
      row: MAX_RECORDED_CRIME_PERIODS + 2,
      column: '12 months ending',
    });
    expect(error.message).toContain(`at most ${MAX_RECORDED_CRIME_PERIODS} different periods`);
  });

  it('refuses a real street file grown past IMPORT_LIMITS.labels crime types, naming row and column', async () => {
    const sample = '../../data/raw/policeuk-street-sample/2016-06-durham-street.first20rows.csv';
    const street = readFileSync(fileURLToPath(new URL(sample, import.meta.url)), 'utf8').trimEnd();
    const lines = street.split('\n');
    const template = lines[4]!.split(',');
    // Copies of a real record (without its Crime ID), each with a crime type never seen before.
    const extra = Array.from({ length: IMPORT_LIMITS.labels + 1 }, (_, i) => {
      const fields = [...template];
      fields[0] = '';
      fields[9] = `Made-up type ${i + 1}`;
      return fields.join(',');
    });
    const path = join(work, 'many-types.csv');
    writeFileSync(path, `${[...lines, ...extra].join('\n')}\n`);
    const result = await importFile('police-uk-street', path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ file: path, column: 'Crime type' });
    expect(result.error.row).toBeGreaterThan(lines.length);
    expect(result.message).toContain(`at most ${IMPORT_LIMITS.labels} different crime types in one file`);
  });

  it('refuses a nonsensical limit, naming the option', () => {
    expect(() => new CsvReader('t.csv', () => {}, { maxRecordLength: 0 })).toThrow(/maxRecordLength/);
  });
});
