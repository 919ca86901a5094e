/**
 * Installs packed tarballs into a throwaway folder outside the workspace, the way a user runs
 * `npm i peel-data peel-metrics`: npm, the public registry for zod, no workspace links.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, type PackedPackage } from './pack.ts';

const run = promisify(execFile);

/**
 * The example sources (node, browser and worker entries) that the tests copy next to the installed packages.
 * @example path.join(EXAMPLES_DIR, 'node.mjs')
 */
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/**
 * The zod version the workspace tests with, so the installed folder uses the same one.
 * @example await workspaceZodVersion() // '4.6.7'
 */
export async function workspaceZodVersion(): Promise<string> {
  const manifest = path.join(REPO_ROOT, 'tooling/release/node_modules/zod/package.json');
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Creates `appDir` with a bare package.json, npm-installs the tarballs and zod there, and copies examples/ in.
 * @example await installTarballs(packed, '/tmp/peel-release-x/app')
 */
export async function installTarballs(packed: readonly PackedPackage[], appDir: string): Promise<void> {
  await mkdir(appDir, { recursive: true });
  await writeFile(
    path.join(appDir, 'package.json'),
    `${JSON.stringify({ name: 'peel-user', private: true, type: 'module' }, null, 2)}\n`,
  );
  const zod = `zod@${await workspaceZodVersion()}`;
  const args = [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--loglevel=error',
    ...packed.map((p) => p.tarball),
    zod,
  ];
  try {
    await run('npm', args, { cwd: appDir, timeout: 240_000 });
  } catch (error) {
    const failure = error as { stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed in ${appDir}:\n${failure.stderr ?? String(error)}`, { cause: error });
  }
  await cp(EXAMPLES_DIR, appDir, {
    recursive: true,
    filter: (source) => !source.includes('node_modules') && path.basename(source) !== 'package.json',
  });
}
