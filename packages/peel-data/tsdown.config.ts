import { defineConfig } from 'tsdown';

// One entry per public subpath (package.json "exports") plus the CLI; unbundled so each dataset stays its own
// module and bundlers can drop the ones a user does not import.
export default defineConfig({
  entry: ['src/index.ts', 'src/boundaries.ts', 'src/entries/*.ts', 'src/node.ts', 'src/cli-kit.ts', 'src/cli.ts'],
  format: 'esm',
  fixedExtension: false,
  dts: { sourcemap: true },
  sourcemap: true,
  // The sources ship in src/ already: maps point at them instead of repeating them (about 1.3 MB unpacked).
  outputOptions: { sourcemapExcludeSources: true },
  clean: true,
  unbundle: true,
});
