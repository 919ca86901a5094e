import { defineConfig } from 'tsdown';

export default defineConfig({
  // The CLI (bin `peel`) is Node-only; it is an entry, not an export.
  entry: ['src/index.ts', 'src/core.ts', 'src/schemas.ts', 'src/cli.ts'],
  format: 'esm',
  fixedExtension: false,
  dts: { sourcemap: true },
  sourcemap: true,
  clean: true,
  unbundle: true,
});
