/**
 * Responses are immutable for a data release, so each representation is rendered once: its bytes and strong
 * ETag are kept and every later request (including If-None-Match revalidation) is a map lookup. The memo is
 * bounded (least recently used first out) so unbounded inputs such as `compare?forces=…` cannot grow it forever.
 */
import { strongEtag } from './etag.ts';

/** A rendered representation, ready to send (`encoding` set when the bytes are compressed). */
export type Rendered = { body: Uint8Array<ArrayBuffer>; etag: string; contentType: string; encoding?: 'gzip' };

const encoder = new TextEncoder();

/**
 * A 200 the edge can repeat for the same request: the rendered body and every header but the per-request ones
 * (request id, rate limit), for the 200 and for the 304. Frozen: V8 copies a frozen object several times faster
 * than a plain one, and a copy is made on every repeat (see send.ts `repeatAnswer`).
 */
export type RepeatableAnswer = {
  rendered: Rendered;
  ok: Readonly<Record<string, string>>;
  notModified: Readonly<Record<string, string>>;
};

/**
 * Renders a body once: UTF-8 bytes plus its strong ETag.
 * @example await renderBody('{"ok":true}', 'application/json') // { body: Uint8Array, etag: '"…"', contentType: 'application/json' }
 */
export async function renderBody(text: string, contentType: string): Promise<Rendered> {
  const body = encoder.encode(text);
  return { body, etag: await strongEtag(body), contentType };
}

/**
 * The gzip variant of a rendered body (web-standard CompressionStream, so Node and Workers alike), with its own
 * strong ETag: a compressed representation is a different sequence of bytes.
 * @example const gz = await gzipRendered(await renderBody('{"a":1}', 'application/json')) // gz.encoding === 'gzip'
 */
export async function gzipRendered(rendered: Rendered): Promise<Rendered> {
  const stream = new Blob([rendered.body]).stream().pipeThrough(new CompressionStream('gzip'));
  const body = new Uint8Array(await new Response(stream).arrayBuffer());
  return { body, etag: await strongEtag(body), contentType: rendered.contentType, encoding: 'gzip' };
}

/**
 * A memo of rendered representations, bounded by entry count and by total bytes (reports are ~0.5 MB each).
 * Concurrent misses for one key share one render.
 * @example
 * const memo = new RenderMemo(100);
 * await memo.get('forces|json', () => renderBody('[]', 'application/json'));
 */
export class RenderMemo {
  readonly #max: number;
  readonly #maxBytes: number;
  /** Whether senders may offer gzip variants (on Node; Workers compress at the edge themselves). */
  readonly gzip: boolean;
  #bytes = 0;
  readonly #entries = new Map<string, Promise<Rendered>>();
  readonly #sizes = new Map<string, number>();

  constructor(
    maxEntries: number,
    { maxBytes = 128 * 1024 * 1024, gzip = false }: { maxBytes?: number; gzip?: boolean } = {},
  ) {
    this.#max = maxEntries;
    this.#maxBytes = maxBytes;
    this.gzip = gzip;
  }

  /**
   * Answers by request (URL, then the negotiation headers) that were sent from this memo with a 200: the same
   * request always gets the same answer from an immutable release, so a repeat skips routing, validation and the
   * handler (see the edge's front door in middleware.ts). Bounded; cleared whenever the memo evicts, so it never
   * pins evicted bytes. Two levels, so the usual lookup hashes only the URL (no composite key is built).
   */
  readonly #answers = new Map<string, Map<string, RepeatableAnswer>>();
  #answerCount = 0;
  static readonly MAX_REQUESTS = 10_000;

  /**
   * The answer this memo gave the same request before, if any.
   * @example memo.answerFor(request)?.rendered.etag
   */
  answerFor(request: Request): RepeatableAnswer | undefined {
    if (this.#answerCount === 0) return undefined;
    return this.#answers.get(request.url)?.get(this.#negotiation(request.headers));
  }

  /**
   * Records the answer to a request so that a repeat gets it from {@link answerFor}.
   * @example memo.rememberAnswer(c.req.raw, repeatableAnswer(rendered, { Vary: 'Accept' }))
   */
  rememberAnswer(request: Request, answer: RepeatableAnswer): void {
    if (this.#answerCount >= RenderMemo.MAX_REQUESTS) this.#forgetAnswers();
    let byNegotiation = this.#answers.get(request.url);
    if (!byNegotiation) this.#answers.set(request.url, (byNegotiation = new Map()));
    const key = this.#negotiation(request.headers);
    if (!byNegotiation.has(key)) this.#answerCount += 1;
    byNegotiation.set(key, answer);
  }

  /** The headers that choose the representation: Accept, and Accept-Encoding when gzip is offered. */
  #negotiation(headers: Headers): string {
    const accept = headers.get('accept');
    const encoding = this.gzip ? headers.get('accept-encoding') : null;
    // Most clients send neither (or the same few values); the constant '' keeps the lookup to one hash.
    return accept === null && encoding === null ? '' : `${accept ?? ''}\n${encoding ?? ''}`;
  }

  #forgetAnswers(): void {
    this.#answers.clear();
    this.#answerCount = 0;
  }

  /** Bytes held by settled entries. */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The rendered value for `key`, rendering it with `render` on a miss. A failed render is not kept. */
  get(key: string, render: () => Promise<Rendered>): Promise<Rendered> {
    const hit = this.#entries.get(key);
    if (hit) {
      // Re-insert to mark as recently used (Map keeps insertion order).
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const pending = render();
    this.#entries.set(key, pending);
    pending.then(
      (rendered) => {
        if (this.#entries.get(key) !== pending) return;
        this.#sizes.set(key, rendered.body.byteLength);
        this.#bytes += rendered.body.byteLength;
        this.#evict();
      },
      () => this.#delete(key),
    );
    this.#evict();
    return pending;
  }

  #evict(): void {
    while (this.#entries.size > this.#max || (this.#bytes > this.#maxBytes && this.#entries.size > 1)) {
      this.#delete(this.#entries.keys().next().value as string);
    }
  }

  #delete(key: string): void {
    this.#forgetAnswers();
    this.#entries.delete(key);
    this.#bytes -= this.#sizes.get(key) ?? 0;
    this.#sizes.delete(key);
  }
}
