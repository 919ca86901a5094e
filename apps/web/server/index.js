// Entry point of the built Node server (copied to build/index.js by svelte.config.js).
// adapter-node's handler serves assets, prerendered pages and SSR; this wrapper adds the security headers
// to all of them and listens on HOST:PORT (default 0.0.0.0:3000).
import http from 'node:http';
import process from 'node:process';
import { handler } from './handler.js';
import { SECURITY_HEADERS } from './security-headers.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(process.env.PORT)} (e.g. PORT=3000)`);
  process.exit(1);
}

const server = http.createServer((req, res) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  handler(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
  });
});

server.listen(port, host, () => {
  const address = server.address();
  console.log(`peel web listening on http://${host}:${typeof address === 'object' && address ? address.port : port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
