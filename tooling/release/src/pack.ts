/**
 * Packs the published packages the way `pnpm publish` would (workspace: ranges rewritten, `files` applied) and reads
 * the tarballs back, so the release checks look at exactly the bytes a user downloads.
 */
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';

const run = promisify(execFile);

/**
 * Absolute path of the monorepo root (ends with a separator).
 * @example path.join(REPO_ROOT, 'packages/peel-data') // '/work/main/packages/peel-data'
 */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The packages published to npm, in dependency order (peel-metrics depends on peel-data).
 * @example for (const name of PUBLISHED_PACKAGES) await packPackage(name, dir)
 */
export const PUBLISHED_PACKAGES = ['peel-data', 'peel-metrics'] as const;
export type PublishedPackageName = (typeof PUBLISHED_PACKAGES)[number];

/**
 * One file inside a tarball, with the `package/` prefix removed.
 * @example { path: 'dist/index.js', bytes: 1203 }
 */
export interface TarEntry {
  path: string;
  bytes: number;
}

/**
 * A packed package: where its tarball is and what it holds.
 * @example
 * { name: 'peel-data', version: '0.1.0', tarball: '/tmp/x/peel-data-0.1.0.tgz', packedBytes: 572900, unpackedBytes:
 * 2960000, entries: [] }
 */
export interface PackedPackage {
  name: string;
  version: string;
  tarball: string;
  /** Size of the .tgz (what `npm install` downloads). */
  packedBytes: number;
  /** Sum of the file sizes inside the tarball (what lands in node_modules). */
  unpackedBytes: number;
  entries: TarEntry[];
}

/**
 * Walks the regular files of a gzipped tar (npm's tarball format); pax or GNU headers carry names longer than 100
 * bytes.
 */
function* tarFiles(gzipped: Uint8Array): Generator<{ path: string; body: Buffer }> {
  const tar = gunzipSync(gzipped);
  let offset = 0;
  let paxPath: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return; // end-of-archive marker
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === 'x') {
      // A pax record is "<len> key=value\n"; only the path matters here.
      paxPath = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    } else if (type === 'L') {
      // GNU tar's long-name entry: the body is the next entry's name.
      paxPath = body.toString('utf8').replace(/\0.*$/s, '');
    } else {
      // npm tarballs put everything under one top folder ("package/"): strip it.
      if (type === '0') yield { path: (paxPath ?? name).replace(/^[^/]+\//, ''), body };
      paxPath = undefined;
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}

/**
 * Lists the regular files of a gzipped tarball, with sizes, without the top folder.
 * @example listTarball(await readFile('peel-data-0.1.0.tgz')) // [{ path: 'package.json', bytes: 1155 }, …]
 */
export function listTarball(gzipped: Uint8Array): TarEntry[] {
  return [...tarFiles(gzipped)].map(({ path, body }) => ({ path, bytes: body.length }));
}

/**
 * Reads one file out of a gzipped tarball as text, or undefined when it is not there.
 * @example readTarballFile(tgz, 'package.json') // '{ "name": "peel-data", … }'
 */
export function readTarballFile(gzipped: Uint8Array, wanted: string): string | undefined {
  for (const file of tarFiles(gzipped)) if (file.path === wanted) return file.body.toString('utf8');
  return undefined;
}

/**
 * Packs one workspace package with `pnpm pack` into `destination` (the package must be built first).
 * @example
 * await packPackage('peel-data', '/tmp/tarballs')
 * // { name: 'peel-data', tarball: '/tmp/tarballs/peel-data-0.1.0.tgz', … }
 */
export async function packPackage(name: PublishedPackageName, destination: string): Promise<PackedPackage> {
  const packageDir = path.join(REPO_ROOT, 'packages', name);
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], { cwd: packageDir });
  const json = stdout.slice(stdout.indexOf('{'));
  let report: { name: string; version: string; filename: string };
  try {
    report = JSON.parse(json) as typeof report;
  } catch (error) {
    throw new Error(`pnpm pack in ${packageDir} printed no JSON report; it printed:\n${stdout}`, { cause: error });
  }
  const tarball = path.isAbsolute(report.filename)
    ? report.filename
    : path.join(destination, path.basename(report.filename));
  const bytes = await readFile(tarball);
  const entries = listTarball(bytes);
  return {
    name: report.name,
    version: report.version,
    tarball,
    packedBytes: (await stat(tarball)).size,
    unpackedBytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
    entries,
  };
}

/**
 * Formats a byte count the way npm prints it (1 kB = 1000 B).
 * @example formatBytes(12345) // '12.3 kB'
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0)
    throw new RangeError(
      `formatBytes(bytes): expected a non-negative byte count, received ${bytes}; e.g. formatBytes(12345)`,
    );
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/**
 * A markdown table of packed and unpacked sizes, one row per package.
 * @example sizeTable([packed]) // '| package | version | files | packed | unpacked |\n|---|…'
 */
export function sizeTable(packages: readonly PackedPackage[]): string {
  const rows = packages.map(
    (p) =>
      `| \`${p.name}\` | ${p.version} | ${p.entries.length} | ` +
      `${formatBytes(p.packedBytes)} | ${formatBytes(p.unpackedBytes)} |`,
  );
  return ['| package | version | files | packed (.tgz) | unpacked |', '|---|---|---:|---:|---:|', ...rows].join('\n');
}
