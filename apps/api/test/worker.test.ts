/**
 * Proves the edge claim: the Workers entry, bundled as wrangler would bundle it, runs inside workerd (via
 * miniflare, no network, `cf: false`) and answers the shared route cases exactly as the in-process app does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCases, runRouteCase } from './route-cases.ts';

process.env.WRANGLER_SEND_METRICS = 'false';
let miniflare: Miniflare;
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'peel-worker-'));
  const scriptPath = join(outDir, 'worker.js');
  await build({
    entryPoints: [new URL('../src/worker.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['peel-source', 'workerd', 'worker'],
    outfile: scriptPath,
    logLevel: 'error',
  });
  miniflare = new Miniflare({
    modules: true,
    scriptPath,
    modulesRoot: outDir,
    compatibilityDate: '2026-04-01',
    cf: false,
  });
  await miniflare.ready;
}, 60_000);

afterAll(async () => {
  await miniflare?.dispose();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('inside workerd', () => {
  it.each(routeCases)('$name: $path', async (routeCase) => {
    const fetcher = async (path: string, init: RequestInit) =>
      (await miniflare.dispatchFetch(`http://localhost${path}`, init as never)) as unknown as Response;
    expect(await runRouteCase(fetcher, routeCase)).toEqual([]);
  });

  it('keeps a rate limit per CF-Connecting-IP', async () => {
    const res = await miniflare.dispatchFetch('http://localhost/healthz', {
      headers: { 'CF-Connecting-IP': '203.0.113.9' },
    });
    expect(res.headers.get('ratelimit-limit')).toBe('600');
    await res.text();
  });
});
