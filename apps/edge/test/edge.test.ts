/**
 * The Cloudflare deployment, checked without Cloudflare: the dry run's upload fits the free plan, and the bundle
 * it would upload runs in workerd (miniflare) with the site as static assets and the API under /v1, answering
 * every prebuilt URL with the bytes, ETag and headers the computing Worker gives, and with the ETags Node sends
 * (the artifact manifest's), brotli included; a site path without a page gets the site's 404 page, an API path
 * the API's problem+json. Needs `pnpm build` first (turbo runs it before the tests).
 */
import { readFileSync, rmSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetsDir, type DryRun, dryRun, startEdge } from './harness.ts';

type Entry = { negotiated: boolean; etag: string; extension: string; encoded: { br?: string; gzip?: string } };

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

/**
 * A GET. Whatever Accept-Encoding it carries, the Worker sees one that takes brotli and gzip (miniflare, like
 * Cloudflare, negotiates the coding with the client itself and decodes for a client that takes neither).
 */
const get = async (worker: Miniflare, path: string, headers: Record<string, string> = {}) =>
  (await worker.dispatchFetch(`http://localhost${path}`, { headers })) as unknown as Response;

/**
 * The coding the Worker sent: miniflare's fetch decodes the body and names the coding `MF-Content-Encoding` (the
 * Content-Length is still the encoded body's).
 */
const codingOf = (res: Response) => res.headers.get('content-encoding') ?? res.headers.get('mf-content-encoding');

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

  it("answers a site path without a page with the site's 404 page, status 404", async () => {
    for (const path of ['/no-such-page', '/forces/no-such-force', '/metrics/nope/deeper']) {
      const res = await get(edge, path);
      expect([res.status, res.headers.get('content-type')], path).toEqual([404, expect.stringMatching(/^text\/html/)]);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      const html = await res.text();
      expect(html, path).toContain('<h1>Page not found</h1>');
      expect(html, path).toContain('href="/forces"');
    }
  });

  it("answers an unknown API path with the API's problem+json 404, not the page", async () => {
    for (const path of ['/v1/nope', '/v1/forces/no-such-force']) {
      const res = await get(edge, path);
      expect([res.status, res.headers.get('content-type')], path).toEqual([404, 'application/problem+json']);
      expect(((await res.json()) as { status: number }).status, path).toBe(404);
    }
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

  /**
   * Everything that must match, the per-request headers aside; the ETag, the coding the Worker sent and its length
   * apart (a prebuilt answer is the stored brotli body, a computed one identity), the body decoded.
   */
  const answer = async (res: Response) => {
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (!/^(x-request-id|ratelimit-.*|etag|content-length|content-encoding|mf-content-encoding)$/.test(name)) {
        headers[name] = value;
      }
    });
    const sent = { etag: res.headers.get('etag'), coding: codingOf(res), length: res.headers.get('content-length') };
    return { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()).toString('base64'), sent };
  };
  /**
   * The tag of what a prebuilt answer sends: the stored brotli body's when there is one (Node's tag for those
   * bytes), else the identity body's. (The coding miniflare reports is the one it used towards the client.)
   */
  const prebuiltTag = (entry: Entry) => `"${entry.encoded.br ?? entry.etag}"`;

  it('answers every prebuilt URL exactly as the computing Worker, with the ETag Node sends', async () => {
    expect(entries.size).toBeGreaterThan(0);
    const mismatches: string[] = [];
    const check = async ([path, entry]: [string, Entry], client: number) => {
      // One client address per URL: the Worker's rate limit (600 a minute per client) stays out of the way.
      const ip = { 'CF-Connecting-IP': `198.18.${client >> 8}.${client & 255}` };
      const { sent, ...got } = await answer(await get(edge, path, ip));
      const { sent: computed, ...want } = await answer(await get(computing, path, ip));
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        mismatches.push(
          `${path}: ${got.status} ${JSON.stringify(got.headers)} vs ${want.status} ${JSON.stringify(want.headers)}`,
        );
      }
      // The computing Worker sends identity with Node's identity tag; the prebuilt answer Node's brotli body and tag
      // (decoded, the same body: compared above).
      if (computed.etag !== `"${entry.etag}"`)
        mismatches.push(`${path}: ETag ${computed.etag}, Node's "${entry.etag}"`);
      const expected = prebuiltTag(entry);
      if (sent.etag !== expected) mismatches.push(`${path}: sent ETag ${sent.etag}, want ${expected}`);
      // Revalidation is one code path for every URL: checked on every report and on a tenth of the rest.
      if (client % 10 === 0 || path.startsWith('/v1/reports/')) {
        const notModified = await get(edge, path, { ...ip, 'If-None-Match': expected });
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

  it("sends the prebuilt brotli body to a client that prefers brotli, with Node's brotli ETag", async () => {
    const ip = { 'CF-Connecting-IP': '198.19.0.2' };
    for (const path of ['/v1/reports/peel-2016-effectiveness/durham', '/v1/reports/peel-effectiveness/durham']) {
      const entry = entries.get(path)!;
      expect(entry.encoded.br, path).toBeDefined();
      const stored = readFileSync(join(folder, `bodies/${entry.encoded.br}${entry.extension}.br`));
      const plain = Buffer.from(await (await get(computing, path, ip)).arrayBuffer());
      const res = await get(edge, path, { ...ip, 'Accept-Encoding': 'br' });
      // The stored bytes as they are (not encoded again), which decode to the identity body.
      expect([codingOf(res), res.headers.get('etag'), res.headers.get('content-length')], path).toEqual([
        'br',
        `"${entry.encoded.br}"`,
        String(stored.length),
      ]);
      expect(res.headers.get('vary'), path).toBe('Accept, Accept-Encoding');
      expect(Buffer.from(await res.arrayBuffer()).equals(plain), path).toBe(true);
      expect(brotliDecompressSync(stored).equals(plain), path).toBe(true);
      // A browser's header (gzip, deflate, br) gets the same; so does its revalidation.
      const browser = { ...ip, 'Accept-Encoding': 'gzip, deflate, br' };
      const again = await get(edge, path, browser);
      expect(again.headers.get('etag'), path).toBe(`"${entry.encoded.br}"`);
      await again.arrayBuffer();
      const notModified = await get(edge, path, { ...browser, 'If-None-Match': `"${entry.encoded.br}"` });
      expect(notModified.status, path).toBe(304);
      await notModified.arrayBuffer();
    }
  });

  it('negotiates CSV by Accept as the computing Worker does', async () => {
    const csv = { Accept: 'text/csv', 'CF-Connecting-IP': '198.19.0.1' };
    const { sent, ...got } = await answer(await get(edge, '/v1/forces', csv));
    const { sent: computed, ...want } = await answer(await get(computing, '/v1/forces', csv));
    expect(got).toEqual(want);
    expect(got.headers['content-type']).toMatch(/^text\/csv/);
    expect(sent.etag).toBe(prebuiltTag(entries.get('/v1/forces.csv')!));
    expect(computed.etag).toBe(`"${entries.get('/v1/forces.csv')!.etag}"`);
  });
});
