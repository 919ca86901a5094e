import { expect, it } from 'vitest';
import { coreBundleSize } from './core-size.ts';

it(
  // 5,500 B since issue 10: the 2016 exclusion rules carry their scope (the periods their evidence covers and the rule
  // that applies elsewhere), data the core's exclusionsFor/ruleFor need; the core was at 4,991 B before.
  'the core (pure functions, tree-shaken, peel-data and zod external) is under 5.5 kB minified and gzipped',
  async () => {
    const size = await coreBundleSize();
    console.log(`peel-metrics core: ${size.gzip} B gzip, ${size.minified} B minified (${size.exports.length} exports)`);
    expect(size.gzip).toBeGreaterThan(500);
    expect(size.gzip).toBeLessThan(5500);
  },
  30_000,
);
