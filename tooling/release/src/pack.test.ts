import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, test } from 'vitest';
import { formatBytes, listTarball, readTarballFile, sizeTable, type PackedPackage } from './pack.ts';

const { packed, appDir } = inject('release');

describe('listTarball reads the tar formats packers write', () => {
  const longName =
    `${'deeply-nested-folder/'.repeat(6)}` + 'file-with-a-name-long-enough-to-need-an-extended-header.d.ts.map';
  test.each(['pax', 'gnu', 'ustar'])('%s', (format) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peel-tar-'));
    try {
      const names = format === 'ustar' ? ['a.txt', 'dist/b.js'] : ['a.txt', 'dist/b.js', longName];
      for (const [i, name] of names.entries()) {
        mkdirSync(path.dirname(path.join(dir, 'package', name)), { recursive: true });
        writeFileSync(path.join(dir, 'package', name), 'x'.repeat(i * 700));
      }
      execFileSync('tar', [`--format=${format}`, '-czf', 'out.tgz', 'package'], { cwd: dir });
      const bytes = readFileSync(path.join(dir, 'out.tgz'));
      const listed = listTarball(bytes).sort((a, b) => a.path.localeCompare(b.path));
      expect(listed).toEqual(
        names.map((name, i) => ({ path: name, bytes: i * 700 })).sort((a, b) => a.path.localeCompare(b.path)),
      );
      expect(readTarballFile(bytes, 'dist/b.js')).toBe('x'.repeat(700));
      expect(readTarballFile(bytes, 'missing.js')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.each([
  { bytes: 0, expected: '0 B' },
  { bytes: 999, expected: '999 B' },
  { bytes: 1000, expected: '1.0 kB' },
  { bytes: 123_456, expected: '123.5 kB' },
  { bytes: 2_500_000, expected: '2.50 MB' },
])('formatBytes($bytes) is $expected', ({ bytes, expected }) => expect(formatBytes(bytes)).toBe(expected));

test('formatBytes rejects a negative size', () => expect(() => formatBytes(-1)).toThrow(/non-negative/));

/** Every file path that a package.json `exports` / `bin` entry points at. */
function targetsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targetsOf);
  return [];
}

function manifestOf(pkg: PackedPackage): Record<string, unknown> {
  const text = readTarballFile(readFileSync(pkg.tarball), 'package.json');
  if (!text) throw new Error(`${pkg.tarball} has no package.json`);
  return JSON.parse(text) as Record<string, unknown>;
}

// Files a user never needs: tests, fixtures, build and test configuration, caches.
const UNWANTED = [
  /\.test\.[cm]?[jt]s$/,
  /(^|\/)__snapshots__\//,
  /(^|\/)test-results\//,
  /(^|\/)(test|tests|fixtures|bench|scripts)\//,
  /(^|\/)\.turbo\//,
  /^(vitest|tsdown|vite)\.config\.[cm]?[jt]s$/,
  /^tsconfig(\.\w+)?\.json$/,
  /^data\/raw\/.*\.(csv|gz|geojson|txt|json)$/,
  /^data\/spec\//,
  /\.tgz$/,
];

describe.each(packed.map((pkg) => [pkg.name, pkg] as const))('packed %s', (_name, pkg) => {
  const files = pkg.entries.map((entry) => entry.path);
  const manifest = manifestOf(pkg);

  test('prints its packed size', () => {
    console.log(sizeTable([pkg]));
    expect(pkg.packedBytes).toBeGreaterThan(0);
    expect(pkg.unpackedBytes).toBeGreaterThan(pkg.packedBytes);
  });

  test('ships its manifest, code licence, README, CHANGELOG and built entry points', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'LICENSE',
        'README.md',
        'CHANGELOG.md',
        'dist/index.js',
        'dist/index.d.ts',
      ]),
    );
    expect(readTarballFile(readFileSync(pkg.tarball), 'LICENSE')).toMatch(/MIT License[\s\S]*peel contributors/);
  });

  test('ships no tests, fixtures, raw data or build configuration', () => {
    expect(files.filter((file) => UNWANTED.some((pattern) => pattern.test(file)))).toEqual([]);
  });

  test('is an ES module package without side effects, with typed exports and no workspace ranges', () => {
    expect(manifest).toMatchObject({ type: 'module', sideEffects: false });
    const exportsMap = manifest.exports as Record<string, unknown>;
    expect(Object.keys(exportsMap)).toContain('./package.json');
    for (const [subpath, conditions] of Object.entries(exportsMap)) {
      if (subpath === './package.json') continue;
      expect(conditions, `exports["${subpath}"]`).toMatchObject({
        types: expect.stringMatching(/\.d\.ts$/),
        default: expect.stringMatching(/\.js$/),
      });
    }
    expect(JSON.stringify(manifest)).not.toMatch(/"(workspace|catalog):/);
  });

  test('every exports and bin target is inside the tarball', () => {
    const targets = [...targetsOf(manifest.exports), ...targetsOf(manifest.bin)].map((target) =>
      target.replace(/^\.\//, ''),
    );
    expect(targets.length).toBeGreaterThan(1);
    expect(targets.filter((target) => !target.includes('*') && !files.includes(target))).toEqual([]);
  });

  test('declaration maps and source maps point at sources that are shipped', () => {
    const tgz = readFileSync(pkg.tarball);
    const maps = files.filter((file) => file.endsWith('.map'));
    expect(maps.some((file) => file.endsWith('.d.ts.map'))).toBe(true);
    const dangling = maps.flatMap((map) => {
      const { sources } = JSON.parse(readTarballFile(tgz, map)!) as { sources: string[] };
      return sources
        .map((source) => path.posix.normalize(path.posix.join(path.posix.dirname(map), source)))
        .filter((source) => !files.includes(source))
        .map((source) => `${map} -> ${source}`);
    });
    expect(dangling).toEqual([]);
  });
});

describe('the data package', () => {
  const data = packed.find((pkg) => pkg.name === 'peel-data')!;
  const files = data.entries.map((entry) => entry.path);

  test('carries the Open Government Licence attribution of every publisher', () => {
    const licence = readTarballFile(readFileSync(data.tarball), 'DATA-LICENCE.md') ?? '';
    for (const publisher of [
      'Office for National Statistics',
      'Home Office',
      'HMICFRS',
      'data.police.uk',
      'Open Government Licence v3.0',
    ]) {
      expect(licence, publisher).toContain(publisher);
    }
  });

  test('its DATA-LICENCE.md names every source and shows every attribution statement the package carries', async () => {
    // Read `sources` from the installed tarball, so a new source without its attribution here fails.
    const { sources } = (await import(
      pathToFileURL(path.join(appDir, 'node_modules/peel-data/dist/index.js')).href
    )) as { sources: { id: string; attribution: string }[] };
    const licence = (readTarballFile(readFileSync(data.tarball), 'DATA-LICENCE.md') ?? '')
      .replace(/^> ?/gm, '')
      .replace(/\s+/g, ' ');
    expect(sources.length).toBeGreaterThan(0);
    const missingIds = sources.filter((source) => !licence.includes(`\`${source.id}\``)).map((source) => source.id);
    const missingStatements = sources.flatMap((source) =>
      (source.attribution.match(/[^.]+(?:\.\d[^.]*)*\.?/g) ?? [])
        .map((sentence) => sentence.trim())
        .filter((sentence) => sentence && !licence.includes(sentence))
        .map((sentence) => `${source.id}: ${sentence}`),
    );
    expect({ missingIds, missingStatements }).toEqual({ missingIds: [], missingStatements: [] });
  });

  test('carries the provenance of its data', () => {
    expect(files.filter((file) => /PROVENANCE\.md$/.test(file))).not.toEqual([]);
  });
});

test('peel-metrics requires exactly the peel-data release it was published with', () => {
  const data = packed.find((pkg) => pkg.name === 'peel-data')!;
  const metrics = manifestOf(packed.find((pkg) => pkg.name === 'peel-metrics')!);
  expect(data.version).toBe((metrics as { version: string }).version);
  expect((metrics.dependencies as Record<string, string>)['peel-data']).toBe(data.version);
});
