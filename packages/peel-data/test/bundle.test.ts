/**
 * Bundles the BUILT package (dist/, as users get it) with esbuild, the way an app would, to prove that
 * importing one dataset does not pull in the others, and prints a size figure per dataset.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { PACKAGE_DIR } from '../scripts/lib/raw.ts';

const DIST_INDEX = join(PACKAGE_DIR, 'dist', 'index.js');

/** Newest modification time of any file under a folder. */
function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    }),
  );
}

/** Resolves `peel-data` and its subpaths through package.json "exports" to the built files ("default" condition). */
const builtPackage: Plugin = {
  name: 'peel-data-dist',
  setup(pluginBuild) {
    const { exports } = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
      exports: Record<string, { default: string }>;
    };
    pluginBuild.onResolve({ filter: /^peel-data(\/.*)?$/ }, (args) => {
      const subpath = `.${args.path.slice('peel-data'.length)}`;
      const target = exports[subpath];
      if (!target) return { errors: [{ text: `peel-data does not export ${JSON.stringify(subpath)}` }] };
      return { path: join(PACKAGE_DIR, target.default) };
    });
  },
};

/** Minified ESM bundle of a one-line program importing from the built package. */
async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: PACKAGE_DIR, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
    plugins: [builtPackage],
    external: ['zod'],
  });
  return result.outputFiles[0]!.text;
}

const kb = (text: string) =>
  `${(text.length / 1024).toFixed(1)} kB min, ${(gzipSync(text).length / 1024).toFixed(1)} kB gzip`;

// Strings that exist only in one generated dataset module.
const MARKERS = {
  recordedCrime: 'Residential and Non-residential burglary were recorded from April 2017',
  judgments: 'no source found states this grade in words',
  boundaries: 'MultiPolygon',
  population: 'Resident population only. HMIC used resident plus transient population',
  durhamPublished: 'Her Majesty',
} as const;

describe('bundling the built package', () => {
  beforeAll(() => {
    // turbo builds before testing; rebuild here only if dist is missing or older than the sources.
    if (!existsSync(DIST_INDEX) || statSync(DIST_INDEX).mtimeMs < newest(join(PACKAGE_DIR, 'src'))) {
      execFileSync(process.execPath, [join(PACKAGE_DIR, 'node_modules', 'tsdown', 'dist', 'run.mjs')], {
        cwd: PACKAGE_DIR,
        stdio: 'pipe',
      });
    }
  }, 120_000);

  it('importing forces does not pull in recorded crime, judgments, population or boundaries', async () => {
    const code = await bundle(
      "import { forces, getForce } from 'peel-data'; console.log(forces.length, getForce('durham'));",
    );
    expect(code).toContain('Durham Constabulary');
    for (const [dataset, marker] of Object.entries(MARKERS))
      expect(code.includes(marker), `${dataset} leaked into a forces-only bundle`).toBe(false);
    expect(code.length).toBeLessThan(40 * 1024);
  });

  it('importing recorded crime pulls in recorded crime but not boundaries or judgments', async () => {
    const code = await bundle("import { recordedCrime } from 'peel-data'; console.log(recordedCrime.periods);");
    expect(code).toContain(MARKERS.recordedCrime);
    expect(code).not.toContain(MARKERS.boundaries);
    expect(code).not.toContain(MARKERS.judgments);
  });

  it('prints a size figure per dataset', async () => {
    const entries: [string, string][] = [
      ['forces', "import { forces } from 'peel-data'; console.log(forces);"],
      ['population', "import { population } from 'peel-data'; console.log(population);"],
      ['households', "import { households } from 'peel-data'; console.log(households);"],
      ['recordedCrime', "import { recordedCrime } from 'peel-data'; console.log(recordedCrime);"],
      ['judgments', "import { judgments } from 'peel-data'; console.log(judgments);"],
      ['durhamPublished', "import { durhamPublished } from 'peel-data'; console.log(durhamPublished);"],
      ['sources', "import { sources } from 'peel-data'; console.log(sources);"],
      ['outcomes (hoOutcomes201718)', "import { hoOutcomes201718 } from 'peel-data'; console.log(hoOutcomes201718);"],
      [
        'policeUk (policeUkAggregates20122016)',
        "import { policeUkAggregates20122016 } from 'peel-data'; console.log(policeUkAggregates20122016);",
      ],
      ['peel-data/boundaries', "import { forceBoundaries } from 'peel-data/boundaries'; console.log(forceBoundaries);"],
      ['bundledRelease (everything)', "import { bundledRelease } from 'peel-data'; console.log(bundledRelease);"],
    ];
    const sizes: Record<string, number> = {};
    for (const [name, source] of entries) {
      const code = await bundle(source);
      sizes[name] = code.length;
      console.log(`bundle size ${name.padEnd(40)} ${kb(code)}`);
    }
    // Each dataset alone is smaller than the whole release.
    for (const [name, size] of Object.entries(sizes))
      if (!name.startsWith('bundledRelease')) expect(size, name).toBeLessThan(sizes['bundledRelease (everything)']!);
  });
});
