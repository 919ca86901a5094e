import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from './errors.ts';
import { readTextChunks, readUtf8ByteChunks } from './file-source.ts';

const work = mkdtempSync(join(tmpdir(), 'peel-file-source-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
const fromBytes = (text: string) => new TextDecoder().decode(Uint8Array.from(text, (char) => char.charCodeAt(0)));

async function issueOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportError) return error.issue;
    throw error;
  }
  throw new Error('expected an ImportError');
}

// More than one 1 MiB chunk, with a three-byte en dash and a four-byte character at every offset mod 4, so
// some multi-byte characters are cut by a chunk boundary.
const text = Array.from({ length: 60_000 }, (_, i) => `${i},Caution – adults,𝔸${'x'.repeat(i % 4)}\n`).join('');

describe('reading files', () => {
  it.each([
    { name: 'plain', bytes: Buffer.from(text, 'utf8') },
    { name: 'gzip (detected from the first bytes, whatever the name)', bytes: gzipSync(Buffer.from(text, 'utf8')) },
  ])('reads a $name file as text, and as UTF-8 bytes that decode to the same text', async ({ name, bytes }) => {
    const path = join(work, `${name.slice(0, 4)}.csv`);
    writeFileSync(path, bytes);
    expect(await collect(readTextChunks(path))).toBe(text);
    expect(fromBytes(await collect(readUtf8ByteChunks(path)))).toBe(text);
  });

  it('rejects bytes that are not UTF-8, naming the file and the byte range', async () => {
    const path = join(work, 'latin1.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0x96]), Buffer.from('\n')]));
    for (const read of [readTextChunks, readUtf8ByteChunks]) {
      expect(await issueOf(() => collect(read(path)))).toMatchObject({
        file: path,
        expected: 'UTF-8 text',
        received: expect.stringContaining('between byte 0'),
      });
    }
  });

  it('rejects a file that ends inside a UTF-8 character', async () => {
    const path = join(work, 'cut.csv');
    writeFileSync(path, Buffer.from('a,–', 'utf8').subarray(0, 4));
    expect(await issueOf(() => collect(readUtf8ByteChunks(path)))).toMatchObject({
      received: expect.stringContaining('incomplete UTF-8 character'),
    });
  });

  it('rejects a truncated gzip file', async () => {
    const path = join(work, 'cut.csv.gz');
    const gz = gzipSync(Buffer.from(text, 'utf8'));
    writeFileSync(path, gz.subarray(0, gz.length >> 1));
    expect(await issueOf(() => collect(readUtf8ByteChunks(path)))).toMatchObject({
      expected: 'a complete gzip file',
      received: expect.stringContaining('truncated'),
    });
  });

  it('reports a missing file and a folder', async () => {
    expect(await issueOf(() => collect(readTextChunks(join(work, 'nope.csv'))))).toMatchObject({
      expected: 'an existing file',
    });
    expect(await issueOf(() => collect(readTextChunks(work)))).toMatchObject({
      expected: 'a file',
      received: 'a directory',
    });
  });
});
