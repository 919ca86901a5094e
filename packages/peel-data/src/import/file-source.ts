/**
 * Node-only: a file on disk as a stream of text chunks for the importers. Gzip is detected from the
 * file's first bytes (not its name), bytes are decoded as strict UTF-8 (invalid bytes are an error naming
 * the byte offset, never replaced silently), and chunks are 1 MiB because the default 16 KiB chunks made
 * gunzip twice as slow on the outcomes file.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { ImportError } from './errors.ts';

const CHUNK = 1 << 20;

/**
 * A read failure as the importer reports it: a damaged or cut-off gzip stream becomes an ImportError naming the file.
 */
function readFailure(error: unknown, displayName: string): unknown {
  if (error instanceof ImportError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
    return new ImportError({
      file: displayName,
      expected: 'a complete gzip file',
      received: `a gzip stream that ends early or is damaged (${code}); the file may be truncated`,
    });
  }
  return error;
}

/** Bytes between two offsets that are not UTF-8. */
function notUtf8(displayName: string, from: number, to: number): ImportError {
  return new ImportError({
    file: displayName,
    expected: 'UTF-8 text',
    received: `bytes that are not UTF-8 between byte ${from} and ${to} (save the file as UTF-8 CSV)`,
  });
}

/** A UTF-8 character cut off by the end of the file. */
function cutUtf8(displayName: string): ImportError {
  return new ImportError({
    file: displayName,
    expected: 'UTF-8 text',
    received: 'an incomplete UTF-8 character at the end of the file (is it truncated?)',
  });
}

/**
 * The bytes of `path` in 1 MiB chunks, gunzipped when the file starts with the gzip signature, and `close` to
 * release the file and the gunzip stream (also on early exit, when the importer stopped at a bad row).
 */
async function openBytes(path: string, displayName: string): Promise<{ stream: AsyncIterable<Buffer>; close(): void }> {
  const gzipped = await startsWithGzipSignature(path, displayName);
  const bytes = createReadStream(path, { highWaterMark: CHUNK });
  const stream = gzipped ? bytes.pipe(createGunzip({ chunkSize: CHUNK })) : bytes;
  const close = () => {
    bytes.destroy();
    if (stream !== bytes) stream.destroy();
  };
  return { stream, close };
}

/**
 * Yields the decoded text of `path`, gunzipping it when it starts with the gzip signature.
 * An empty file yields nothing (the importers then report "an empty file").
 * @example
 * for await (const text of readTextChunks('data/raw/ho-outcomes-2017-18-cjcharts/detection-rates-data.csv.gz'))
 * console.log(text.length)
 */
export async function* readTextChunks(path: string, displayName = path): AsyncGenerator<string> {
  const file = await openBytes(path, displayName);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  try {
    for await (const chunk of file.stream) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw notUtf8(displayName, offset, offset + chunk.length);
      }
      offset += chunk.length;
      if (text) yield text;
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw cutUtf8(displayName);
    }
    if (rest) yield rest;
  } catch (error) {
    throw readFailure(error, displayName);
  } finally {
    file.close();
  }
}

/**
 * Like {@link readTextChunks}, but yields the UTF-8 bytes one character per byte (`latin1`), for the
 * importers' `utf8Bytes` mode: the file is still checked to be valid UTF-8 (a sequence split between two
 * chunks is carried over), but only the few fields an importer reads are ever decoded. This halves the
 * reading cost of the 90 MB outcomes file, whose en dashes would otherwise make every chunk a two-byte string.
 * @example
 * for await (const bytes of readUtf8ByteChunks('outcomes.csv.gz')) reader.push(bytes)
 * // with new CsvReader(file, onRecord, { utf8Bytes: true })
 */
export async function* readUtf8ByteChunks(path: string, displayName = path): AsyncGenerator<string> {
  const file = await openBytes(path, displayName);
  let offset = 0;
  let carry: Buffer | undefined;
  try {
    for await (const piece of file.stream) {
      const chunk = carry ? Buffer.concat([carry, piece]) : piece;
      const complete = completeUtf8Length(chunk);
      const body = chunk.subarray(0, complete);
      if (!isUtf8(body)) throw notUtf8(displayName, offset, offset + body.length);
      carry = complete < chunk.length ? Buffer.from(chunk.subarray(complete)) : undefined;
      offset += body.length;
      if (body.length > 0) yield body.toString('latin1');
    }
    if (carry) throw cutUtf8(displayName);
  } catch (error) {
    throw readFailure(error, displayName);
  } finally {
    file.close();
  }
}

/**
 * Length of the prefix of `chunk` that ends on a UTF-8 character boundary (a split sequence is left for the next
 * chunk).
 */
function completeUtf8Length(chunk: Uint8Array): number {
  const end = chunk.length;
  // Look back at most 3 bytes for the lead byte of a sequence that may be cut.
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = chunk[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
}

async function startsWithGzipSignature(path: string, displayName: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ImportError({ file: displayName, expected: 'an existing file', received: 'no file at this path' });
    if (code === 'EISDIR') throw new ImportError({ file: displayName, expected: 'a file', received: 'a directory' });
    throw error;
  }
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } catch (error) {
    // Linux opens a directory for reading; the first read fails.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR')
      throw new ImportError({ file: displayName, expected: 'a file', received: 'a directory' });
    throw error;
  } finally {
    await handle.close();
  }
}
