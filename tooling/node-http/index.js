// @peel/node-http: what the API's Node server (apps/api/src/http/node-server.ts) and the site's
// (apps/web/server/index.js) share. Plain JavaScript, so the site's server runs it with no build step; the types are
// in index.d.ts.
//
// Requests Node's HTTP parser refuses (headers over the size limit, bytes that are not HTTP in the request line, a
// request that did not arrive in time) never reach either app: Node would answer them with a bare status line. Here
// they get RFC 9457 problem+json with the server's own headers, a request id and `no-store`.
import { randomUUID } from 'node:crypto';

/** The most bytes a request line and its headers may take together (Node's `maxHeaderSize`). */
export const MAX_HEADER_BYTES = 16 * 1024;

/** Reason phrases of the statuses these servers answer with. */
export const REASONS = Object.freeze({
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Content Too Large',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
});

/**
 * The problem document and headers for an error found before the app ran (no `instance`: the request line may not
 * even have been readable). `headers` are the server's own (security headers), sent first.
 * @param {{ status: number, code: string, detail: string }} problem
 * @param {{ headers: Readonly<Record<string, string>> }} options
 * @returns {{ status: number, headers: Record<string, string>, body: string }}
 */
export function problemAnswer(problem, { headers }) {
  const requestId = randomUUID();
  const body = JSON.stringify({
    type: 'about:blank',
    title: REASONS[/** @type {keyof typeof REASONS} */ (problem.status)] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    requestId,
  });
  return {
    status: problem.status,
    headers: {
      ...headers,
      'Content-Type': 'application/problem+json',
      'Cache-Control': 'no-store',
      'X-Request-Id': requestId,
    },
    body,
  };
}

/**
 * What Node's parser found wrong (`clientError`), as a problem; the error's code names the parser's reason.
 * @param {NodeJS.ErrnoException} error
 * @returns {{ status: number, code: string, detail: string }}
 */
export function clientErrorProblem(error) {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'headers-too-large',
        detail:
          `The request line and headers are larger than this server accepts: at most ${MAX_HEADER_BYTES} bytes ` +
          'in all.',
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
          `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}): the request line and headers must ` +
          'be ASCII, with a method, a path starting with "/" and the protocol version.',
      };
  }
}

/**
 * Answers Node's `clientError` (a request the parser refused) with problem+json and the server's headers, then
 * closes the connection, as Node itself would with a bare status line.
 * @template {import('node:http').Server} T
 * @param {T} server
 * @param {{ headers: Readonly<Record<string, string>> }} options the server's own headers (security headers)
 * @returns {T}
 */
export function answerClientErrors(server, { headers }) {
  server.on(
    'clientError',
    (/** @type {NodeJS.ErrnoException} */ error, /** @type {import('node:net').Socket} */ socket) => {
      // Node's rule (lib/_http_server.js): answer only while nothing of a response has gone out on this socket.
      const inFlight = /** @type {{ _httpMessage?: { headersSent?: boolean } }} */ (/** @type {unknown} */ (socket))
        ._httpMessage;
      if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
        socket.destroy();
        return;
      }
      const answer = problemAnswer(clientErrorProblem(error), { headers });
      const lines = [
        `HTTP/1.1 ${answer.status} ${REASONS[/** @type {keyof typeof REASONS} */ (answer.status)] ?? 'Error'}`,
        'Connection: close',
      ];
      for (const [name, value] of Object.entries(answer.headers)) lines.push(`${name}: ${value}`);
      lines.push(`Content-Length: ${Buffer.byteLength(answer.body)}`);
      socket.end(`${lines.join('\r\n')}\r\n\r\n${answer.body}`);
      // A client that never closes its side must not hold the socket open.
      setTimeout(() => socket.destroy(), 2_000).unref();
    },
  );
  return server;
}
