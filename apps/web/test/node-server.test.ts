/**
 * The site's Node server (`node build/index.js`) against requests its HTTP layer refuses (issue 14): headers over
 * the 16 KiB limit (raw non-ASCII bytes and the other parser errors are tested once, in tooling/node-http), a target
 * that is not a path (`GET *`), a missing or malformed Host. Each gets problem+json with the site's security
 * headers, not Node's bare status line. Raw sockets, because fetch cannot send malformed requests. Needs the site
 * built (turbo's test task builds it).
 */
import { rawRequest as rawExchange } from '@peel/node-http/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../server/security-headers.js';
import { startSite, type RunningSite } from './harness.ts';

/** Sends raw bytes to the site at `origin` and reads one response. */
const rawRequest = (origin: string, bytes: Buffer | string) => {
  const { hostname, port } = new URL(origin);
  return rawExchange({ port: Number(port), host: hostname }, bytes);
};

describe('the site answers what its HTTP layer refuses as problem+json with its security headers', () => {
  let site: RunningSite;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(() => site?.stop());

  it.each([
    {
      label: 'headers over 16 KiB',
      request: `GET / HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(17 * 1024)}\r\n\r\n`,
      status: 431,
      code: 'headers-too-large',
      detail: /at most 16384 bytes/,
    },
    {
      label: 'GET * (a target that is not a path)',
      request: 'GET * HTTP/1.1\r\nHost: x\r\n\r\n',
      status: 400,
      code: 'bad-request',
      detail: /"\*" is not a path/,
    },
    {
      label: 'an HTTP/1.1 request without Host',
      request: 'GET / HTTP/1.1\r\n\r\n',
      status: 400,
      code: 'bad-request',
      detail: /Host header/,
    },
    {
      label: 'a malformed Host',
      request: 'GET / HTTP/1.1\r\nHost: bad host\r\n\r\n',
      status: 400,
      code: 'bad-request',
      detail: /Host header is not a valid host name/,
    },
  ])('$label: $status', async ({ request, status, code, detail }) => {
    const response = await rawRequest(site.origin, request);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json');
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(response.headers[name.toLowerCase()], name).toBe(value);
    expect(response.headers['cache-control']).toBe('no-store');
    const problem = JSON.parse(response.body) as Record<string, unknown>;
    expect(problem).toMatchObject({ type: 'about:blank', status, code, requestId: response.headers['x-request-id'] });
    expect(problem.detail).toMatch(detail);
  });

  it('still serves pages to a request just under the limit', async () => {
    const response = await rawRequest(
      site.origin,
      `GET /robots.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Padding: ${'a'.repeat(15 * 1024)}\r\n\r\n`,
    );
    expect(response.status).toBe(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
