import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// The site builds from the TypeScript sources of peel-data and peel-metrics (the "peel-source" export
// condition), so a change in either shows up in the site without rebuilding their dist/. Published
// consumers of those packages get dist/ instead.
export default defineConfig({
  plugins: [sveltekit()],
  resolve: { conditions: ['peel-source', ...defaultClientConditions] },
  ssr: {
    noExternal: ['peel-data', 'peel-metrics'],
    resolve: { conditions: ['peel-source', ...defaultServerConditions], externalConditions: ['peel-source'] },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser tests start one server and one chromium; run files one at a time on 2 cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
