import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { expectProblem } from './helpers.ts';

const app = createApp();

describe('service routes', () => {
  it('GET /healthz answers ok, never cached', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('GET /openapi.json is OpenAPI 3.1', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/healthz');
  });

  it('GET /docs is HTML whose CSP allows its own style and nothing else', async () => {
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src/);
    const html = await res.text();
    expect(html).toContain('/healthz');
  });
});

describe('errors are problem+json', () => {
  it('an unknown route is 404 with a hint', async () => {
    const problem = await expectProblem(await app.request('/v2/nothing'), 404);
    expect(problem).toMatchObject({ code: 'not-found', instance: '/v2/nothing' });
    expect(problem.detail).toContain('/v1/forces');
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s is 405 with Allow', async (method) => {
    const res = await app.request('/healthz', { method });
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const problem = await expectProblem(res, 405);
    expect(problem.detail).toContain(method);
  });

  it('an unexpected error is a 500 without a stack trace, reported server-side with the request id', async () => {
    const reported: unknown[] = [];
    const broken = createApp({ onUnexpectedError: (error, requestId) => reported.push([error, requestId]) });
    broken.get('/boom', () => {
      throw new Error('secret internals at /srv/app.ts:12');
    });
    const res = await broken.request('/boom', { headers: { 'X-Request-Id': 'req-1' } });
    const problem = await expectProblem(res, 500);
    expect(JSON.stringify(problem)).not.toMatch(/secret|app\.ts|at /);
    expect(problem.detail).toContain('req-1');
    expect(reported).toHaveLength(1);
  });
});

describe('headers on every response', () => {
  it.each(['/healthz', '/openapi.json', '/nope'])(
    '%s carries security, CORS, ETag and request id headers',
    async (path) => {
      const res = await app.request(path, { headers: { Origin: 'https://example.org' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('echoes a safe incoming request id and replaces an unsafe one', async () => {
    expect(
      (await app.request('/healthz', { headers: { 'X-Request-Id': 'abc-123' } })).headers.get('x-request-id'),
    ).toBe('abc-123');
    expect(
      (await app.request('/healthz', { headers: { 'X-Request-Id': 'a b<script>' } })).headers.get('x-request-id'),
    ).not.toContain('<');
  });

  it('answers a CORS preflight with 204 and the allowed methods', async () => {
    const res = await app.request('/v1/forces', {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
  });

  it('answers 304 to a matching If-None-Match and 200 otherwise', async () => {
    const first = await app.request('/openapi.json');
    const etag = first.headers.get('etag')!;
    const again = await app.request('/openapi.json', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    const other = await app.request('/openapi.json', { headers: { 'If-None-Match': '"something-else"' } });
    expect(other.status).toBe(200);
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await app.request('/openapi.json', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(await res.text()).toBe('');
  });

  it('logs one line per request with its id and status', async () => {
    const lines: Array<{ requestId: string; status: number; path: string }> = [];
    const logged = createApp({ logger: (entry) => lines.push(entry) });
    await logged.request('/healthz', { headers: { 'X-Request-Id': 'log-me' } });
    await logged.request('/missing');
    expect(lines).toEqual([
      expect.objectContaining({ requestId: 'log-me', status: 200, path: '/healthz', method: 'GET' }),
      expect.objectContaining({ status: 404, path: '/missing' }),
    ]);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client exceeds the limit, per client', async () => {
    let now = 0;
    const limited = createApp({
      rateLimit: {
        limit: 2,
        windowMs: 60_000,
        now: () => now,
        clientKey: (request) => request.headers.get('x-client') ?? 'none',
      },
    });
    const hit = (client: string) => limited.request('/healthz', { headers: { 'x-client': client } });
    expect((await hit('a')).status).toBe(200);
    const second = await hit('a');
    expect(second.headers.get('ratelimit-remaining')).toBe('0');
    const third = await hit('a');
    expect(third.headers.get('retry-after')).toBe('60');
    const problem = await expectProblem(third, 429);
    expect(problem).toMatchObject({ code: 'rate-limited', retryAfterSeconds: 60 });
    expect((await hit('b')).status).toBe(200);
    now = 60_000;
    expect((await hit('a')).status).toBe(200);
  });
});
