/**
 * Responses are immutable for a data release, so each representation is rendered once: its bytes and strong
 * ETag are kept and every later request (including If-None-Match revalidation) is a map lookup. The memo is
 * bounded (least recently used first out) so unbounded inputs such as `compare?forces=…` cannot grow it forever.
 */
import { strongEtag } from './etag.ts';
import { acceptPrefersCsv, CODINGS, type Coding, preferredCoding } from './negotiate.ts';

/** What a request's headers negotiate: the representation and the content coding, if any. */
type Negotiated = 'json' | 'csv' | `${'json' | 'csv'}+${Coding}`;

/** A rendered representation, ready to send (`encoding` set when the bytes are compressed). */
export type Rendered = { body: Uint8Array<ArrayBuffer>; etag: string; contentType: string; encoding?: Coding };

/** Compresses bytes with one content coding (brotli on Node: node:zlib, which Workers do not have). */
export type Compressor = (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>>;

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
 * @example
 * await renderBody('{"ok":true}', 'application/json')
 * // { body: Uint8Array, etag: '"…"', contentType: 'application/json' }
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
  return compressRendered(rendered, 'gzip', gzipBytes);
}

/** gzip with the web-standard CompressionStream. */
const gzipBytes: Compressor = async (bytes) => {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

/**
 * A rendered body in a content coding, with its own strong ETag (RFC 9110 §8.8.3: a content-coded representation
 * is other bytes, so another strong validator; the ETag of each coding is the hash of the bytes sent).
 * @example const br = await compressRendered(rendered, 'br', nodeBrotli) // br.encoding === 'br'
 */
export async function compressRendered(rendered: Rendered, coding: Coding, compress: Compressor): Promise<Rendered> {
  const body = await compress(rendered.body);
  return { body, etag: await strongEtag(body), contentType: rendered.contentType, encoding: coding };
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
  /**
   * The content codings answers may come in, the preferred first: those the memo compresses itself
   * ({@link compressors}) and those prebuilt answers bring (release artifacts). Empty: identity only, and no
   * `Vary: Accept-Encoding`.
   */
  readonly codings: readonly Coding[];
  /** How the memo compresses, by coding (Node: gzip and brotli; Workers: none, their edge compresses). */
  readonly compressors: Readonly<Partial<Record<Coding, Compressor>>>;
  #bytes = 0;
  readonly #entries = new Map<string, Promise<Rendered>>();
  readonly #sizes = new Map<string, number>();

  constructor(
    maxEntries: number,
    {
      maxBytes = 128 * 1024 * 1024,
      gzip = false,
      brotli,
      prebuilt = [],
    }: {
      maxBytes?: number;
      /** Compress with gzip (CompressionStream). */
      gzip?: boolean;
      /** Compress with brotli (Node passes node:zlib's, see brotli-node.ts). */
      brotli?: Compressor;
      /** Codings prebuilt answers may come in, beyond those compressed here. */
      prebuilt?: readonly Coding[];
    } = {},
  ) {
    this.#max = maxEntries;
    this.#maxBytes = maxBytes;
    this.compressors = Object.freeze({ ...(brotli ? { br: brotli } : {}), ...(gzip ? { gzip: gzipBytes } : {}) });
    this.codings = Object.freeze(CODINGS.filter((coding) => coding in this.compressors || prebuilt.includes(coding)));
  }

  /**
   * Answers by request (URL, then the negotiated representation) that were sent from this memo with a 200: the
   * same request always gets the same answer from an immutable release, so a repeat skips routing, validation and
   * the handler (see the edge's front door in middleware.ts). Two levels, so the usual lookup hashes only the URL
   * (no composite key is built). The second level keys on what the headers negotiate (CSV or JSON, and the coding),
   * never on their text: a client varying a 15 kB `Accept` header gets one entry, not one per header.
   * Bounded by answers and by the characters of the URLs held (oldest URL out first); cleared whenever the memo
   * evicts a rendering, so it never pins evicted bytes.
   */
  readonly #answers = new Map<string, Map<Negotiated, RepeatableAnswer>>();
  #answerCount = 0;
  #urlChars = 0;
  static readonly MAX_REQUESTS = 10_000;
  /** URLs can be up to the header-size limit long (16 kB): 10,000 of those would be 160 MB. */
  static readonly MAX_URL_CHARS = 4_000_000;
  // The last Accept-Encoding seen and its verdict: clients send the same few values again and again.
  #lastEncoding: string | null = null;
  #lastCoding: Coding | undefined;

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
    const url = request.url;
    let byNegotiation = this.#answers.get(url);
    if (!byNegotiation) {
      while (
        this.#answers.size > 0 &&
        (this.#answerCount >= RenderMemo.MAX_REQUESTS || this.#urlChars + url.length > RenderMemo.MAX_URL_CHARS)
      ) {
        this.#forgetUrl(this.#answers.keys().next().value as string);
      }
      this.#answers.set(url, (byNegotiation = new Map()));
      this.#urlChars += url.length;
    }
    const key = this.#negotiation(request.headers);
    if (!byNegotiation.has(key)) this.#answerCount += 1;
    byNegotiation.set(key, answer);
  }

  /** How many answers are held, and the characters of their URLs (what bounds their memory). */
  get answers(): { count: number; urlChars: number } {
    return { count: this.#answerCount, urlChars: this.#urlChars };
  }

  /**
   * The representation the headers choose: CSV when Accept prefers it, and the coding Accept-Encoding prefers
   * among {@link codings}. The same choice send.ts and the artifacts make, so one key stands for every header text
   * that makes it.
   */
  #negotiation(headers: Headers): Negotiated {
    const accept = headers.get('accept');
    const encoding = this.codings.length > 0 ? headers.get('accept-encoding') : null;
    // Most clients send neither: no parsing, the constant key.
    if (accept === null && encoding === null) return 'json';
    const representation = acceptPrefersCsv(accept) ? 'csv' : 'json';
    if (encoding === null) return representation;
    return this.codingFor(encoding) ? `${representation}+${this.#lastCoding!}` : representation;
  }

  /**
   * The coding an Accept-Encoding header gets from this memo's {@link codings} (undefined: identity).
   * @example new RenderMemo(10, { gzip: true }).codingFor('gzip, br') // 'gzip'
   */
  codingFor(encoding: string | null | undefined): Coding | undefined {
    if (!encoding || this.codings.length === 0) return undefined;
    if (encoding !== this.#lastEncoding) {
      this.#lastCoding = preferredCoding(encoding, this.codings);
      this.#lastEncoding = encoding;
    }
    return this.#lastCoding;
  }

  #forgetUrl(url: string): void {
    this.#answerCount -= this.#answers.get(url)?.size ?? 0;
    this.#urlChars -= url.length;
    this.#answers.delete(url);
  }

  #forgetAnswers(): void {
    this.#answers.clear();
    this.#answerCount = 0;
    this.#urlChars = 0;
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
