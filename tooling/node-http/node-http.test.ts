/**
 * The shared clientError answer, on a real Node server (raw sockets: fetch cannot send what Node's parser refuses).
 * The API's and the site's server tests check that each server uses it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientErrors, clientErrorProblem, MAX_HEADER_BYTES } from './index.js';
import { rawRequest } from './testing.js';

const HEADERS = { 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff' };

describe('answerClientErrors', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = answerClientErrors(
      createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (_req, res) => res.end('ok')),
      { headers: HEADERS },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    {
      label: `headers over ${MAX_HEADER_BYTES} bytes`,
      request: `GET / HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(MAX_HEADER_BYTES + 1024)}\r\n\r\n`,
      status: 431,
      code: 'headers-too-large',
      detail: new RegExp(`at most ${MAX_HEADER_BYTES} bytes`),
    },
    {
      label: 'raw non-ASCII bytes in the request line',
      request: Buffer.concat([Buffer.from('GET /d'), Buffer.from([0xc3, 0xbc]), Buffer.from('rham HTTP/1.1\r\n\r\n')]),
      status: 400,
      code: 'bad-request',
      detail: /not valid HTTP\/1\.1 \(HPE_/,
    },
  ])('$label: $status problem+json with the server headers, connection closed', async (row) => {
    const response = await rawRequest({ port }, row.request);
    expect(response.status).toBe(row.status);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.connection).toBe('close');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    const problem = JSON.parse(response.body) as Record<string, unknown>;
    expect(problem).toMatchObject({ type: 'about:blank', status: row.status, code: row.code });
    expect(problem.detail).toMatch(row.detail);
    expect(problem.requestId).toBe(response.headers['x-request-id']);
  });

  it('leaves a valid request to the server', async () => {
    const response = await rawRequest({ port }, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(response).toMatchObject({ status: 200, body: 'ok' });
  });
});

describe('clientErrorProblem', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'headers-too-large'],
    ['HPE_CHUNK_EXTENSIONS_OVERFLOW', 413, 'content-too-large'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'request-timeout'],
    ['HPE_INVALID_METHOD', 400, 'bad-request'],
  ])('%s: %i %s', (code, status, problemCode) => {
    expect(clientErrorProblem(Object.assign(new Error('parse'), { code }))).toMatchObject({
      status,
      code: problemCode,
    });
  });
});
