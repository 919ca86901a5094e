// Entry point of the built Node server (copied to build/index.js by svelte.config.js).
// adapter-node's handler serves assets, prerendered pages and SSR; this wrapper adds the security headers
// to all of them and listens on HOST:PORT (default 0.0.0.0:3000).
//
// Requests that never reach the handler (Node's parser refuses them: headers over the size limit, bytes that are
// not HTTP in the request line; or this wrapper does: a target that is not a path such as `GET *`, a missing or
// malformed Host) are answered as RFC 9457 problem+json with the same security headers, as the API answers them,
// instead of Node's bare status line. The request line and headers may take at most 16 KiB together
// (MAX_HEADER_BYTES); more gets 431.
import http from 'node:http';
import process from 'node:process';
import { answerClientErrors, MAX_HEADER_BYTES, problemAnswer } from '@peel/node-http';
import { handler } from './handler.js';
import { SECURITY_HEADERS } from './security-headers.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(process.env.PORT)} (e.g. PORT=3000)`);
  process.exit(1);
}

/**
 * A problem+json answer with the site's security headers and its Content-Length.
 * @param {{ status: number, code: string, detail: string }} problem
 */
function problemAnswerOf(problem) {
  const answer = problemAnswer(problem, { headers: SECURITY_HEADERS });
  return { ...answer, headers: { ...answer.headers, 'Content-Length': String(Buffer.byteLength(answer.body)) } };
}

/**
 * Why a parsed request cannot be served, if it cannot: a target that is not a path, a missing or malformed Host.
 * @param {http.IncomingMessage} req
 */
function refusal(req) {
  const target = req.url ?? '';
  if (!target.startsWith('/') && !/^https?:\/\//i.test(target)) {
    return {
      status: 400,
      code: 'bad-request',
      detail: `The request target ${JSON.stringify(target.slice(0, 100))} is not a path: it must start with "/".`,
    };
  }
  const hostHeader = req.headers.host;
  if (hostHeader === undefined) {
    // HTTP/1.1 requires Host (RFC 9112 §3.2); HTTP/1.0 clients may leave it out.
    if (req.httpVersion === '1.0') return undefined;
    return { status: 400, code: 'bad-request', detail: 'An HTTP/1.1 request must carry a Host header.' };
  }
  if (!/^[^\s/?#@\\]+$/.test(hostHeader) || !URL.canParse(`http://${hostHeader}/`)) {
    return { status: 400, code: 'bad-request', detail: 'The Host header is not a valid host name.' };
  }
  return undefined;
}

// requireHostHeader is off so that the check above answers a missing Host as a problem, not Node's bare 400.
const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES, requireHostHeader: false }, (req, res) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const problem = refusal(req);
  if (problem) {
    const { status, headers, body } = problemAnswerOf(problem);
    res.writeHead(status, headers).end(body);
    return;
  }
  handler(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
  });
});

// Requests Node's parser refuses: the one implementation the API's server uses too.
answerClientErrors(server, { headers: SECURITY_HEADERS });

server.listen(port, host, () => {
  const address = server.address();
  console.log(`peel web listening on http://${host}:${typeof address === 'object' && address ? address.port : port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
