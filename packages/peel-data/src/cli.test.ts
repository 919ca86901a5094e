import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { loadRelease } from './node.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/import/${name}`, import.meta.url));
const street = fileURLToPath(
  new URL('../data/raw/policeuk-street-sample/2016-06-durham-street.first20rows.csv', import.meta.url),
);

let work: string;
let out: string[];
let err: string[];
const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
const run = (...args: string[]) => runCli(args, io);

/** Every file under a folder with its bytes, to prove a folder is untouched. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) files[name] = readFileSync(join(dir, name), 'utf8');
  return files;
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'peel-cli-'));
  out = [];
  err = [];
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('peel-data import', () => {
  it('writes a release that loadRelease reads back in the bundled shape (exit 0)', async () => {
    const dir = join(work, 'release');
    expect(await run('import', '--format', 'ho-outcomes', fixture('ho-outcomes-valid.csv'), '--out', dir)).toBe(0);
    const release = await loadRelease(dir);
    expect(release.outcomes?.forces).toEqual(['durham']);
    expect(out.join('\n')).toContain('wrote outcomes from');
    expect(out.join('\n')).toContain('(42 rows checked)');
  });

  it('exits 1 on bad input, names file, row and column, and writes nothing', async () => {
    const dir = join(work, 'release');
    expect(
      await run('import', '--format', 'ho-outcomes', fixture('ho-outcomes-non-numeric-count.csv'), '--out', dir),
    ).toBe(1);
    expect(err.join('\n')).toMatch(/ho-outcomes-non-numeric-count\.csv: row 6, column "offences"/);
    expect(() => statSync(dir)).toThrow();
    expect(readdirSync(work)).toEqual([]);
  });

  it('leaves an existing release folder untouched when the new file is bad', async () => {
    const dir = join(work, 'release');
    expect(await run('import', '--format', 'police-uk-street', street, '--out', dir)).toBe(0);
    const before = snapshot(dir);
    expect(await run('import', '--format', 'ho-outcomes', fixture('ho-outcomes-truncated.csv'), '--out', dir)).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(work)).toEqual(['release']);
  });

  it('keeps datasets already stored when adding another one', async () => {
    const dir = join(work, 'release');
    expect(await run('import', '--format', 'police-uk-street', street, '--out', dir)).toBe(0);
    expect(await run('import', '--format', 'ho-outcomes', fixture('ho-outcomes-valid.csv'), '--out', dir)).toBe(0);
    const release = await loadRelease(dir);
    expect(Object.keys(release).sort()).toEqual(['outcomes', 'policeUkStreet']);
  });

  it('refuses to replace a folder that is not a release (exit 1, folder untouched)', async () => {
    const dir = join(work, 'notes');
    mkdirSync(dir);
    writeFileSync(join(dir, 'mine.txt'), 'keep me');
    expect(await run('import', '--format', 'ho-outcomes', fixture('ho-outcomes-valid.csv'), '--out', dir)).toBe(1);
    expect(snapshot(dir)).toEqual({ 'mine.txt': 'keep me' });
  });

  it('hands "diff" to the diff command (a release compared with itself: exit 0)', async () => {
    expect(await run('diff', 'bundled', 'bundled')).toBe(0);
    expect(await run('diff', '--help')).toBe(0);
    expect(out.join('\n')).toContain('Usage: peel-data diff');
  });

  it('refuses to write while another import holds the folder lock (exit 1, folder untouched)', async () => {
    const dir = join(work, 'release');
    expect(await run('import', '--format', 'police-uk-street', street, '--out', dir)).toBe(0);
    const before = snapshot(dir);
    // A lock held by a running process (this one): a lock of a process that is gone is recovered instead.
    writeFileSync(join(work, '.release.lock'), `${process.pid}\n`);
    expect(await run('import', '--format', 'ho-outcomes', fixture('ho-outcomes-valid.csv'), '--out', dir)).toBe(1);
    expect(err.join('\n')).toMatch(/another peel-data import is running/);
    expect(snapshot(dir)).toEqual(before);
    rmSync(join(work, '.release.lock'));
    expect(await run('import', '--format', 'ho-outcomes', fixture('ho-outcomes-valid.csv'), '--out', dir)).toBe(0);
    expect(readdirSync(work).sort()).toEqual(['release']);
  });

  it('follows a symlinked --out and says where it wrote (the link stays a link)', async () => {
    const target = join(work, 'target');
    mkdirSync(target);
    symlinkSync(target, join(work, 'link'));
    expect(
      await run('import', '--format', 'ho-outcomes', fixture('ho-outcomes-valid.csv'), '--out', join(work, 'link')),
    ).toBe(0);
    expect(out.join('\n')).toContain(`is a symlink: the release was written in the folder it points to, ${target}`);
    expect(lstatSync(join(work, 'link')).isSymbolicLink()).toBe(true);
    expect((await loadRelease(target)).outcomes?.forces).toEqual(['durham']);
  });

  it('refuses an --out that is a file (exit 1, file untouched)', async () => {
    const path = join(work, 'release.txt');
    writeFileSync(path, 'not a folder');
    expect(await run('import', '--format', 'ho-outcomes', fixture('ho-outcomes-valid.csv'), '--out', path)).toBe(1);
    expect(err.join('\n')).toMatch(/release\.txt: expected a folder for the release \(--out\), received a file/);
    expect(readFileSync(path, 'utf8')).toBe('not a folder');
  });

  it.each([
    { name: 'no arguments', args: [] as string[] },
    { name: 'unknown command', args: ['export', '--format', 'ho-outcomes', 'x.csv', '--out', 'o'] },
    { name: 'unknown format', args: ['import', '--format', 'xlsx', 'x.csv', '--out', 'o'] },
    { name: 'missing --out', args: ['import', '--format', 'ho-outcomes', 'x.csv'] },
    { name: 'missing file', args: ['import', '--format', 'ho-outcomes', '--out', 'o'] },
    { name: 'unknown option', args: ['import', '--fromat', 'ho-outcomes', 'x.csv', '--out', 'o'] },
  ])('exits 2 with usage on $name', async ({ args }) => {
    expect(await runCli(args, io)).toBe(2);
    expect(err.join('\n')).toContain('Usage: peel-data import');
  });
});
