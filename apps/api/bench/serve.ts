/**
 * The load bench's server process: the real app (no rate limit, no request log, as a production deployment
 * behind a CDN would be load-tested) and, in the same process, bare Hono apps with one route at the same path
 * that send the very same bytes, so the difference is exactly the API's own work. Prints the ports.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Handler, Hono } from 'hono';
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

// Bare Hono apps, each with one route at the very same path as the API's target (so the request bytes, URL
// parsing and routing are alike), each on its own port.
const barePath = new URL(target, 'http://x').pathname;
const bareRoute = (handler: Handler) => new Hono().get(barePath, handler);
// Every API response carries its own request id; the like-for-like bare route mints one too (as hono/request-id
// does, with crypto.randomUUID), added to a frozen copy of the other headers (the cheapest copy V8 makes).
const { 'x-request-id': _constantId, ...otherHeaders } = apiHeaders;
const frozenHeaders = Object.freeze(otherHeaders);
const bare = {
  ok: bareRoute((c) => c.body(body, 200, { 'Content-Type': contentType, ETag: etag })),
  notModifiedEtagOnly: bareRoute(() => new Response(null, { status: 304, headers: { ETag: etag } })),
  // A conditional GET done right: reads the request's validator before answering 304, as the API must.
  conditionalConstantId: bareRoute((c) =>
    c.req.header('if-none-match') === etag
      ? new Response(null, { status: 304, headers: apiHeaders })
      : c.body(body, 200, { 'Content-Type': contentType, ETag: etag }),
  ),
  conditional: bareRoute((c) =>
    c.req.header('if-none-match') === etag
      ? new Response(null, { status: 304, headers: { ...frozenHeaders, 'x-request-id': crypto.randomUUID() } })
      : c.body(body, 200, { 'Content-Type': contentType, ETag: etag }),
  ),
};

const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<number>((resolve) => {
    serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve(info.port));
  });

const appPort = await listen(app.fetch);
const barePorts = Object.fromEntries(
  await Promise.all(Object.entries(bare).map(async ([name, route]) => [name, await listen(route.fetch)] as const)),
);
process.stdout.write(`${JSON.stringify({ appPort, barePorts, etag, bytes: body.byteLength, target })}\n`);
