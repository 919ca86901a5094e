// Entry point of the built Node server (copied to build/index.js by svelte.config.js).
// adapter-node's handler serves assets, prerendered pages and SSR; this wrapper adds the security headers
// to all of them and listens on HOST:PORT (default 0.0.0.0:3000).
//
// Requests that never reach the handler (Node's parser refuses them: headers over the size limit, bytes that are
// not HTTP in the request line; or this wrapper does: a target that is not a path such as `GET *`, a missing or
// malformed Host) are answered as RFC 9457 problem+json with the same security headers, as the API answers them,
// instead of Node's bare status line. The request line and headers may take at most 16 KiB together
// (MAX_HEADER_BYTES); more gets 431.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import process from 'node:process';
import { handler } from './handler.js';
import { SECURITY_HEADERS } from './security-headers.js';

const MAX_HEADER_BYTES = 16 * 1024;

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(process.env.PORT)} (e.g. PORT=3000)`);
  process.exit(1);
}

/** @type {Record<number, string>} */
const REASONS = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Content Too Large',
  431: 'Request Header Fields Too Large',
};

/**
 * A problem+json answer (no `instance`: the request line may not even have been readable).
 * @param {{ status: number, code: string, detail: string }} problem
 * @returns {{ status: number, headers: Record<string, string>, body: string }}
 */
function problemAnswer({ status, code, detail }) {
  const requestId = randomUUID();
  const body = JSON.stringify({
    type: 'about:blank',
    title: REASONS[status] ?? 'Error',
    status,
    detail,
    code,
    requestId,
  });
  return {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/problem+json',
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      'X-Request-Id': requestId,
    },
    body,
  };
}

/**
 * What Node's parser found wrong (`clientError`), as a problem; the error's code names the parser's reason.
 * @param {NodeJS.ErrnoException} error
 */
function clientErrorProblem(error) {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'headers-too-large',
        detail:
          'The request line and headers are larger than this server accepts: ' +
          `at most ${MAX_HEADER_BYTES} bytes in all.`,
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, code: 'content-too-large', detail: 'The chunk extensions of the request are too large.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'request-timeout', detail: 'The request was not received in time.' };
    default:
      return {
        status: 400,
        code: 'bad-request',
        detail:
          `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}): the request line and headers must be ` +
          'ASCII, with a method, a path starting with "/" and the protocol version.',
      };
  }
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
    const { status, headers, body } = problemAnswer(problem);
    res.writeHead(status, headers).end(body);
    return;
  }
  handler(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
  });
});

server.on('clientError', (/** @type {NodeJS.ErrnoException} */ error, socket) => {
  // Node's rule (lib/_http_server.js): answer only while nothing of a response has gone out on this socket.
  const inFlight = /** @type {{ _httpMessage?: { headersSent?: boolean } }} */ (/** @type {unknown} */ (socket))
    ._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const { status, headers, body } = problemAnswer(clientErrorProblem(error));
  const lines = [`HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}`, 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  // A client that never closes its side must not hold the socket open.
  setTimeout(() => socket.destroy(), 2_000).unref();
});

server.listen(port, host, () => {
  const address = server.address();
  console.log(`peel web listening on http://${host}:${typeof address === 'object' && address ? address.port : port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
