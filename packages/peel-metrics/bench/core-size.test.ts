import { expect, it } from 'vitest';
import { coreBundleSize } from './core-size.ts';

it(
  'the core (pure functions, tree-shaken, peel-data and zod external) is under 5 kB minified and ' + 'gzipped',
  async () => {
    const size = await coreBundleSize();
    console.log(`peel-metrics core: ${size.gzip} B gzip, ${size.minified} B minified (${size.exports.length} exports)`);
    expect(size.gzip).toBeGreaterThan(500);
    expect(size.gzip).toBeLessThan(5000);
  },
  30_000,
);
