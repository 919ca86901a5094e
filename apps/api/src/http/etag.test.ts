import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ifNoneMatchMatches, strongEtag } from './etag.ts';

describe('strongEtag', () => {
  it('is a quoted opaque tag of fixed length', async () => {
    const tag = await strongEtag('{"ok":true}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
  });

  it('matches the SHA-256 computed by an independent implementation (node:crypto)', async () => {
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update('durham').digest().subarray(0, 24).toString('base64url');
    expect(await strongEtag('durham')).toBe(`"${expected}"`);
  });

  it('is equal for equal bytes and different for different bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (a, b) => {
        const [ta, tb] = await Promise.all([strongEtag(a), strongEtag(b)]);
        expect(ta === tb).toBe(a === b);
      }),
      { numRuns: 200 },
    );
  });

  it('treats a string and its UTF-8 bytes alike', async () => {
    expect(await strongEtag('Ynys Môn')).toBe(await strongEtag(new TextEncoder().encode('Ynys Môn')));
  });
});

describe('ifNoneMatchMatches', () => {
  const cases: Array<{ header: string | undefined; etag: string; expected: boolean }> = [
    { header: undefined, etag: '"a"', expected: false },
    { header: '', etag: '"a"', expected: false },
    { header: '"a"', etag: '"a"', expected: true },
    { header: 'W/"a"', etag: '"a"', expected: true },
    { header: '"b", "a"', etag: '"a"', expected: true },
    { header: '"b",W/"c"', etag: '"a"', expected: false },
    { header: '*', etag: '"a"', expected: true },
    { header: 'a', etag: '"a"', expected: false },
  ];
  it.each(cases)('If-None-Match $header vs $etag -> $expected', ({ header, etag, expected }) => {
    expect(ifNoneMatchMatches(header, etag)).toBe(expected);
  });
});
