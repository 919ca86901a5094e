/**
 * The runtime names each entry point (package.json "exports") gives users, snapshotted so that growing or shrinking
 * a public surface shows up in review. After a deliberate change:
 * `pnpm exec vitest run test/exported-names.test.ts -u`.
 * (Type-only exports are erased at run time, so they are not listed here.)
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const { exports } = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { 'peel-source': string }>;
};
const entries = Object.entries(exports).flatMap(([subpath, target]) =>
  typeof target === 'string' ? [] : [[subpath, target['peel-source']] as const],
);

describe('exported names of each entry point', () => {
  it.each(entries)('%s', { timeout: 60_000 }, async (subpath, source) => {
    const module = (await import(join(PACKAGE_DIR, source))) as Record<string, unknown>;
    await expect(`${Object.keys(module).sort().join('\n')}\n`).toMatchFileSnapshot(
      `./__snapshots__/exports/${subpath === '.' ? 'index' : subpath.slice(2).replace(/\//g, '__')}.txt`,
    );
  });
});
