// The peel-data command as a user gets it: the bin of the installed tarball, run through npm's .bin link.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, test } from 'vitest';

const run = promisify(execFile);
const { appDir } = inject('release');
const bin = path.join(appDir, 'node_modules/.bin/peel-data');

async function peelData(...args: string[]) {
  return run(bin, args, { cwd: appDir, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ exitCode: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      exitCode: error.code ?? 1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  );
}

describe('the installed peel-data command', () => {
  const version = (
    JSON.parse(readFileSync(path.join(appDir, 'node_modules/peel-data/package.json'), 'utf8')) as { version: string }
  ).version;

  test('is linked by npm and starts with a node shebang', () => {
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toMatch(/^#!\/usr\/bin\/env node/);
  });

  test('import --help prints its usage', async () => {
    const result = await peelData('import', '--help');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: peel-data import');
  });

  test('diff bundled bundled finds no differences (exit 0)', async () => {
    expect(await peelData('diff', 'bundled', 'bundled')).toEqual({
      exitCode: 0,
      stdout: `peel-data ${version} → ${version}: no differences in the data\n`,
      stderr: '',
    });
  });

  test('diff reads another installed peel-data from its folder', async () => {
    expect(await peelData('diff', 'node_modules/peel-data', 'bundled')).toEqual({
      exitCode: 0,
      stdout: `peel-data ${version} → ${version}: no differences in the data\n`,
      stderr: '',
    });
  });

  test('diff with one release is a usage error (exit 2)', async () => {
    const result = await peelData('diff', 'bundled');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Usage: peel-data diff <older> <newer>');
  });
});
