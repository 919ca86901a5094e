/**
 * Every subpath of package.json "exports" points at real files, and the per-dataset entries re-export the main entry's
 * values.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as main from '../src/index.ts';
import { PACKAGE_DIR } from '../scripts/lib/raw.ts';

const { exports } = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { 'peel-source': string; types: string; default: string }>;
};
const subpaths = Object.entries(exports).filter(
  (entry): entry is [string, { 'peel-source': string; types: string; default: string }] => typeof entry[1] !== 'string',
);

describe('package.json exports', () => {
  it.each(subpaths)('%s has peel-source, types and default, and its source exists', (_subpath, conditions) => {
    expect(Object.keys(conditions)).toEqual(['peel-source', 'types', 'default']);
    expect(existsSync(join(PACKAGE_DIR, conditions['peel-source']))).toBe(true);
    expect(conditions.default.replace('./dist/', './src/').replace(/\.js$/, '.ts')).toBe(conditions['peel-source']);
  });

  it.each(
    subpaths.filter(
      ([subpath]) =>
        subpath.startsWith('./') && !['./node', './boundaries', './schemas', './cli-kit'].includes(subpath),
    ),
  )('%s re-exports the same values as the main entry', async (_subpath, conditions) => {
    const entry = (await import(join(PACKAGE_DIR, conditions['peel-source']))) as Record<string, unknown>;
    expect(Object.keys(entry).length).toBeGreaterThanOrEqual(2);
    for (const [name, value] of Object.entries(entry))
      expect(value, name).toBe((main as Record<string, unknown>)[name]);
  });
});
