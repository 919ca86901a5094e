/**
 * The Node entry as users start it: a child process on 127.0.0.1, port 0 (any free port), stopped after.
 * Serves the bundled data by default, a `peel-data import` folder with PEEL_DATA_DIR, and refuses to start,
 * with the reason, on a folder that is not a release.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledRelease } from 'peel-data';
import { writeRelease } from 'peel-data/node';
import { afterAll, describe, expect, it } from 'vitest';

const apiDir = new URL('..', import.meta.url).pathname;
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Starts src/node.ts; resolves with its origin once it listens, or with its exit code and stderr. */
function start(env: Record<string, string>): Promise<{ origin?: string; code?: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=peel-source', 'src/node.ts'], {
    cwd: apiDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_REQUESTS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  return new Promise((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(stdout);
      if (match) resolve({ origin: match[1]!, stderr });
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe.concurrent('node entry (src/node.ts)', () => {
  it('serves the bundled release', async () => {
    const { origin, stderr } = await start({});
    expect(origin, stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = (await (await fetch(`${origin}/healthz`)).json()) as { release: { source: string } };
    expect(health.release.source).toBe('bundled');
    expect((await fetch(`${origin}/v1/forces/durham`)).status).toBe(200);
  }, 30_000);

  it('rate-limits per client socket (RATE_LIMIT), repeats from the memo included', async () => {
    const { origin, stderr } = await start({ RATE_LIMIT: '3/60' });
    expect(origin, stderr).toBeDefined();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await fetch(`${origin}/v1/forces/durham`);
      statuses.push(last.status);
      await last.arrayBuffer();
    }
    // The first is routed; the next two come from the front door's memo; the fourth is over the limit.
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(last!.headers.get('content-type')).toBe('application/problem+json');
    // Another client address (127.0.0.2 is loopback too on Linux) has its own allowance.
    const other = await new Promise<number>((resolve, reject) => {
      get(`${origin}/v1/forces/durham`, { localAddress: '127.0.0.2' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(other).toBe(200);
  }, 30_000);

  it('serves a PEEL_DATA_DIR release folder written by peel-data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peel-release-'));
    dirs.push(dir);
    await writeRelease(dir, { recordedCrime: bundledRelease.recordedCrime }, { recordedCrime: ['rec-crime-pfa.csv'] });
    const { origin, stderr } = await start({ PEEL_DATA_DIR: dir });
    expect(origin, stderr).toBeDefined();
    const health = (await (await fetch(`${origin}/healthz`)).json()) as { release: { id: string; source: string } };
    expect(health.release).toMatchObject({ source: 'directory' });
    expect(health.release.id).toContain(dir);
  }, 30_000);

  it.each([
    {
      label: 'a folder that does not exist',
      dir: () => join(tmpdir(), 'peel-no-such-folder-7f3a'),
      reason: /manifest|no such|ENOENT/i,
    },
    {
      label: 'a folder with a broken manifest',
      dir: () => {
        const dir = mkdtempSync(join(tmpdir(), 'peel-bad-release-'));
        dirs.push(dir);
        writeFileSync(join(dir, 'manifest.json'), '{"format":"something-else"}');
        return dir;
      },
      reason: /manifest/i,
    },
  ])(
    'refuses to start on $label, with the reason',
    async ({ dir, reason }) => {
      const { origin, code, stderr } = await start({ PEEL_DATA_DIR: dir() });
      expect(origin).toBeUndefined();
      expect(code).toBe(1);
      expect(stderr).toMatch(/refused to start/);
      expect(stderr).toMatch(reason);
    },
    30_000,
  );

  it('refuses to start on a release whose dataset was edited by hand, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peel-edited-release-'));
    dirs.push(dir);
    await writeRelease(dir, { recordedCrime: bundledRelease.recordedCrime });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const file = join(dir, manifest.datasets.recordedCrime.file);
    // One count gains a digit: still valid JSON of the right shape, but not what the import wrote.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(\d),/, '$17,'));
    const { origin, code, stderr } = await start({ PEEL_DATA_DIR: dir });
    expect(origin).toBeUndefined();
    expect(code).toBe(1);
    expect(stderr).toContain(file);
    expect(stderr).toMatch(/edited or replaced after the import/);
  }, 30_000);

  it('refuses a bad PORT, naming it', async () => {
    const { code, stderr } = await start({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT must be a whole number.*"eighty"/);
  }, 30_000);
});
