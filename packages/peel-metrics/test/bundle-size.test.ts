/**
 * Browser budgets (issue 12), measured on the BUILT packages as an app would bundle them: esbuild, minified,
 * browser platform, zod NOT marked external, so any zod that a program reaches is counted and detected.
 * - `isMissing` alone and `formatValue` alone: at most 2 kB gzip each;
 * - ranking the 43 territorial forces on one crime rate for one period: at most 100 kB gzip, with no zod in it.
 * Sizes are printed for BENCHMARKS.md ("Browser bundles"). Needs `pnpm exec turbo run build --filter=peel-metrics...`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const PACKAGES = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIRS = { 'peel-data': join(PACKAGES, 'peel-data'), 'peel-metrics': join(PACKAGES, 'peel-metrics') };

/** Resolves `peel-data[/…]` and `peel-metrics[/…]` through each package.json "exports" to dist ("default"). */
const builtPackages: Plugin = {
  name: 'peel-dist',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^peel-(data|metrics)(\/.*)?$/ }, (args) => {
      const name = args.path.startsWith('peel-data') ? 'peel-data' : 'peel-metrics';
      const { exports } = JSON.parse(readFileSync(join(DIRS[name], 'package.json'), 'utf8')) as {
        exports: Record<string, { default: string }>;
      };
      const target = exports[`.${args.path.slice(name.length)}`];
      if (!target) return { errors: [{ text: `${name} does not export ${JSON.stringify(args.path)}` }] };
      const path = join(DIRS[name], target.default);
      if (!existsSync(path))
        return { errors: [{ text: `${path} is not built: run pnpm exec turbo run build --filter=peel-metrics...` }] };
      return { path };
    });
  },
};

/** Minified browser bundle of a small program, with its gzip size in bytes. */
async function bundle(source: string): Promise<{ code: string; gzip: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: DIRS['peel-metrics'], loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: [builtPackages],
  });
  const code = result.outputFiles[0]!.text;
  return { code, gzip: gzipSync(code).length };
}

// Strings only zod's runtime contains (its error class and the internal type marker).
const ZOD_MARKERS = ['ZodError', '$ZodType'];
const hasZod = (code: string) => ZOD_MARKERS.some((marker) => code.includes(marker));
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

// A user's program: total recorded crime excluding fraud per 1,000 people, 12 months to 30 June 2016, for the 43
// territorial forces, banded as HMIC does. Only peel-data's per-dataset subpaths and peel-metrics/core.
const RANKING = `
import { forces } from 'peel-data/forces';
import { population, populationOf } from 'peel-data/population';
import { OFFENCE_GROUPS, recordedCrime, recordedCrimeCount } from 'peel-data/recorded-crime';
import { bandForces, computeRate, populationYearForPeriodEnd } from 'peel-metrics/core';
const period = '2016-06-30';
const groups = OFFENCE_GROUPS.filter((group) => group.category !== 'fraud');
const rows = forces.filter((force) => force.kind === 'territorial').map((force) => {
  let total = 0;
  for (const group of groups) {
    const count = recordedCrimeCount(recordedCrime, force.slug, group.id, period);
    if (typeof count === 'number') total += count;
  }
  const people = populationOf(population, force.slug, populationYearForPeriodEnd(period));
  return { force: force.slug, value: computeRate(total, people, { unit: 'per-1000-population' }) };
});
console.log(JSON.stringify(bandForces(rows).ranked));
`;

describe('browser bundles of the built packages', () => {
  it.each([
    ['isMissing', "import { isMissing } from 'peel-data'; console.log(isMissing({ missing: 'x', reason: 'r' }));"],
    ['formatValue', "import { formatValue } from 'peel-metrics/core'; console.log(formatValue);"],
  ])('%s alone is at most 2 kB gzip and has no zod', async (name, source) => {
    const { code, gzip } = await bundle(source);
    console.log(`bundle size ${name.padEnd(28)} ${kB(code.length)} min, ${kB(gzip)} gzip`);
    expect(hasZod(code), `${name} pulled in zod`).toBe(false);
    expect(gzip).toBeLessThanOrEqual(2 * 1024);
  });

  it('ranking the 43 forces on one crime rate for one period is at most 100 kB gzip, with no zod', async () => {
    const { code, gzip } = await bundle(RANKING);
    console.log(`bundle size ${'rank 43 forces, one rate'.padEnd(28)} ${kB(code.length)} min, ${kB(gzip)} gzip`);
    expect(hasZod(code), 'the ranking bundle pulled in zod').toBe(false);
    expect(gzip).toBeLessThanOrEqual(100 * 1024);
    // The bundle runs and ranks what it should: 43 forces, ranks 1 to 43 by a per-1,000 rate.
    const logged: string[] = [];
    const log = console.log;
    console.log = (line: string) => logged.push(line);
    try {
      await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    } finally {
      console.log = log;
    }
    const ranked = JSON.parse(logged[0]!) as { force: string; rank: number; value: number }[];
    expect(ranked).toHaveLength(43);
    expect(ranked.map((row) => row.rank).sort((a, b) => a - b)).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    const durham = ranked.find((row) => row.force === 'durham')!;
    expect(durham.value).toBeGreaterThan(0);
  });

  it('the budget check can fail: all of zod alone is far over the 2 kB budget', async () => {
    const { code, gzip } = await bundle("import { z } from 'zod'; console.log(z.object({ a: z.string() }));");
    expect(hasZod(code)).toBe(true);
    expect(gzip).toBeGreaterThan(2 * 1024);
  });
});
