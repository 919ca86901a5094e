import { defineConfig } from 'vitest/config';

// These tests look at the BUILT, PACKED packages (not the sources): global-setup packs and installs them once.
// Files run one at a time: chromium, workerd and npm would otherwise fight over the 2 cores.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
