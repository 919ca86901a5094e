// Prints the packed sizes of the published packages as a markdown table; with --write, also puts them in the
// "## Release" section of BENCHMARKS.md (other sections untouched).
// Usage: pnpm build && pnpm --filter @peel/release sizes [--write]
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { replaceSection } from './benchmarks-section.ts';
import { PUBLISHED_PACKAGES, REPO_ROOT, packPackage, sizeTable, type PackedPackage } from './pack.ts';

const destination = await mkdtemp(path.join(tmpdir(), 'peel-sizes-'));
try {
  const packed: PackedPackage[] = [];
  for (const name of PUBLISHED_PACKAGES) packed.push(await packPackage(name, destination));
  const table = sizeTable(packed);
  console.log(table);
  if (process.argv.includes('--write')) {
    const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
    const current = existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n';
    const body = [
      `What \`npm i peel-data peel-metrics\` downloads, measured with \`pnpm pack\` on the built packages`,
      `(${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}). "packed" is the .tgz, "unpacked" ` +
        `the files it`,
      'holds (built JavaScript, declarations and their maps, the TypeScript sources the maps point at, README, ' +
        'licences).',
      'Regenerate with `pnpm build && pnpm --filter @peel/release sizes --write`; `pnpm release:check` prints the ' +
        'same table.',
      '',
      table,
    ].join('\n');
    await writeFile(file, replaceSection(current, '## Release', body));
    console.log(`wrote the "## Release" section of ${file}`);
  }
} finally {
  await rm(destination, { recursive: true, force: true });
}
