import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of the workspace packages through the "peel-source" export condition.
// Vitest runs tests in Vite's server (SSR) environment, whose conditions are set under `ssr.resolve`.
export default defineConfig({
  resolve: { conditions: ['peel-source'] },
  ssr: { resolve: { conditions: ['peel-source'], externalConditions: ['peel-source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    // The functions under test are pure, so test files can share one module graph: the bundled datasets are then
    // loaded once instead of once per file (most of the suite's time on a 2-core machine).
    isolate: false,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
