// Issue 14, findings 7, 8 and 10 (import side): the release loader checks what the importer checks, imports
// are atomic and polite, and imported labels carry no control characters.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { escapeControlCharacters, runDiffCommand } from '../cli-diff.ts';
import { importFile, importIntoRelease, loadRelease, writeRelease } from '../node.ts';
import type { RecordedCrimeDataset } from '../types/recorded-crime.ts';

const raw = (path: string) => fileURLToPath(new URL(`../../data/raw/${path}`, import.meta.url));
const REC = raw('ons-rec-crime-pfa/rec-crime-pfa.csv');
const STREET = raw('policeuk-street-sample/2016-06-durham-street.first20rows.csv');
const work = mkdtempSync(join(tmpdir(), 'peel-integrity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const result = await importFile('recorded-crime', REC);
if (!result.ok) throw new Error(result.message);
const recordedCrime = result.value.dataset as RecordedCrimeDataset;
const JUNE_2016 = recordedCrime.periods.indexOf('2016-06-30');

let dir: string;
let counter = 0;
beforeEach(async () => {
  dir = join(work, `release-${(counter += 1)}`);
  await writeRelease(dir, { recordedCrime }, { recordedCrime: [REC] });
});

const manifestOf = (folder: string) => JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
const datasetPath = (folder: string) => join(folder, manifestOf(folder).datasets.recordedCrime.file);

/** Edits the recorded-crime file; with `rehash`, also updates the manifest as a careful tamperer would. */
function edit(change: (json: RecordedCrimeDataset) => void, options: { rehash: boolean }): void {
  const path = datasetPath(dir);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  const text = JSON.stringify(json);
  writeFileSync(path, text);
  if (!options.rehash) return;
  const manifest = manifestOf(dir);
  manifest.datasets.recordedCrime.sha256 = createHash('sha256').update(text).digest('hex');
  manifest.datasets.recordedCrime.bytes = Buffer.byteLength(text);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

describe('finding 7: the loader applies the importer rules, the content hash and the folder boundary', () => {
  it('reads back the import of the real file unchanged', async () => {
    expect((await loadRelease(dir)).recordedCrime).toEqual(recordedCrime);
  });

  it.each([
    {
      name: 'a fractional count',
      change: (json: RecordedCrimeDataset) => void (json.series['durham']!['sexual-offences']![JUNE_2016] = 1234.5),
      says: /column "series\.durham\.sexual-offences\.\d+": expected a whole number/,
    },
    {
      name: 'a count of 1e308',
      change: (json: RecordedCrimeDataset) => void (json.series['durham']!['robbery']![JUNE_2016] = 1e308),
      says: /column "series\.durham\.robbery\.\d+": expected a whole number from -1000000000 to 1000000000/,
    },
    {
      name: 'an unknown series',
      change: (json: RecordedCrimeDataset) => void (json.series['atlantis'] = json.series['durham']!),
      says: /column "series\.atlantis": expected a force slug/,
    },
    {
      name: 'a swapped source',
      change: (json: RecordedCrimeDataset) => void (json.source = 'ho-outcomes-2017-18'),
      says: /column "source": expected a source a recordedCrime import writes \(ons-rec-crime-pfa\)/,
    },
    {
      name: 'a negative count without its note',
      change: (json: RecordedCrimeDataset) => void (json.series['durham']!['robbery']![JUNE_2016] = -5),
      says: /expected a negative count only with its negative-count note/,
    },
    {
      name: 'a label with an escape character',
      change: (json: RecordedCrimeDataset) => void (json.notes[0]!.text = 'adjusted\u001b[2J'),
      says: /column "notes\.0\.text": expected text without control characters/,
    },
  ])('refuses $name even with a recomputed hash, naming file, JSON path and rule', async ({ change, says }) => {
    edit(change, { rehash: true });
    const error = await loadRelease(dir).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(datasetPath(dir));
    expect((error as Error).message).toMatch(says);
  });

  it('refuses a hand edit that keeps the shape (Durham sexual offences × 25), naming the file', async () => {
    edit(
      (json) => {
        const counts = json.series['durham']!['sexual-offences']!;
        counts[JUNE_2016] = (counts[JUNE_2016] as number) * 25;
      },
      { rehash: false },
    );
    await expect(loadRelease(dir)).rejects.toThrow(
      new RegExp(`${datasetPath(dir).replaceAll('.', '\\.')}: expected the content peel-data import wrote .*edited`),
    );
  });

  it('refuses a manifest path outside the folder without reading or echoing it', async () => {
    const outside = join(work, 'secret.txt');
    writeFileSync(outside, 'root:x:0:0:secret\n');
    const manifest = manifestOf(dir);
    manifest.datasets.recordedCrime.file = '../secret.txt';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const error = (await loadRelease(dir).catch((caught: Error) => caught)) as Error;
    expect(error.message).toMatch(/manifest\.json: column "datasets\.recordedCrime\.file"/);
    expect(error.message).not.toContain('root:');
  });

  it('refuses a dataset file that is a symlink leading outside the folder', async () => {
    const path = datasetPath(dir);
    const outside = join(work, 'outside.json');
    writeFileSync(outside, readFileSync(path));
    rmSync(path);
    symlinkSync(outside, path);
    await expect(loadRelease(dir)).rejects.toThrow(/expected a file inside the release folder/);
  });

  it('does not echo a file that is not JSON', async () => {
    writeFileSync(datasetPath(dir), 'root:x:0:0:secret\n');
    const error = (await loadRelease(dir).catch((caught: Error) => caught)) as Error;
    expect(error.message).toMatch(/expected JSON written by peel-data import/);
    expect(error.message).not.toContain('root:');
  });
});

describe('finding 8: imports into an existing release are atomic and polite', () => {
  it('keeps files and folders the import does not own', async () => {
    writeFileSync(join(dir, 'README-ops.txt'), 'ops notes');
    mkdirSync(join(dir, 'backup'));
    writeFileSync(join(dir, 'backup', 'old.json'), '{}');
    expect((await importIntoRelease('police-uk-street', STREET, dir)).ok).toBe(true);
    expect(readFileSync(join(dir, 'README-ops.txt'), 'utf8')).toBe('ops notes');
    expect(readFileSync(join(dir, 'backup', 'old.json'), 'utf8')).toBe('{}');
    expect(Object.keys(await loadRelease(dir)).sort()).toEqual(['policeUkStreet', 'recordedCrime']);
  });

  it('follows a symlinked --out explicitly: the link stays, the release is written where it points', async () => {
    const link = join(work, `link-${counter}`);
    symlinkSync(dir, link);
    const imported = await importIntoRelease('police-uk-street', STREET, link);
    expect(imported.ok && imported.value.written).toEqual({ folder: dir, followedSymlink: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect((await loadRelease(dir)).policeUkStreet).toBeDefined();
  });

  it('never leaves a reader without a valid release while it writes', async () => {
    // One reader reading again and again while the import runs: every read finds a whole release.
    let writing = true;
    const failures: string[] = [];
    let reads = 0;
    const writer = importIntoRelease('police-uk-street', STREET, dir).finally(() => (writing = false));
    while (writing) {
      await loadRelease(dir).then(
        () => (reads += 1),
        (error: Error) => failures.push(error.message),
      );
    }
    expect((await writer).ok).toBe(true);
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(0);
  });

  it('recovers a lock left by a process that is gone, and refuses one held by a live process', async () => {
    const lock = join(work, `.${dir.split('/').at(-1)}.lock`);
    // A process id that certainly ran and ended: a child that exits at once.
    const gone = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']));
    writeFileSync(lock, `${gone}\n`);
    // The killed import also left a temporary file in the folder: the next import clears it.
    const litter = join(dir, `.manifest.json.tmp-${gone}-0123abcd`);
    writeFileSync(litter, '{');
    expect((await importIntoRelease('police-uk-street', STREET, dir)).ok).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(litter)).toBe(false);
    writeFileSync(lock, `${process.pid}\n`);
    const refused = await importIntoRelease('police-uk-street', STREET, dir);
    expect(!refused.ok && refused.message).toMatch(/another peel-data import is running/);
    rmSync(lock);
  });

  it('refuses a version 1 folder (no hashes) at load, and rewrites it as version 2 on the next import', async () => {
    const old = join(work, `v1-${counter}`);
    mkdirSync(old);
    writeFileSync(join(old, 'recorded-crime.json'), JSON.stringify(recordedCrime));
    const datasets = { recordedCrime: { file: 'recorded-crime.json', importedFrom: [REC] } };
    writeFileSync(join(old, 'manifest.json'), JSON.stringify({ format: 'peel-data-release', version: 1, datasets }));
    await expect(loadRelease(old)).rejects.toThrow(/column "version": expected a version 2 manifest/);
    expect((await importIntoRelease('police-uk-street', STREET, old)).ok).toBe(true);
    expect(manifestOf(old).version).toBe(2);
    expect((await loadRelease(old)).recordedCrime).toEqual(recordedCrime);
  });

  it('writes into a folder holding only what a first import left when it was killed before its manifest', async () => {
    const killed = join(work, `killed-${counter}`);
    mkdirSync(killed);
    writeFileSync(join(killed, 'police-uk-street.0123456789abcdef.json'), '{"half');
    expect((await importIntoRelease('police-uk-street', STREET, killed)).ok).toBe(true);
    expect(readdirSync(killed).filter((name) => name.includes('0123456789abcdef'))).toEqual([]);
    expect((await loadRelease(killed)).policeUkStreet).toBeDefined();
  });

  it('removes only its own superseded dataset files', async () => {
    const first = manifestOf(dir).datasets.recordedCrime.file;
    const changed = structuredClone(recordedCrime);
    changed.series['durham']!['robbery']![JUNE_2016] = (changed.series['durham']!['robbery']![JUNE_2016] as number) + 1;
    await writeRelease(dir, { recordedCrime: changed });
    const second = manifestOf(dir).datasets.recordedCrime.file;
    expect(second).not.toBe(first);
    // The previous generation stays for readers that read the old manifest; the one before it goes.
    const files = () => readdirSync(dir).filter((name) => name.startsWith('recorded-crime.'));
    expect(files().sort()).toEqual([first, second].sort());
    changed.series['durham']!['robbery']![JUNE_2016] = (changed.series['durham']!['robbery']![JUNE_2016] as number) + 1;
    await writeRelease(dir, { recordedCrime: changed });
    const third = manifestOf(dir).datasets.recordedCrime.file;
    expect(files().sort()).toEqual([second, third].sort());
  });
});

describe('finding 10 (import side): labels without control characters', () => {
  it('refuses a real street file whose crime type holds ESC, naming file, row and column', async () => {
    const lines = readFileSync(STREET, 'utf8').split('\n');
    const path = join(work, 'street-escape.csv');
    // Row 5 is an "Other theft" record; its crime type (column 10) gets a terminal-title escape sequence.
    const fields = lines[4]!.split(',');
    expect(fields[9]).toBe('Other theft');
    fields[9] = 'Burglary\u001b]0;pwned\u0007';
    lines[4] = fields.join(',');
    writeFileSync(path, lines.join('\n'));
    const imported = await importFile('police-uk-street', path);
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    expect(imported.error).toMatchObject({ file: path, row: 5, column: 'Crime type' });
    expect(imported.message).toContain('\\u001b');
    expect(imported.message).not.toContain('\u001b');
  });

  it('peel-data diff prints control characters escaped', async () => {
    let text = '';
    const code = await runDiffCommand(['bundled', join(work, 'missing\u001b[2J.json')], {
      stdout: (chunk) => (text += chunk),
      stderr: (chunk) => (text += chunk),
    });
    expect(code).toBe(2);
    expect(text).toContain('missing\\u001B[2J.json');
    expect(text).not.toContain('\u001b');
    expect(escapeControlCharacters('a\tb\nc\u0007\u202e')).toBe('a\tb\nc\\u0007\\u202E');
  });
});
