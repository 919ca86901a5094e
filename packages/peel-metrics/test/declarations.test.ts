/**
 * What users' type-checkers and bundlers load (issue 11), measured on the BUILT packages:
 * - every `.d.ts` in either package's dist is under 60 kB (hand-written types, not expanded zod types);
 * - no entry point except `./schemas` and `./node` reaches zod, neither at run time (the `.js` import graph) nor in
 *   its declarations (the `.d.ts` import graph): the report model and the data cost no schema library.
 * Needs `pnpm exec turbo run build --filter=peel-metrics...`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGES = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NAMES = ['peel-data', 'peel-metrics'] as const;
type Name = (typeof NAMES)[number];
const MAX_DECLARATION_BYTES = 60_000;
/** Entry points that hold the zod schemas (and the Node file importers, which validate users' files with them). */
const ZOD_ENTRIES = new Set(['./schemas', './node']);

type Target = { types: string; default: string };
function exportsOf(name: Name): Record<string, Target> {
  const { exports } = JSON.parse(readFileSync(join(PACKAGES, name, 'package.json'), 'utf8')) as {
    exports: Record<string, Target | string>;
  };
  return Object.fromEntries(
    Object.entries(exports).filter((entry): entry is [string, Target] => entry[0] !== './package.json'),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Module specifiers of a built file (static imports and exports, side-effect imports, import() types). */
function specifiersOf(file: string): string[] {
  // Comments go first: JSDoc examples quote imports that are not made.
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const found = [
    ...text.matchAll(/\b(?:from|import)\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((match) => match[1] as string);
}

/** The dist file a specifier names, or the bare package name when it is outside peel. */
function resolveSpecifier(from: string, specifier: string, kind: keyof Target): string {
  if (specifier.startsWith('.')) {
    const base = resolve(dirname(from), specifier);
    const candidates = kind === 'types' ? [base.replace(/\.js$/, '.d.ts'), `${base}.d.ts`, base] : [base, `${base}.js`];
    const hit = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (!hit) throw new Error(`${relative(PACKAGES, from)}: cannot resolve ${specifier}`);
    return hit;
  }
  const name = NAMES.find((candidate) => specifier === candidate || specifier.startsWith(`${candidate}/`));
  if (!name) return specifier;
  const target = exportsOf(name)[`.${specifier.slice(name.length)}`];
  if (!target) throw new Error(`${relative(PACKAGES, from)}: ${name} does not export ${specifier}`);
  return join(PACKAGES, name, target[kind]);
}

/** The chain of files from `entry` to an import of zod, or undefined when zod is not reached. */
function pathToZod(entry: string, kind: keyof Target): string[] | undefined {
  const parent = new Map<string, string | undefined>([[entry, undefined]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const specifier of specifiersOf(file)) {
      const next = resolveSpecifier(file, specifier, kind);
      if (next === 'zod' || next.startsWith('zod/')) {
        const chain = [next];
        for (let at: string | undefined = file; at !== undefined; at = parent.get(at)) {
          chain.unshift(relative(PACKAGES, at));
        }
        return chain;
      }
      if (!next.startsWith(PACKAGES) || parent.has(next)) continue;
      parent.set(next, file);
      queue.push(next);
    }
  }
  return undefined;
}

const built = NAMES.every((name) => existsSync(join(PACKAGES, name, 'dist', 'index.d.ts')));

describe.skipIf(!built)('built declarations', () => {
  it.each(NAMES)('every .d.ts of %s is under 60 kB', (name) => {
    const sizes = filesUnder(join(PACKAGES, name, 'dist'))
      .filter((file) => file.endsWith('.d.ts'))
      .map((file) => ({ file: relative(PACKAGES, file), bytes: statSync(file).size }));
    expect(sizes.length).toBeGreaterThan(5);
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`largest .d.ts of ${name}: ${largest.file}, ${largest.bytes} bytes`);
    expect(sizes.filter((size) => size.bytes >= MAX_DECLARATION_BYTES)).toEqual([]);
  });

  const entries = NAMES.flatMap((name) =>
    Object.entries(exportsOf(name)).map(([subpath, target]) => ({ name, subpath, target })),
  );
  it.each(entries.filter((entry) => !ZOD_ENTRIES.has(entry.subpath)))(
    '$name $subpath reaches no zod (run time and declarations)',
    ({ name, target }) => {
      expect(pathToZod(join(PACKAGES, name, target.default), 'default')).toBeUndefined();
      expect(pathToZod(join(PACKAGES, name, target.types), 'types')).toBeUndefined();
    },
  );

  it.each(entries.filter((entry) => entry.subpath === './schemas'))(
    '$name/schemas does reach zod',
    ({ name, target }) => {
      // The check above can fail: the schemas entry is found to import zod by the same walk.
      expect(pathToZod(join(PACKAGES, name, target.default), 'default')?.at(-1)).toBe('zod');
    },
  );
});
