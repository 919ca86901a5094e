/**
 * Node only (node.ts imports it; the Workers entry does not): the HTTP server's own errors, answered like the
 * API's. Some requests never reach the app, because Node's parser or @hono/node-server refuse them first: headers
 * over the size limit, bytes that are not HTTP in the request line, a target that is not a path (`GET *`), a bad
 * or missing `Host`. Node would answer those with a bare status line; here they get problem+json (RFC 9457) with the
 * security
 * headers, a request id and `no-store`, like every other error of the API.
 *
 * The header-size limit is set here, not left to Node's default or a command-line flag: 16 KiB for the request
 * line and all headers together. A larger request gets `431 Request Header Fields Too Large`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener, RequestError } from '@hono/node-server';
import {
  answerClientErrors as answerClientErrorsWith,
  MAX_HEADER_BYTES,
  problemAnswer,
  type ServerProblem,
} from '@peel/node-http';
import { BASE_HEADERS } from './headers.ts';

export { MAX_HEADER_BYTES } from '@peel/node-http';

/**
 * The problem document and headers for an error found before the app ran (no route, so no `instance`: the
 * request line may not even have been readable), with the API's headers.
 * @example serverProblem({ status: 400, code: 'bad-request', detail: 'The request target is not a path.' }).status
 * // 400
 */
export function serverProblem(problem: ServerProblem): {
  status: number;
  headers: Record<string, string>;
  body: string;
} {
  return problemAnswer(problem, { headers: BASE_HEADERS });
}

/**
 * Answers Node's `clientError` (a request the parser refused) with problem+json and the API's security headers,
 * then closes the connection (the one implementation in @peel/node-http, which the site's server uses too).
 * @example answerClientErrors(http.createServer(listener))
 */
export function answerClientErrors<T extends Server>(server: T): T {
  return answerClientErrorsWith(server, { headers: BASE_HEADERS });
}

/**
 * Options for @hono/node-server's `serve` that build the hardened server: the header-size limit, problem+json for
 * requests the parser refuses ({@link answerClientErrors}) and for those @hono/node-server cannot turn into a
 * `Request` (`GET *`, a bad `Host`), and a problem+json 500 if the app's fetch itself fails.
 * @example serve({ fetch: app.fetch, port: 8787, ...hardenedServer(app.fetch, { hostname: '0.0.0.0' }) })
 */
export function hardenedServer(
  fetch: Parameters<typeof getRequestListener>[0],
  { hostname }: { hostname?: string | undefined } = {},
): { serverOptions: { maxHeaderSize: number }; createServer: typeof createServer } {
  const listener = getRequestListener(fetch, {
    hostname,
    errorHandler: (error) => {
      const { status, headers, body } = serverProblem(
        error instanceof RequestError
          ? {
              status: 400,
              code: 'bad-request',
              detail:
                `The request cannot be served (${error.message}): the target must be a path starting with "/" ` +
                'and the Host header a valid host name.',
            }
          : { status: 500, code: 'internal-error', detail: 'Something went wrong on our side.' },
      );
      if (!(error instanceof RequestError)) console.error('unexpected error outside the app', error);
      return new Response(body, { status, headers });
    },
  });
  // HTTP/1.1 requires Host (RFC 9112 §3.2). Node would refuse its absence with a bare 400 (requireHostHeader); the
  // check is made here instead, so the answer is a problem like the others.
  const checked = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.headers.host === undefined && incoming.httpVersion !== '1.0') {
      const detail = 'An HTTP/1.1 request must carry a Host header.';
      const { status, headers, body } = serverProblem({ status: 400, code: 'bad-request', detail });
      outgoing
        .writeHead(status, { ...headers, Connection: 'close', 'Content-Length': String(Buffer.byteLength(body)) })
        .end(body);
      return;
    }
    void listener(incoming, outgoing);
  };
  // serve() hands its own listener to createServer; this one (same adapter, plus the checks) replaces it.
  const create = ((options: Parameters<typeof createServer>[0]) =>
    answerClientErrors(createServer({ ...options, requireHostHeader: false }, checked))) as typeof createServer;
  return { serverOptions: { maxHeaderSize: MAX_HEADER_BYTES }, createServer: create };
}
