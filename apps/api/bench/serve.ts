/**
 * The load bench's server process: the real app (no rate limit, no request log, as a production deployment
 * behind a CDN would be load-tested) and, in the same process, a bare Hono app with one route that sends the
 * very same bytes, so the difference is exactly the API's middleware, validation and lookup. Prints the ports.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../src/app.ts';

const target = process.argv[2] ?? '/v1/reports/peel-2016-effectiveness/durham';
const app = createApp();
const warm = await app.request(target);
if (warm.status !== 200) throw new Error(`bench target ${target} answered ${warm.status}: ${await warm.text()}`);
const body = new Uint8Array(await warm.arrayBuffer());
const contentType = warm.headers.get('content-type') ?? 'application/json';
const etag = warm.headers.get('etag') ?? '"bench"';

// The API's own response headers (security, CORS, caching, ETag) for a like-for-like 304 baseline.
const apiHeaders: Record<string, string> = {};
warm.headers.forEach((value, name) => {
  if (name !== 'content-type' && name !== 'content-length') apiHeaders[name] = value;
});

const bare = new Hono()
  .get('/bare', (c) => c.body(body, 200, { 'Content-Type': contentType, ETag: etag }))
  .get('/bare-304', () => new Response(null, { status: 304, headers: { ETag: etag } }))
  .get('/bare-304-same-headers', () => new Response(null, { status: 304, headers: apiHeaders }))
  // A conditional GET done right: reads the request's validator before answering 304, as the API must.
  .get('/bare-conditional', (c) =>
    c.req.header('if-none-match') === etag ? new Response(null, { status: 304, headers: apiHeaders }) : c.body(body, 200, { 'Content-Type': contentType, ETag: etag }),
  );

const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<number>((resolve) => {
    serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve(info.port));
  });

const [appPort, barePort] = await Promise.all([listen(app.fetch), listen(bare.fetch)]);
process.stdout.write(`${JSON.stringify({ appPort, barePort, etag, bytes: body.byteLength, target })}\n`);
