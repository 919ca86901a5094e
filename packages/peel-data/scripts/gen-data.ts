/**
 * Regenerates src/generated/*.ts from data/raw: runs every module in scripts/gen/ (each exports
 * `generate(): Promise<void>`), forces first because the others join on force names.
 * Set PEEL_GEN_OUT to write into another folder (the regeneration test does).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const genDir = fileURLToPath(new URL('./gen/', import.meta.url));
const modules = readdirSync(genDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .sort((a, b) => (a === 'forces.ts' ? -1 : b === 'forces.ts' ? 1 : a.localeCompare(b)));

for (const file of modules) {
  const started = performance.now();
  const module = (await import(pathToFileURL(join(genDir, file)).href)) as { generate?: () => Promise<void> };
  if (typeof module.generate !== 'function')
    throw new Error(`scripts/gen/${file} must export async function generate(): Promise<void>`);
  await module.generate();
  console.log(`gen ${file.replace(/\.ts$/, '')}: ${Math.round(performance.now() - started)} ms`);
}
