/**
 * Release artifacts on Node: the folder the build writes (`dist/artifacts/`), read from disk. Node-only (fs), so
 * only node.ts, the build script and tests import it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type ArtifactSource, createArtifactSource } from './source.ts';

/**
 * The artifact source for a folder, or undefined when the folder has no `manifest.json` (then the app computes;
 * so it is when src/node.ts runs from the sources, whose folder holds code, not artifacts).
 * @example createApp({ gzip: true, artifacts: nodeArtifacts(new URL('./artifacts/', import.meta.url)) })
 */
export function nodeArtifacts(folder: URL): ArtifactSource | undefined {
  if (!existsSync(new URL('manifest.json', folder))) return undefined;
  return createArtifactSource({
    read: async (file) => {
      const bytes = await readFile(new URL(file, folder));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>;
    },
  });
}
