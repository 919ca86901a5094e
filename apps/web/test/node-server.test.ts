/**
 * The site's Node server (`node build/index.js`) against requests its HTTP layer refuses (issue 14): headers over
 * the 16 KiB limit, raw non-ASCII bytes in the request line, a target that is not a path (`GET *`), a missing or
 * malformed Host. Each gets problem+json with the site's security headers, not Node's bare status line. Raw
 * sockets, because fetch cannot send malformed requests. Needs the site built (turbo's test task builds it).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../server/security-headers.js';
import { startSite, type RunningSite } from './harness.ts';

type RawResponse = { status: number; headers: Record<string, string>; body: string };

/** Sends raw bytes and reads one response (the server closes, or the body reaches its Content-Length). */
function rawRequest(origin: string, bytes: Buffer | string): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const parse = (): RawResponse | undefined => {
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return undefined;
      const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const body = Buffer.from(text.slice(end + 4), 'latin1').toString('utf8');
      if (headers['content-length'] && Buffer.byteLength(body) < Number(headers['content-length'])) return undefined;
      return { status: Number(statusLine.split(' ')[1]), headers, body };
    };
    const settle = (error?: Error) => {
      const response = parse();
      if (response) resolve(response);
      else reject(error ?? new Error(`closed without a response: ${Buffer.concat(chunks).toString('latin1')}`));
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (parse()) {
        socket.destroy();
        settle();
      }
    });
    // The server may close right after answering; what was read still counts.
    socket.on('error', (error) => settle(error));
    socket.on('close', () => settle());
    socket.write(bytes);
  });
}

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
      label: 'raw non-ASCII bytes in the request line',
      request: Buffer.concat([
        Buffer.from('GET /forces/d'),
        Buffer.from([0xc3, 0xbc]),
        Buffer.from('rham HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
      status: 400,
      code: 'bad-request',
      detail: /not valid HTTP\/1\.1/,
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
