/**
 * Sending memoised representations: the fast path of every data endpoint. A handler names the response (a key
 * built only from validated, canonical parameters) and says how to render JSON and CSV; the first request renders
 * and hashes, later ones are a lookup, and a matching `If-None-Match` gets 304 without touching the body.
 */
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import { ifNoneMatchMatches } from './etag.ts';
import { DATA_CACHE_CONTROL } from './middleware.ts';
import { type RenderMemo, type Rendered, renderBody } from './memo.ts';
import { representationOf } from './negotiate.ts';

/** How to render one table endpoint's two representations. */
export type TableRenderers = {
  json: () => unknown;
  csv: () => string;
  /** File name offered for the CSV download, without extension. */
  filename: string;
};

/**
 * Sends a table endpoint's JSON or CSV (chosen by `.csv` suffix or `Accept`), memoised under `key`.
 * @example return sendTable(c, memo, `forces`, { json: () => forces, csv: () => renderCsv(forces, cols), filename: 'forces' })
 */
export async function sendTable(c: Context<AppEnv>, memo: RenderMemo, key: string, renderers: TableRenderers): Promise<Response> {
  const representation = representationOf(c.req.url, c.req.header('accept'));
  const rendered =
    representation === 'csv'
      ? await memo.get(`${key}|csv`, () => renderBody(renderers.csv(), 'text/csv; charset=utf-8; header=present'))
      : await memo.get(`${key}|json`, () => renderBody(JSON.stringify(renderers.json()), 'application/json; charset=utf-8'));
  const extra: Record<string, string> = { Vary: 'Accept' };
  if (representation === 'csv') extra['Content-Disposition'] = `inline; filename="${renderers.filename}.csv"`;
  return sendRendered(c, rendered, extra);
}

/**
 * Sends an already rendered body (200), or 304 when the client's `If-None-Match` already has it.
 * @example return sendRendered(c, await memo.get('openapi', render))
 */
export function sendRendered(c: Context<AppEnv>, rendered: Rendered, extraHeaders: Record<string, string> = {}, cacheControl = DATA_CACHE_CONTROL): Response {
  // Every header in one plain object, and the response sealed so middleware leaves it alone (see context.ts).
  const headers: Record<string, string> = { ...c.get('responseHeaders'), ETag: rendered.etag, 'Cache-Control': cacheControl, ...extraHeaders };
  c.set('sealed', true);
  if (ifNoneMatchMatches(c.req.header('if-none-match'), rendered.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers['Content-Type'] = rendered.contentType;
  return new Response(rendered.body, { status: 200, headers });
}
