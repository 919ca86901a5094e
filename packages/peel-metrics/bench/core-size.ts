/**
 * Size of the core of peel-metrics (the `peel-metrics/core` entry: its pure functions and exclusion registry) as a
 * user's bundler would ship it: bundled from the entry, peel-data and zod left external, minified, then gzipped.
 */
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/** The core is the `peel-metrics/core` entry: the method's pure functions and the exclusion registry. */
export const CORE_EXPORTS = [
  'computeRate',
  'populationYearForPeriodEnd',
  'percentChange',
  'changeBetween',
  'poolEnglandWales',
  'meanOfForceRates',
  'exclusionsFor',
  'ruleFor',
  'EXCLUSION_REGISTRY_2016',
  'bandForces',
  'tailSize',
  'compareWithEnglandWales',
  'proportionsWithGroups',
  'roundHalfAwayFromZero',
  'formatValue',
] as const;

/**
 * Bundles the core exports and returns the minified and gzipped sizes in bytes.
 * @example (await coreBundleSize()).gzip // e.g. 3900
 */
export async function coreBundleSize(): Promise<{ minified: number; gzip: number; exports: readonly string[] }> {
  const result = await build({
    stdin: { contents: `export * from './src/core.ts';`, resolveDir: join(here, '..'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    minify: true,
    treeShaking: true,
    write: false,
    platform: 'neutral',
    external: ['peel-data', 'zod'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, exports: CORE_EXPORTS };
}
