// Prints the packed sizes of the published packages as a markdown table (for the "Release" section of BENCHMARKS.md).
// Usage: pnpm --filter @peel/release sizes   (build the packages first: pnpm build)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PUBLISHED_PACKAGES, packPackage, sizeTable, type PackedPackage } from './pack.ts';

const destination = await mkdtemp(path.join(tmpdir(), 'peel-sizes-'));
try {
  const packed: PackedPackage[] = [];
  for (const name of PUBLISHED_PACKAGES) packed.push(await packPackage(name, destination));
  console.log(sizeTable(packed));
} finally {
  await rm(destination, { recursive: true, force: true });
}
