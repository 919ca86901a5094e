import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of the workspace packages through the "peel-source" export condition.
export default defineConfig({
  resolve: { conditions: ['peel-source'] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
