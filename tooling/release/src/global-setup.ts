// Packs peel-data and peel-metrics once, installs the tarballs in a temporary folder, and hands both to every test
// file.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { installTarballs } from './install.ts';
import { PUBLISHED_PACKAGES, packPackage, sizeTable, type PackedPackage } from './pack.ts';

/**
 * What the tests receive through `inject('release')`.
 * @example const { appDir, packed } = inject('release')
 */
export interface ReleaseFixture {
  workDir: string;
  /** Folder where the tarballs and zod are npm-installed and the examples copied. */
  appDir: string;
  packed: PackedPackage[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    release: ReleaseFixture;
  }
}

/**
 * Vitest global setup: pack, install, provide; returns the teardown that removes the temporary folder.
 * @example // vitest.config.ts: test: { globalSetup: ['src/global-setup.ts'] }
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'peel-release-'));
  const tarballDir = path.join(workDir, 'tarballs');
  await mkdir(tarballDir);
  const packed: PackedPackage[] = [];
  for (const name of PUBLISHED_PACKAGES) packed.push(await packPackage(name, tarballDir));
  console.log(`\nPacked sizes:\n${sizeTable(packed)}\n`);
  const appDir = path.join(workDir, 'app');
  await installTarballs(packed, appDir);
  project.provide('release', { workDir, appDir, packed });
  return async () => {
    // PEEL_KEEP_TMP=1 keeps the folder to poke at a failure by hand.
    if (process.env.PEEL_KEEP_TMP) console.log(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  };
}
