/**
 * The built Node server (`node dist/node.js`, as users start it) against hostile clients (issue 14): requests that
 * Node's own HTTP layer refuses before any route runs get problem+json with the security headers, and the rate
 * limit keys on the socket, reading X-Forwarded-For only from TRUSTED_PROXIES. Raw sockets, because fetch cannot
 * send malformed requests. Needs `pnpm --filter @peel/api build` first (turbo's test task does it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rawRequest as rawExchange } from '@peel/node-http/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const apiDir = new URL('..', import.meta.url).pathname;
const entry = `${apiDir}dist/node.js`;
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

/** Starts dist/node.js on a free port; resolves with its port once it listens. */
function start(env: Record<string, string>): Promise<number> {
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: run pnpm --filter @peel/api build first`);
  const child = spawn(process.execPath, [entry], {
    cwd: apiDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_REQUESTS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`dist/node.js exited with ${code}: ${output}`)));
  });
}

/** Sends raw bytes to the server on `port` and reads one response. */
const rawRequest = (port: number, bytes: Buffer | string) => rawExchange({ port }, bytes);

const SECURITY = [
  'content-security-policy',
  'strict-transport-security',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
];

describe('the Node server answers what its HTTP layer refuses as problem+json', () => {
  let port = 0;
  beforeAll(async () => {
    port = await start({});
  }, 30_000);

  it.each([
    {
      label: 'headers over 16 KiB',
      request: `GET /v1/forces HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(17 * 1024)}\r\n\r\n`,
      status: 431,
      code: 'headers-too-large',
      detail: /at most 16384 bytes/,
    },
    {
      label: 'GET * (a target that is not a path)',
      request: 'GET * HTTP/1.1\r\nHost: x\r\n\r\n',
      status: 400,
      code: 'bad-request',
      detail: /path starting with "\/"/,
    },
    {
      label: 'an HTTP/1.1 request without Host',
      request: 'GET /v1/forces HTTP/1.1\r\n\r\n',
      status: 400,
      code: 'bad-request',
      detail: /Host header/,
    },
  ])('$label: $status', async ({ request, status, code, detail }) => {
    const response = await rawRequest(port, request);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json');
    for (const name of SECURITY) expect(response.headers[name], name).toBeTruthy();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    const problem = JSON.parse(response.body) as Record<string, unknown>;
    expect(problem).toMatchObject({ type: 'about:blank', status, code, requestId: response.headers['x-request-id'] });
    expect(problem.detail).toMatch(detail);
  });

  it('still serves a request just under the limit', async () => {
    const response = await rawRequest(
      port,
      `GET /v1/forces HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Padding: ${'a'.repeat(15 * 1024)}\r\n\r\n`,
    );
    expect(response.status).toBe(200);
  });
});

describe(
  'the Node server keys its rate limit on the socket, and on X-Forwarded-For only behind ' + 'TRUSTED_PROXIES',
  () => {
    const get = async (port: number, headers: Record<string, string> = {}, method = 'GET') => {
      const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
      return (
        await rawRequest(port, `${method} /v1/forces HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${lines.join('')}\r\n`)
      ).status;
    };

    it('ignores X-Forwarded-For when the peer is not a trusted proxy', async () => {
      const port = await start({ RATE_LIMIT: '2/60' });
      expect(await get(port, { 'X-Forwarded-For': '198.51.100.1' })).toBe(200);
      expect(await get(port, { 'X-Forwarded-For': '198.51.100.2' })).toBe(200);
      expect(await get(port, { 'X-Forwarded-For': '198.51.100.3' })).toBe(429);
    }, 30_000);

    it('gives each forwarded client its own allowance behind a trusted proxy (the test is the proxy)', async () => {
      const port = await start({ RATE_LIMIT: '2/60', TRUSTED_PROXIES: '127.0.0.1' });
      expect(await get(port, { 'X-Forwarded-For': '198.51.100.1' })).toBe(200);
      expect(await get(port, { 'X-Forwarded-For': '203.0.113.9, 198.51.100.1' })).toBe(200);
      expect(await get(port, { 'X-Forwarded-For': '198.51.100.1' })).toBe(429);
      expect(await get(port, { 'X-Forwarded-For': '198.51.100.2' })).toBe(200);
    }, 30_000);

    it('counts OPTIONS and refused methods against the allowance', async () => {
      const port = await start({ RATE_LIMIT: '3/60' });
      expect(await get(port, {}, 'OPTIONS')).toBe(204);
      expect(await get(port, { 'Content-Length': '0' }, 'POST')).toBe(405);
      expect(await get(port)).toBe(200);
      expect(await get(port, { 'Content-Length': '0' }, 'POST')).toBe(429);
    }, 30_000);

    it('refuses a TRUSTED_PROXIES entry that is not an address, naming it', async () => {
      await expect(start({ TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal' })).rejects.toThrow(
        /TRUSTED_PROXIES: trusted proxy "proxy\.internal" is not an IP address or CIDR range/,
      );
    }, 30_000);
  },
);
