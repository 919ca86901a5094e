/**
 * The release build's artifacts (dist/artifacts/, written by `pnpm build`) answer exactly as the computing app:
 * for every release-stable URL, as Node serves it (identity, gzip and brotli) and as Workers serve it (identity,
 * and the prebuilt brotli bodies, which are what Node computes: a Worker cannot make brotli), the same status,
 * bytes, ETag and headers (the request id aside), and the same 304. Needs the build first (turbo runs it before the
 * tests); apps/edge checks the same inside workerd.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { bundledRelease } from 'peel-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { type ArtifactManifest, type ArtifactShard, createArtifactSource, shardOf } from '../src/artifacts/source.ts';
import { releaseUrls } from '../src/artifacts/urls.ts';
import { nodeBrotli } from '../src/http/brotli-node.ts';

const folder = new URL('../dist/artifacts/', import.meta.url);
const built = existsSync(new URL('manifest.json', folder));
const reads: string[] = [];
const source = createArtifactSource({
  read: async (file) => {
    reads.push(file);
    const bytes = await readFile(new URL(file, folder));
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>;
  },
  onProblem: (message) => {
    throw new Error(message);
  },
});
/** The Worker's source (artifacts/assets.ts): the brotli bodies only, among its assets. */
const workerSource = createArtifactSource({
  codings: ['br'],
  read: async (file) => {
    if (file.endsWith('.gz')) throw new Error(`${file}: a Worker's assets hold no gzip bodies`);
    reads.push(file);
    const bytes = await readFile(new URL(file, folder));
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>;
  },
  onProblem: (message) => {
    throw new Error(message);
  },
});
/** A Worker deployed without assets: its source finds nothing, so it computes every answer. */
const noAssets = createArtifactSource({ codings: ['br'], read: () => Promise.reject(new Error('no ASSETS binding')) });

/** Everything about an answer that must match, the per-request id aside. */
async function answer(response: Response) {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'x-request-id') headers[name] = value;
  });
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()).toString('base64') };
}

it('finds the release build\u2019s artifacts (turbo builds before testing)', () => {
  expect(built, 'dist/artifacts/manifest.json is missing: run `pnpm --filter @peel/api build` first').toBe(true);
});

describe.skipIf(!built)('release artifacts on Node', () => {
  // As node.ts and worker.ts configure them.
  const node = { gzip: true, brotli: nodeBrotli };
  const computing = { node: createApp(node), worker: createApp({ artifacts: noAssets }) };
  const prebuilt = { node: createApp({ ...node, artifacts: source }), worker: createApp({ artifacts: workerSource }) };
  let urls: Awaited<ReturnType<typeof releaseUrls>>;
  let manifest: ArtifactManifest;
  const entries = new Map<string, ArtifactShard[string]>();

  beforeAll(async () => {
    urls = await releaseUrls((request) => computing.worker.fetch(request));
    manifest = JSON.parse(await readFile(new URL('manifest.json', folder), 'utf8')) as ArtifactManifest;
    for (const shard of manifest.shards) {
      const shardEntries = JSON.parse(
        await readFile(new URL(`entries/${shard}.json`, folder), 'utf8'),
      ) as ArtifactShard;
      for (const [path, entry] of Object.entries(shardEntries)) {
        expect(shardOf(path), path).toBe(shard);
        entries.set(path, entry);
      }
    }
  });

  it('covers every release-stable URL: each force, report, metric table and series, as JSON and CSV', () => {
    const slugs = bundledRelease.forces.filter((force) => force.kind === 'territorial').map((force) => force.slug);
    const metricPaths = urls.filter(({ path }) => /^\/v1\/metrics\/[^/]+$/.test(path)).map(({ path }) => path);
    expect(new Set(entries.keys())).toEqual(new Set(urls.map(({ path }) => path)));
    for (const slug of slugs) {
      const reports = [`/v1/reports/peel-2016-effectiveness/${slug}`, `/v1/reports/peel-effectiveness/${slug}`];
      for (const path of [`/v1/forces/${slug}`, ...reports]) {
        expect(entries.has(path) && entries.has(`${path}.csv`), path).toBe(true);
      }
    }
    // Every metric JSON table, its CSV twin, and one series per territorial force each.
    const metrics = metricPaths.filter((path) => !path.endsWith('.csv'));
    expect(metrics.length).toBeGreaterThan(0);
    for (const path of metrics) {
      expect(entries.has(`${path}.csv`), path).toBe(true);
      expect(
        slugs.every((slug) => entries.has(`${path}/series/${slug}`)),
        path,
      ).toBe(true);
    }
    // The force list, each force, each 2016 report, the periods list, each latest-period report, the catalogue,
    // and per metric its table, periods, tidy download and each force's series; each 2016 report as Markdown.
    const tables = 1 + 3 * slugs.length + 1 + 1 + metrics.length * (3 + slugs.length);
    // And each report's full view (`?view=full`, issue 13), both editions, JSON (its CSV is the bare URL's).
    expect(urls.length).toBe(2 + 2 * tables + slugs.length + 2 * slugs.length);
    for (const slug of slugs) {
      for (const edition of ['peel-2016-effectiveness', 'peel-effectiveness']) {
        expect(entries.has(`/v1/reports/${edition}/${slug}?view=full`), slug).toBe(true);
      }
    }
    for (const slug of slugs) expect(entries.has(`/v1/reports/peel-2016-effectiveness/${slug}.md`), slug).toBe(true);
    for (const path of metrics) expect(entries.has(`${path}/tidy.csv`), path).toBe(true);
    for (const path of ['/openapi.json', '/docs', '/v1/forces', '/v1/metrics', '/v1/reports/peel-effectiveness'])
      expect(entries.has(path), path).toBe(true);
  });

  it('answers every URL with the computing path\u2019s bytes, ETag and headers, from its body files', async () => {
    const mismatches: string[] = [];
    for (const { path, negotiated } of urls) {
      const variants: [string, Record<string, string>][] = [
        ['identity', {}],
        ['gzip', { 'Accept-Encoding': 'gzip' }],
        ['br', { 'Accept-Encoding': 'gzip, deflate, br' }],
      ];
      // A CSV asked for with a query (`?view=full`) is not an artifact: it is computed, on both sides alike.
      if (negotiated && !path.endsWith('.csv') && !path.includes('?')) {
        variants.push(['Accept: text/csv', { Accept: 'text/csv' }]);
      }
      for (const runtime of ['node', 'worker'] as const) {
        const before = reads.length;
        const served = new Set<string>();
        for (const [label, headers] of variants) {
          // A Worker cannot compress with brotli: its prebuilt brotli answer is the one Node computes.
          const reference = runtime === 'worker' && label === 'br' ? computing.node : computing[runtime];
          const got = await answer(await prebuilt[runtime].request(path, { headers }));
          const want = await answer(await reference.request(path, { headers }));
          const where = `${runtime} ${label} ${path}`;
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            mismatches.push(`${where}: ${JSON.stringify(got.headers)} vs ${JSON.stringify(want.headers)}`);
          }
          const etag = want.headers.etag!;
          served.add(etag.slice(1, -1));
          const conditional = { headers: { ...headers, 'If-None-Match': etag } };
          const [a, b] = [
            await answer(await prebuilt[runtime].request(path, conditional)),
            await answer(await reference.request(path, conditional)),
          ];
          if (a.status !== 304 || JSON.stringify(a) !== JSON.stringify(b)) mismatches.push(`${where}: 304 differs`);
        }
        // Each answer came from its body file (a repeat of a negotiation comes from the memo: no second read).
        const bodyTags = reads
          .slice(before)
          .filter((file) => file.startsWith('bodies/'))
          .map((file) => file.slice('bodies/'.length).split('.')[0]!);
        if (JSON.stringify([...served].sort()) !== JSON.stringify([...new Set(bodyTags)].sort())) {
          mismatches.push(`${runtime} ${path}: served ${[...served].join(', ')}, read ${bodyTags.join(', ')}`);
        }
      }
    }
    expect(mismatches.slice(0, 10).join('\n')).toBe('');
  }, 300_000);

  it('sends the stored brotli body to a client that prefers brotli, on Node and on the Worker alike', async () => {
    const path = '/v1/reports/peel-effectiveness/durham';
    const entry = entries.get(path)!;
    expect(entry.encoded.br && entry.encoded.gzip, path).toBeTruthy();
    const headers = { 'Accept-Encoding': 'gzip, deflate, br' };
    const bodyFile = new URL(`bodies/${entry.encoded.br}${entry.extension}.br`, folder);
    for (const runtime of ['node', 'worker'] as const) {
      const res = await prebuilt[runtime].request(path, { headers });
      expect([res.headers.get('content-encoding'), res.headers.get('etag')], runtime).toEqual([
        'br',
        `"${entry.encoded.br}"`,
      ]);
      expect(res.headers.get('vary'), runtime).toBe('Accept, Accept-Encoding');
      expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(bodyFile)), runtime).toBe(true);
    }
    // gzip only: Node sends the stored gzip body; the Worker identity (Cloudflare's edge compresses it).
    const gzip = { headers: { 'Accept-Encoding': 'gzip' } };
    expect((await prebuilt.node.request(path, gzip)).headers.get('etag')).toBe(`"${entry.encoded.gzip}"`);
    expect((await prebuilt.worker.request(path, gzip)).headers.get('etag')).toBe(`"${entry.etag}"`);
  });

  it('answers a repeat from the memo, without reading the folder again', async () => {
    const path = '/v1/reports/peel-2016-effectiveness/durham';
    const app = createApp({ ...node, artifacts: source });
    const first = await app.request(path);
    const before = reads.length;
    const again = await app.request(path);
    expect(reads.length).toBe(before);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.status).toBe(200);
  });

  it('computes what the release cannot enumerate (a query, an ONS code) and 404s as before', async () => {
    const app = createApp({ ...node, artifacts: source });
    const durham = bundledRelease.forces.find((force) => force.slug === 'durham')!;
    for (const path of [`/v1/forces/${String(durham.code)}`, '/v1/forces?x=1', '/v1/forces/nowhere', '/healthz']) {
      const before = reads.filter((file) => file.startsWith('bodies/')).length;
      const [got, want] = [await answer(await app.request(path)), await answer(await computing.node.request(path))];
      expect(reads.filter((file) => file.startsWith('bodies/')).length, path).toBe(before);
      expect(got.status, path).toBe(want.status);
      // Problems carry the request id in their body, so only 200s compare by ETag.
      if (want.status === 200) expect(got.headers.etag, path).toBe(want.headers.etag);
    }
  });
});

describe('release artifacts are for the bundled release only', () => {
  it('createApp refuses artifacts with another release', () => {
    const other = { ...bundledRelease };
    expect(() => createApp({ release: other, artifacts: source })).toThrow(/bundled release/);
  });

  it('a manifest for another data release is not used: every answer is computed', async () => {
    const problems: string[] = [];
    const files: string[] = [];
    const foreign = createArtifactSource({
      read: async (file) => {
        files.push(file);
        const manifest = { format: 'peel-api-artifacts/1', release: 'peel-data 0.0.0-other', apiVersion: '1.0.0' };
        return new TextEncoder().encode(JSON.stringify({ ...manifest, headerSets: [], shards: ['main'] }));
      },
      onProblem: (message) => problems.push(message),
    });
    const app = createApp({ artifacts: foreign });
    const res = await app.request('/v1/forces');
    expect(res.status).toBe(200);
    expect(files).toEqual(['manifest.json']);
    expect(problems.join('\n')).toMatch(/peel-data 0\.0\.0-other/);
    await app.request('/v1/metrics');
    expect(files).toEqual(['manifest.json']);
  });

  it('a folder without artifacts (no manifest) computes, silently', async () => {
    const problems: string[] = [];
    const none = createArtifactSource({
      read: () => Promise.reject(new Error('ENOENT')),
      onProblem: (message) => problems.push(message),
    });
    const res = await createApp({ artifacts: none }).request('/v1/forces');
    expect(res.status).toBe(200);
    expect(problems).toEqual([]);
  });
});
