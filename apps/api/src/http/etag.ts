/**
 * Strong entity tags: a SHA-256 of the exact bytes sent, so two representations share a tag only when they are
 * byte-identical (RFC 9110 §8.8.3). Web Crypto only, so the same code runs on Node and on Workers.
 */

const encoder = new TextEncoder();

/**
 * The strong ETag of a body (quoted, base64url of the first 24 bytes of its SHA-256).
 * @example await strongEtag('{"ok":true}') // '"Xx8…"' (always 34 characters including quotes)
 */
export async function strongEtag(body: string | Uint8Array): Promise<string> {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return `"${base64url(digest.subarray(0, 24))}"`;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * True when an `If-None-Match` header matches the tag. GET/HEAD use the weak comparison (RFC 9110 §13.1.2), so
 * `W/"abc"` matches `"abc"`; `*` matches any current representation.
 * @example ifNoneMatchMatches('"a", W/"b"', '"b"') // true
 * @example ifNoneMatchMatches(undefined, '"b"') // false
 */
export function ifNoneMatchMatches(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  // The usual revalidation: the client sends back exactly the tag it was given.
  if (header === etag) return true;
  if (header.trim() === '*') return true;
  const wanted = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const raw of header.split(',')) {
    const candidate = raw.trim();
    if ((candidate.startsWith('W/') ? candidate.slice(2) : candidate) === wanted) return true;
  }
  return false;
}
