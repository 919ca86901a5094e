/**
 * Regenerating the data from data/raw must reproduce the committed src/generated/*.ts byte for byte.
 * Runs the real `gen:data` script into a temporary folder (PEEL_GEN_OUT), so the work tree is untouched.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_DIR } from '../scripts/lib/raw.ts';
import { GENERATED_HEADER } from '../scripts/lib/generated.ts';

describe('pnpm gen:data', () => {
  it('regenerates every committed module unchanged', { timeout: 180_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'peel-gen-'));
    try {
      execFileSync(
        process.execPath,
        [
          join(PACKAGE_DIR, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          '--conditions=peel-source',
          'scripts/gen-data.ts',
        ],
        {
          cwd: PACKAGE_DIR,
          env: { ...process.env, PEEL_GEN_OUT: out },
          stdio: 'pipe',
        },
      );
      const committedDir = join(PACKAGE_DIR, 'src', 'generated');
      const committed = readdirSync(committedDir)
        .filter((file) => file.endsWith('.ts'))
        .sort();
      expect(readdirSync(out).sort()).toEqual(committed);
      for (const file of committed) {
        const fresh = readFileSync(join(out, file), 'utf8');
        expect(fresh.startsWith(GENERATED_HEADER), file).toBe(true);
        expect(
          fresh === readFileSync(join(committedDir, file), 'utf8'),
          `${file} differs from a fresh run of pnpm gen:data`,
        ).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
