import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of the workspace packages through the "peel-source" export condition.
// Vitest runs tests in Vite's server (SSR) environment, whose conditions are set under `ssr.resolve`.
export default defineConfig({
  resolve: { conditions: ['peel-source'] },
  ssr: { resolve: { conditions: ['peel-source'], externalConditions: ['peel-source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Test files share one module graph per worker: the datasets and report code load once, not once per file.
    isolate: false,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
