import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { parseTrustedProxies, socketClientKey } from './client-address.ts';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';

// The edge's front door answers repeat GETs before routing; these pin down that it behaves exactly like the
// routed path around it (ids, rate limit, logs, HEAD, failures), on the real app and data.
const report = '/v1/reports/peel-2016-effectiveness/durham';

describe('front door (repeat requests answered before routing)', () => {
  it('gives every repeat its own request id, or echoes a safe one the client sent', async () => {
    const app = createApp();
    const first = await app.request(report);
    const etag = first.headers.get('etag')!;
    const a = await app.request(report, { headers: { 'If-None-Match': etag } });
    const b = await app.request(report, { headers: { 'If-None-Match': etag } });
    expect([a.status, b.status]).toEqual([304, 304]);
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    expect((await app.request(report, { headers: { 'X-Request-Id': 'trace-42' } })).headers.get('x-request-id')).toBe(
      'trace-42',
    );
    expect(
      (await app.request(report, { headers: { 'X-Request-Id': 'bad id\twith spaces' } })).headers.get('x-request-id'),
    ).not.toBe('bad id\twith spaces');
  });

  it('sends on a 304 the validators and caching headers of the 200, and no entity headers', async () => {
    const app = createApp();
    const ok = await app.request(report);
    const notModified = await app.request(report, {
      headers: { 'If-None-Match': `W/${ok.headers.get('etag')}, "other"` },
    });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    for (const name of [
      'etag',
      'cache-control',
      'vary',
      'content-security-policy',
      'strict-transport-security',
      'access-control-allow-origin',
    ]) {
      expect(notModified.headers.get(name), name).toBe(ok.headers.get(name));
    }
    expect(notModified.headers.get('content-type')).toBeNull();
    // A tag that does not match gets the full body again, from the same memo entry.
    const stale = await app.request(report, { headers: { 'If-None-Match': '"stale"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(await ok.text());
  });

  it('counts repeats against the rate limit and says so in the headers, then answers 429 as problem+json', async () => {
    let now = 0;
    const app = createApp({ rateLimit: { limit: 3, windowMs: 60_000, now: () => now } });
    expect((await app.request(report)).headers.get('ratelimit-remaining')).toBe('2');
    const repeat = await app.request(report);
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get('ratelimit-remaining')).toBe('1');
    expect(repeat.headers.get('ratelimit-limit')).toBe('3');
    await app.request(report);
    const limited = await app.request(report);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await limited.json()).toMatchObject({
      status: 429,
      code: 'rate-limited',
      instance: report,
      requestId: limited.headers.get('x-request-id'),
    });
    now = 60_000;
    expect((await app.request(report)).status).toBe(200);
  });

  it('passes the runtime bindings to clientKey, so Node can key on the socket address', async () => {
    const seen: unknown[] = [];
    const app = createApp({
      rateLimit: { limit: 100, windowMs: 1000, clientKey: (_request, env) => (seen.push(env), 'one') },
    });
    const env = { incoming: { socket: { remoteAddress: '192.0.2.1' } } };
    await app.request('/v1/forces', {}, env);
    await app.request('/v1/forces', {}, env);
    expect(seen).toEqual([env, env]);
  });

  it('logs repeats like routed requests, with the path as sent (.csv included)', async () => {
    const lines: Array<{ status: number; path: string; requestId: string }> = [];
    const app = createApp({ logger: (entry) => lines.push(entry) });
    const first = await app.request('/v1/forces.csv');
    await app.request('/v1/forces.csv', {
      headers: { 'If-None-Match': first.headers.get('etag')!, 'X-Request-Id': 'again' },
    });
    expect(lines).toEqual([
      expect.objectContaining({ method: 'GET', path: '/v1/forces.csv', status: 200 }),
      expect.objectContaining({ method: 'GET', path: '/v1/forces.csv', status: 304, requestId: 'again' }),
    ]);
  });

  it('leaves HEAD to the router: same headers as GET, no body', async () => {
    const app = createApp();
    const get = await app.request('/v1/forces/durham');
    const head = await app.request('/v1/forces/durham', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(await head.text()).toBe('');
  });

  it('reports a failing clientKey and still answers, instead of failing the request', async () => {
    const reported: unknown[] = [];
    const app = createApp({
      rateLimit: {
        limit: 10,
        windowMs: 1000,
        clientKey: () => {
          throw new Error('no socket');
        },
      },
      onUnexpectedError: (error) => reported.push(error),
    });
    const res = await app.request('/v1/forces/durham');
    expect(res.status).toBe(200);
    expect(reported).toHaveLength(1);
    expect(String(reported[0])).toContain('no socket');
  });
});

describe('rate limit that holds (issue 14)', () => {
  it('counts OPTIONS, 405 answers and POSTs: every method spends the same allowance', async () => {
    const app = createApp({ rateLimit: { limit: 4, windowMs: 60_000, now: () => 0 } });
    const options = await app.request('/v1/forces', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('ratelimit-remaining')).toBe('3');
    const post = await app.request('/v1/forces', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('ratelimit-remaining')).toBe('2');
    expect((await app.request('/v1/forces', { method: 'DELETE' })).status).toBe(405);
    expect((await app.request('/v1/forces')).status).toBe(200);
    // The allowance is spent: every method is refused now, GET included.
    for (const method of ['GET', 'POST', 'OPTIONS', 'PUT']) {
      const refused = await app.request('/v1/forces', { method });
      expect(refused.status, method).toBe(429);
      expect(refused.headers.get('content-type'), method).toBe(PROBLEM_CONTENT_TYPE);
      expect(refused.headers.get('retry-after'), method).toBe('60');
    }
  });

  it('keys IPv6 clients by /64 (CF-Connecting-IP): rotating addresses in one /64 share one allowance', async () => {
    const app = createApp({ rateLimit: { limit: 2, windowMs: 60_000, now: () => 0 } });
    const from = async (ip: string) =>
      (await app.request('/v1/forces', { headers: { 'CF-Connecting-IP': ip } })).status;
    expect(await from('2001:db8:1:2::a')).toBe(200);
    expect(await from('2001:db8:1:2::b')).toBe(200);
    expect(await from('2001:db8:1:2:dead:beef:0:1')).toBe(429);
    expect(await from('2001:db8:1:3::a')).toBe(200);
  });

  it('reads X-Forwarded-For only from a trusted proxy (socketClientKey, as node.ts uses it)', async () => {
    const app = createApp({
      rateLimit: {
        limit: 1,
        windowMs: 60_000,
        now: () => 0,
        clientKey: socketClientKey(parseTrustedProxies('10.0.0.0/8')),
      },
    });
    const via = async (peer: string, forwardedFor: string) =>
      (
        await app.request(
          '/v1/forces',
          { headers: { 'X-Forwarded-For': forwardedFor } },
          { incoming: { socket: { remoteAddress: peer } } },
        )
      ).status;
    // Behind the trusted proxy, two clients get an allowance each.
    expect(await via('10.0.0.5', '198.51.100.1')).toBe(200);
    expect(await via('10.0.0.5', '198.51.100.2')).toBe(200);
    expect(await via('10.0.0.5', '198.51.100.1')).toBe(429);
    // A client spoofing its leftmost hop is still keyed by the hop the proxy wrote.
    expect(await via('10.0.0.5', '203.0.113.7, 198.51.100.2')).toBe(429);
    // A direct client cannot buy fresh allowances by sending X-Forwarded-For itself.
    expect(await via('192.0.2.50', '198.51.100.3')).toBe(200);
    expect(await via('192.0.2.50', '198.51.100.4')).toBe(429);
  });
});
