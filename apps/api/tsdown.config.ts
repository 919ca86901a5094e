import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/app.ts', 'src/node.ts', 'src/worker.ts', 'src/client.ts'],
  format: 'esm',
  fixedExtension: false,
  dts: true,
  sourcemap: true,
  clean: true,
  // Bundle workspace packages so the Node and Worker entries run without resolving sources.
  noExternal: [/^peel-data(\/.*)?$/, /^peel-metrics(\/.*)?$/],
});
