import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runDiffCommand } from './cli-diff.ts';
import { forces } from './datasets/forces.ts';
import { recordedCrimeCount } from './datasets/recorded-crime.ts';
import { writeRelease } from './import/release.ts';
import { bundledRelease } from './release.ts';
import { missing } from './types/missing.ts';

let dir: string;
const june2016 = { type: 'rolling-12m', end: '2016-06-30' };

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runDiffCommand(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { exitCode, stdout, stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'peel-cli-diff-'));
  const durham = forces.find((force) => force.slug === 'durham')!;
  const older = {
    version: '0.1.0',
    forces: [durham],
    arrests: [{ force: 'durham', period: june2016, arrests: missing('x', 'not supplied') }],
  };
  const newer = {
    version: '0.2.0',
    forces: [{ ...durham, name: 'Durham Police' }],
    arrests: [
      { force: 'durham', period: june2016, arrests: 812 },
      { force: 'durham', period: { type: 'rolling-12m', end: '2017-06-30' }, arrests: 790 },
    ],
  };
  await writeFile(path.join(dir, 'older.json'), JSON.stringify(older));
  await writeFile(path.join(dir, 'newer.json'), JSON.stringify(newer));
  await writeFile(path.join(dir, 'broken.json'), '{ "version": ');
  await writeFile(path.join(dir, 'no-version.json'), '{ "forces": [] }');
  await mkdir(path.join(dir, 'not-peel'));
  await writeFile(path.join(dir, 'not-peel/package.json'), '{ "name": "left-pad" }');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('peel-data diff', () => {
  test('lists counts and each revision, change and addition, and exits 1', async () => {
    const result = await run([path.join(dir, 'older.json'), path.join(dir, 'newer.json')]);
    expect(result).toMatchObject({ exitCode: 1, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('peel-data 0.1.0 → 0.2.0');
    expect(lines).toContain('arrests        1        0        1        0');
    expect(lines).toContain('forces         0        1        0        0');
    expect(lines).toContain(
      '  arrests  force=durham · period=12 months to 30 June 2016  arrests: [x] (not supplied) → 812',
    );
    const durham = forces.find((force) => force.slug === 'durham')!;
    expect(lines).toContain(`  forces  slug=durham  name: ${JSON.stringify(durham.name)} → "Durham Police"`);
    expect(lines).toContain('  arrests  force=durham · period=12 months to 30 June 2017');
  });

  test('the same release twice exits 0 and says so', async () => {
    const file = path.join(dir, 'older.json');
    expect(await run([file, file])).toEqual({
      exitCode: 0,
      stdout: 'peel-data 0.1.0 → 0.1.0: no differences in the data\n',
      stderr: '',
    });
  });

  test('--json prints the whole comparison', async () => {
    const result = await run(['--json', path.join(dir, 'older.json'), path.join(dir, 'newer.json')]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      from: '0.1.0',
      to: '0.2.0',
      revised: [{ field: 'arrests', to: 812 }],
      added: [{ dataset: 'arrests' }],
    });
  });

  test('--limit 0 keeps only the counts', async () => {
    const result = await run([path.join(dir, 'older.json'), path.join(dir, 'newer.json'), '--limit', '0']);
    expect(result.stdout).not.toContain('Revised');
    expect(result.stdout).toContain('arrests        1');
  });

  test.each([
    { name: 'one release only', argv: ['bundled'], message: 'expected two releases to compare, received 1 (bundled)' },
    { name: 'an unknown option', argv: ['a', 'b', '--colour'], message: 'unknown option --colour' },
    {
      name: 'a limit that is not a number',
      argv: ['a', 'b', '--limit', 'ten'],
      message: '--limit expects a whole number of rows, received "ten"',
    },
  ])('$name is a usage error (exit 2)', async ({ argv, message }) => {
    const result = await run(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`peel-data diff: ${message}`);
    expect(result.stderr).toContain('Usage: peel-data diff <older> <newer>');
  });

  test.each([
    {
      name: 'a path that does not exist',
      file: 'nowhere.json',
      message: /cannot read .*nowhere\.json: no such file or folder/,
    },
    { name: 'a file that is not JSON', file: 'broken.json', message: /cannot read .*broken\.json: not valid JSON/ },
    {
      name: 'JSON without a version',
      file: 'no-version.json',
      message: /cannot read .*no-version\.json: a release file is a JSON object with a string "version"/,
    },
    {
      name: 'a folder that is not peel-data',
      file: 'not-peel',
      message: new RegExp(
        'cannot read .*not-peel: a folder must be a release folder written by "peel-data import" ' +
          '\\(with manifest\\.json\\) or an installed peel-data package',
      ),
    },
  ])('$name is an input error naming the file (exit 2)', async ({ file, message }) => {
    const result = await run([path.join(dir, file), path.join(dir, 'older.json')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('peel-data diff with the bundled release', () => {
  test('bundled against itself: no differences, exit 0', async () => {
    const version = bundledRelease.version;
    expect(await run(['bundled', 'bundled'])).toEqual({
      exitCode: 0,
      stdout: `peel-data ${version} → ${version}: no differences in the data\n`,
      stderr: '',
    });
  });

  test('a release folder with one re-published count shows exactly that revision', { timeout: 60_000 }, async () => {
    const before = recordedCrimeCount(bundledRelease.recordedCrime, 'durham', 'domestic-burglary', '2016-06-30');
    expect(typeof before).toBe('number');
    const revised = structuredClone(bundledRelease.recordedCrime);
    (revised.series.durham!['domestic-burglary'] as number[])[revised.periods.indexOf('2016-06-30')] =
      (before as number) + 3;
    const folder = path.join(dir, 'release');
    await writeRelease(folder, { recordedCrime: revised });
    const result = await run(['bundled', folder]);
    expect(result).toMatchObject({ exitCode: 1, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`peel-data ${bundledRelease.version} → ${bundledRelease.version} + ${folder}`);
    expect(lines).toContain('recordedCrime        1        0        0        0');
    expect(lines).toContain(
      `  recordedCrime  series.durham.domestic-burglary · period=2016-06-30  value: ${before} → ` +
        `${(before as number) + 3}`,
    );
  });
});
