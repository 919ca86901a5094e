import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { nodeBrotli } from './brotli-node.ts';
import { acceptsGzip } from './send.ts';

describe('acceptsGzip', () => {
  it.each([
    { header: undefined, expected: false },
    { header: 'gzip', expected: true },
    { header: 'gzip, deflate, br', expected: true },
    { header: 'br;q=1.0, gzip;q=0.8', expected: true },
    { header: 'gzip;q=0', expected: false },
    { header: 'identity', expected: false },
    { header: '*', expected: true },
    { header: '*;q=0', expected: false },
  ])('$header -> $expected', ({ header, expected }) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('gzip on Node (createApp({ gzip: true }))', () => {
  const app = createApp({ gzip: true });
  const path = '/v1/reports/peel-2016-effectiveness/durham';

  it('sends the same bytes compressed, with their own ETag, to clients that accept gzip', async () => {
    const plain = await app.request(path);
    const zipped = await app.request(path, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept, Accept-Encoding');
    expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    const inflated = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8');
    expect(inflated).toBe(await plain.text());
  });

  it('revalidates the gzip variant by its ETag', async () => {
    const etag = (await app.request(path, { headers: { 'Accept-Encoding': 'gzip' } })).headers.get('etag')!;
    expect((await app.request(path, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } })).status).toBe(
      304,
    );
  });

  it('leaves clients that do not accept gzip alone', async () => {
    expect(
      (await app.request('/v1/forces/durham', { headers: { 'Accept-Encoding': 'identity' } })).headers.get(
        'content-encoding',
      ),
    ).toBeNull();
    expect((await app.request('/v1/forces/durham')).headers.get('content-encoding')).toBeNull();
  });

  it('is off by default (the Workers build: Cloudflare compresses at the edge)', async () => {
    const res = await createApp().request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
  });
});

describe('brotli on Node (createApp({ gzip: true, brotli }))', () => {
  const app = createApp({ gzip: true, brotli: nodeBrotli });
  const path = '/v1/reports/peel-2016-effectiveness/durham';
  const get = (encoding: string, extra: Record<string, string> = {}) =>
    app.request(path, { headers: { 'Accept-Encoding': encoding, ...extra } });

  it('sends brotli to a client that accepts both (as browsers do), with its own strong ETag', async () => {
    const plain = await app.request(path);
    const [br, gz] = [await get('gzip, deflate, br'), await get('gzip')];
    expect([br.headers.get('content-encoding'), gz.headers.get('content-encoding')]).toEqual(['br', 'gzip']);
    expect(br.headers.get('vary')).toBe('Accept, Accept-Encoding');
    const tags = [plain, br, gz].map((res) => res.headers.get('etag'));
    expect(new Set(tags).size).toBe(3);
    expect(tags.every((tag) => /^"[\w-]+"$/.test(tag ?? ''))).toBe(true);
    const text = await plain.text();
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(text);
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(text);
    expect(brBytes.byteLength).toBeLessThan(text.length / 5);
  });

  it('follows the q-values: gzip when the client ranks it above brotli, identity when it refuses both', async () => {
    expect((await get('br;q=0.5, gzip')).headers.get('content-encoding')).toBe('gzip');
    expect((await get('br;q=0.5, gzip;q=0.4')).headers.get('content-encoding')).toBe('br');
    expect((await get('br;q=0, gzip;q=0')).headers.get('content-encoding')).toBeNull();
  });

  it('keeps repeats of each encoding apart (the memo keys on the coding) and revalidates by their ETag', async () => {
    for (let round = 0; round < 2; round += 1) {
      expect((await get('br')).headers.get('content-encoding')).toBe('br');
      expect((await get('gzip')).headers.get('content-encoding')).toBe('gzip');
      expect((await app.request(path)).headers.get('content-encoding')).toBeNull();
    }
    const etag = (await get('br')).headers.get('etag')!;
    expect((await get('br', { 'If-None-Match': etag })).status).toBe(304);
    // The brotli tag names the brotli bytes: a gzip client holding it gets a 200 with the gzip body.
    expect((await get('gzip', { 'If-None-Match': etag })).status).toBe(200);
  });
});

describe('fast path (a repeat request answered from the memo)', () => {
  const app = createApp();
  const strip = (res: Response) => {
    const headers = Object.fromEntries(res.headers);
    delete headers['x-request-id'];
    return headers;
  };

  it.each([
    { path: '/v1/forces/durham', headers: {} as Record<string, string> },
    { path: '/v1/forces/durham', headers: { Accept: 'text/csv' } },
    { path: '/v1/metrics/asb_rate?period=2015', headers: {} as Record<string, string> },
  ])('answers $path $headers exactly as the first time', async ({ path, headers }) => {
    const first = await app.request(path, { headers });
    const second = await app.request(path, { headers });
    expect(second.status).toBe(first.status);
    expect(strip(second)).toEqual(strip(first));
    expect(await second.text()).toBe(await first.text());
  });

  it('keys on the negotiation headers: JSON after CSV is still JSON', async () => {
    await app.request('/v1/forces/kent', { headers: { Accept: 'text/csv' } });
    const json = await app.request('/v1/forces/kent');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('still applies the method guard and the rate limit (a refused method counts too)', async () => {
    let now = 0;
    const limited = createApp({ rateLimit: { limit: 3, windowMs: 1000, now: () => now } });
    await limited.request('/v1/forces/durham');
    expect((await limited.request('/v1/forces/durham', { method: 'DELETE' })).status).toBe(405);
    expect((await limited.request('/v1/forces/durham')).status).toBe(200);
    expect((await limited.request('/v1/forces/durham')).status).toBe(429);
    now = 1000;
    expect((await limited.request('/v1/forces/durham')).status).toBe(200);
  });
});
