/**
 * Sending memoised representations: the fast path of every data endpoint. A handler names the response (a key
 * built only from validated, canonical parameters) and says how to render JSON and CSV; the first request renders
 * and hashes, later ones are a lookup, and a matching `If-None-Match` gets 304 without touching the body.
 */
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { AppEnv } from './context.ts';
import { ifNoneMatchMatches } from './etag.ts';
import { BASE_HEADERS, DATA_CACHE_CONTROL } from './headers.ts';
import { compressRendered, type RenderMemo, type Rendered, type RepeatableAnswer, renderBody } from './memo.ts';
import { representationOf } from './negotiate.ts';

export { acceptsGzip } from './negotiate.ts';

/** How to render one table endpoint's two representations. */
export type TableRenderers<T> = {
  json: () => T;
  csv: () => string;
  /** File name offered for the CSV download, without extension. */
  filename: string;
};

/**
 * Sends a table endpoint's JSON or CSV (chosen by `.csv` suffix or `Accept`), memoised under `key`.
 * @example
 * return sendTable(c, memo, `forces`, {
 *   json: () => forces,
 *   csv: () => renderCsv(forces, cols),
 *   filename: 'forces',
 * })
 */
export async function sendTable<T>(
  c: Context<AppEnv>,
  memo: RenderMemo,
  key: string,
  renderers: TableRenderers<T>,
): Promise<TypedResponse<JSONParsed<T>, 200, 'json'>> {
  // Typed as the JSON it documents (for hono/client); the CSV variant is the same data, added to /openapi.json by
  // withCsvVariants.
  return (await sendNegotiated(c, memo, key, renderers)) as unknown as TypedResponse<JSONParsed<T>, 200, 'json'>;
}

async function sendNegotiated<T>(
  c: Context<AppEnv>,
  memo: RenderMemo,
  key: string,
  renderers: TableRenderers<T>,
): Promise<Response> {
  const representation = representationOf(c.req.url, c.req.header('accept'));
  const extra: Record<string, string> = { Vary: memo.codings.length > 0 ? 'Accept, Accept-Encoding' : 'Accept' };
  if (representation === 'csv') {
    extra['Content-Disposition'] = `inline; filename="${renderers.filename}.csv"`;
    return sendMemo(
      c,
      memo,
      `${key}|csv`,
      () => renderBody(renderers.csv(), 'text/csv; charset=utf-8; header=present'),
      extra,
    );
  }
  return sendMemo(
    c,
    memo,
    `${key}|json`,
    () => renderBody(JSON.stringify(renderers.json()), 'application/json; charset=utf-8'),
    extra,
  );
}

/** Bodies smaller than this are not worth compressing. */
const COMPRESS_MIN_BYTES = 1024;

/**
 * Sends a memoised body, compressed (its own memo entry and ETag) in the coding the client prefers among those the
 * memo offers (brotli, gzip), when the memo can make it; `Vary: Accept-Encoding` whenever the memo offers any.
 * @example return sendMemo(c, memo, 'openapi', () => renderBody(json, 'application/json'))
 */
export async function sendMemo(
  c: Context<AppEnv>,
  memo: RenderMemo,
  key: string,
  render: () => Promise<Rendered>,
  extraHeaders: Record<string, string> = {},
  cacheControl = DATA_CACHE_CONTROL,
): Promise<Response> {
  const identity = await memo.get(key, render);
  if (memo.codings.length === 0) return remember(c, memo, identity, extraHeaders, cacheControl);
  const headers = { Vary: 'Accept-Encoding', ...extraHeaders };
  const coding = memo.codingFor(c.req.header('accept-encoding'));
  const compress = coding && memo.compressors[coding];
  if (!coding || !compress || identity.body.byteLength < COMPRESS_MIN_BYTES)
    return remember(c, memo, identity, headers, cacheControl);
  const encoded = await memo.get(`${key}|${coding}`, () => compressRendered(identity, coding, compress));
  return remember(c, memo, encoded, headers, cacheControl);
}

/** Sends and records the answer so the same request can take the fast path next time. */
function remember(
  c: Context<AppEnv>,
  memo: RenderMemo,
  rendered: Rendered,
  headers: Record<string, string>,
  cacheControl: string,
): Response {
  memo.rememberAnswer(c.req.raw, repeatableAnswer(rendered, headers, cacheControl));
  return sendRendered(c, rendered, headers, cacheControl);
}

/**
 * The repeatable form of a 200 (see {@link RepeatableAnswer}): the same headers {@link sendRendered} sends,
 * without the per-request ones.
 * @example memo.rememberAnswer(request, repeatableAnswer(rendered, { Vary: 'Accept' }))
 */
export function repeatableAnswer(
  rendered: Rendered,
  extraHeaders: Record<string, string> = {},
  cacheControl = DATA_CACHE_CONTROL,
): RepeatableAnswer {
  return {
    rendered,
    ok: Object.freeze(answerHeaders(BASE_HEADERS, rendered, extraHeaders, cacheControl, false)),
    notModified: Object.freeze(answerHeaders(BASE_HEADERS, rendered, extraHeaders, cacheControl, true)),
  };
}

/**
 * The headers of a rendered answer on top of `base`: ETag, Cache-Control, `extraHeaders`, and the entity headers
 * unless it is a 304.
 */
function answerHeaders(
  base: Readonly<Record<string, string>>,
  rendered: Rendered,
  extraHeaders: Record<string, string>,
  cacheControl: string,
  notModified: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {
    ...base,
    ETag: rendered.etag,
    'Cache-Control': cacheControl,
    ...extraHeaders,
  };
  if (notModified) return headers;
  headers['Content-Type'] = rendered.contentType;
  if (rendered.encoding) headers['Content-Encoding'] = rendered.encoding;
  return headers;
}

/**
 * Answers a request again: 304 when `ifNoneMatch` matches the ETag, else the 200 with its body, with the request's
 * id and, when a rate limit is on, the client's standing (the `RateLimit-*` headers in `rateLimit`).
 * @example repeatAnswer(answer, req.headers.get('if-none-match'), 'req-1').status // 304 or 200
 */
export function repeatAnswer(
  answer: RepeatableAnswer,
  ifNoneMatch: string | null | undefined,
  requestId: string,
  rateLimit?: Record<string, string>,
): Response {
  const notModified = ifNoneMatchMatches(ifNoneMatch, answer.rendered.etag);
  // One copy of the frozen headers with the id added in the same literal: the cheapest copy V8 makes.
  const headers: Record<string, string> = notModified
    ? { ...answer.notModified, 'X-Request-Id': requestId }
    : { ...answer.ok, 'X-Request-Id': requestId };
  if (rateLimit) Object.assign(headers, rateLimit);
  return notModified
    ? new Response(null, { status: 304, headers })
    : new Response(answer.rendered.body, bodyInit(answer.rendered, headers));
}

/**
 * A 200's init. A compressed body goes out as it is: Workers would otherwise encode it again in the coding its
 * Content-Encoding names (`encodeBody: 'manual'`; other runtimes ignore the field).
 */
function bodyInit(rendered: Rendered, headers: Record<string, string>): ResponseInit {
  return rendered.encoding
    ? ({ status: 200, headers, encodeBody: 'manual' } as ResponseInit)
    : { status: 200, headers };
}

/**
 * Sends an already rendered body (200), or 304 when the client's `If-None-Match` already has it. Every header in
 * one plain object (the planned ones, ETag, Cache-Control, `extraHeaders`), and the response sealed so middleware
 * leaves it alone (see context.ts).
 * @example return sendRendered(c, await memo.get('openapi', render))
 */
export function sendRendered(
  c: Context<AppEnv>,
  rendered: Rendered,
  extraHeaders: Record<string, string> = {},
  cacheControl = DATA_CACHE_CONTROL,
): Response {
  c.set('sealed', true);
  const notModified = ifNoneMatchMatches(c.req.header('if-none-match'), rendered.etag);
  const headers = answerHeaders(c.get('responseHeaders'), rendered, extraHeaders, cacheControl, notModified);
  return notModified
    ? new Response(null, { status: 304, headers })
    : new Response(rendered.body, bodyInit(rendered, headers));
}
