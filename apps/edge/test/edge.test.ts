/**
 * The Cloudflare deployment, checked without Cloudflare: the dry run's upload fits the free plan, and the bundle
 * it would upload runs in workerd (miniflare) with the site as static assets and the API under /v1, answering
 * every prebuilt URL with the bytes, ETag and headers the computing Worker gives, and with the ETags Node sends
 * (the artifact manifest's). Needs `pnpm build` first (turbo runs it before the tests).
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetsDir, type DryRun, dryRun, startEdge } from './harness.ts';

type Entry = { negotiated: boolean; etag: string };

/** The free plan's limit on a Worker's compressed size. */
const FREE_PLAN_GZIP_BYTES = 3_000_000;

let bundle: DryRun;
let edge: Miniflare;
let computing: Miniflare;

beforeAll(async () => {
  bundle = dryRun();
  edge = await startEdge(bundle.scriptPath);
  computing = await startEdge(bundle.scriptPath, { assets: false });
});
afterAll(async () => {
  await edge?.dispose();
  await computing?.dispose();
  if (bundle) rmSync(dirname(bundle.scriptPath), { recursive: true, force: true });
});

const get = async (worker: Miniflare, path: string, headers: Record<string, string> = {}) =>
  (await worker.dispatchFetch(`http://localhost${path}`, { headers })) as unknown as Response;

describe('wrangler deploy --dry-run', () => {
  it('uploads at most 3 MB gzip (the free plan) with the site and the artifacts as assets', () => {
    expect(bundle.gzipBytes, bundle.output).toBeLessThanOrEqual(FREE_PLAN_GZIP_BYTES);
    expect(bundle.assetFiles).toBeGreaterThan(0);
  });
});

describe('the site as static assets in workerd', () => {
  it('serves the home page with the site security headers', async () => {
    const res = await get(edge, '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await res.text()).toContain('<html');
  });

  it('serves a force report page, naming the force the API names', async () => {
    const force = (await (await get(edge, '/v1/forces/durham')).json()) as { name: string };
    const res = await get(edge, '/forces/durham');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain(force.name);
  });

  it('serves a metric page, labelled as the API labels the metric', async () => {
    const { metrics } = (await (await get(edge, '/v1/metrics')).json()) as { metrics: { id: string; label: string }[] };
    const metric = metrics[0]!;
    const res = await get(edge, `/metrics/${metric.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(metric.label.replaceAll('&', '&amp;'));
  });

  it('serves a CSV download linked from the downloads page', async () => {
    const page = await (await get(edge, '/data')).text();
    const href = /href="(\/data\/[^"]+\.csv)"/.exec(page)?.[1];
    expect(href, 'a .csv link on /data').toBeDefined();
    const res = await get(edge, href!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await res.text()).split('\n').length).toBeGreaterThan(2);
  });

  it('keeps the artifact folder private: /_artifacts/ reaches the Worker, which has no such route', async () => {
    const res = await get(edge, '/_artifacts/manifest.json');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    await res.arrayBuffer();
  });
});

describe('the API in workerd, from its prebuilt answers', () => {
  const folder = join(assetsDir, '_artifacts');
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { shards: string[] };
  const entries = new Map<string, Entry>();
  for (const shard of manifest.shards) {
    const shardEntries = JSON.parse(readFileSync(join(folder, `entries/${shard}.json`), 'utf8')) as Record<
      string,
      Entry
    >;
    for (const [path, entry] of Object.entries(shardEntries)) entries.set(path, entry);
  }

  /** Everything that must match, the per-request headers aside. */
  const answer = async (res: Response) => {
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (name !== 'x-request-id' && !name.startsWith('ratelimit-')) headers[name] = value;
    });
    return { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()).toString('base64') };
  };

  it('answers every prebuilt URL exactly as the computing Worker, with the ETag Node sends', async () => {
    expect(entries.size).toBeGreaterThan(0);
    const mismatches: string[] = [];
    const check = async ([path, entry]: [string, Entry], client: number) => {
      // One client address per URL: the Worker's rate limit (600 a minute per client) stays out of the way.
      const ip = { 'CF-Connecting-IP': `198.18.${client >> 8}.${client & 255}` };
      const got = await answer(await get(edge, path, ip));
      const want = await answer(await get(computing, path, ip));
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        mismatches.push(
          `${path}: ${got.status} ${JSON.stringify(got.headers)} vs ${want.status} ${JSON.stringify(want.headers)}`,
        );
      }
      if (got.headers.etag !== `"${entry.etag}"`) {
        mismatches.push(`${path}: ETag ${got.headers.etag}, Node's "${entry.etag}"`);
      }
      // Revalidation is one code path for every URL: checked on every report and on a tenth of the rest.
      if (client % 10 === 0 || path.startsWith('/v1/reports/')) {
        const notModified = await get(edge, path, { ...ip, 'If-None-Match': `"${entry.etag}"` });
        if (notModified.status !== 304) mismatches.push(`${path}: If-None-Match answered ${notModified.status}`);
        await notModified.arrayBuffer();
      }
    };
    // A few requests in flight at a time: the round trips to workerd overlap.
    const queue = [...entries].map((item, index) => [item, index] as const);
    const lanes = Array.from({ length: 6 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await check(...next);
    });
    await Promise.all(lanes);
    expect(mismatches.slice(0, 10)).toEqual([]);
  }, 600_000);

  it('negotiates CSV by Accept as the computing Worker does', async () => {
    const csv = { Accept: 'text/csv', 'CF-Connecting-IP': '198.19.0.1' };
    const [got, want] = [
      await answer(await get(edge, '/v1/forces', csv)),
      await answer(await get(computing, '/v1/forces', csv)),
    ];
    expect(got).toEqual(want);
    expect(got.headers['content-type']).toMatch(/^text\/csv/);
  });
});
