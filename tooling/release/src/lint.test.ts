import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, inject, test } from 'vitest';

const run = promisify(execFile);
const { packed } = inject('release');
const attwBin = path.resolve(import.meta.dirname, '../node_modules/.bin/attw');

describe.each(packed.map((pkg) => [pkg.name, pkg] as const))('%s tarball', (_name, pkg) => {
  test('publint reports no errors, warnings or suggestions', async () => {
    const tarball = await readFile(pkg.tarball);
    const { messages, pkg: manifest } = await publint({
      pack: {
        tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer,
      },
      level: 'suggestion',
      strict: true,
    });
    expect(
      messages.map((message) => `${message.type} ${message.code}: ${formatMessage(message, manifest) ?? ''}`),
    ).toEqual([]);
  });

  // ESM only by design (STYLE.md): the esm-only profile leaves out the CommonJS-require and node10 resolutions.
  test('are-the-types-wrong finds no problem under the esm-only profile', async () => {
    const result = await run(attwBin, [pkg.tarball, '--profile', 'esm-only', '--format', 'json'], {
      timeout: 60_000,
    }).then(
      ({ stdout }) => ({ stdout, exitCode: 0 }),
      (error: { stdout?: string; code?: number }) => ({ stdout: error.stdout ?? '', exitCode: error.code ?? 1 }),
    );
    const report = JSON.parse(result.stdout) as {
      analysis: { problems: { kind: string; entrypoint?: string; resolutionKind?: string }[] };
    };
    const problems = report.analysis.problems
      .filter((problem) => problem.resolutionKind !== 'node10' && problem.resolutionKind !== 'node16-cjs')
      .map(
        (problem) => `${problem.kind} at ${problem.entrypoint ?? '?'} (${problem.resolutionKind ?? 'any resolution'})`,
      );
    expect(problems).toEqual([]);
    expect(result.exitCode).toBe(0);
  });
});
