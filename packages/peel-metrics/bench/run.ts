/**
 * peel-metrics benchmark: `pnpm bench` (root) or `pnpm --filter peel-metrics bench`.
 *
 * 1. Rates, England and Wales aggregates and bands for every force × offence group × quarter of the
 *    recorded-crime data (budget 20 ms).
 * 2. All 43 report models from a cold cache (budget 200 ms), and again warm.
 * 3. Size of the core (pure functions) bundled, minified and gzipped (budget 5 kB).
 * Prints a table and rewrites the "## peel-metrics" section of BENCHMARKS.md at the repository root.
 * Exits non-zero when a budget is missed.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledRelease, OFFENCE_GROUPS, territorialForces } from 'peel-data';
import {
  bandForces,
  buildForceReport,
  computeRate,
  crimeCount,
  crimeRateGrid,
  poolEnglandWales,
  populationYearForPeriodEnd,
} from '../src/index.ts';
import { populationOfYear } from '../src/metrics/recorded-crime.ts';
import { coreBundleSize } from './core-size.ts';

const here = dirname(fileURLToPath(import.meta.url));
const runs = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * CPU time (user + system) of one call, in ms. The machine is shared with other workspaces' tests, so
 * wall-clock time mostly measures the queue for a core; CPU time measures the work. Wall time is also kept.
 */
const wallTimes: number[] = [];
function timeIt(fn: () => void): number {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  wallTimes.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
}

const slugs = territorialForces.map((force) => force.slug);
const groups = OFFENCE_GROUPS.filter((group) => group.category !== 'fraud' || group.id === 'fraud-offences').map(
  (group) => group.id,
);
const periods = bundledRelease.recordedCrime.periods;

/** Every rate, England and Wales pool and banding over force × offence group × quarter. */
function allRatesAggregatesAndBands(): number {
  let cells = 0;
  for (const period of periods) {
    const year = populationYearForPeriodEnd(period);
    const populations = slugs.map((slug) => populationOfYear(bundledRelease.population, slug, year));
    for (const group of groups) {
      const pool = [];
      const values = [];
      for (let i = 0; i < slugs.length; i += 1) {
        const force = slugs[i] as string;
        const count = crimeCount(bundledRelease.recordedCrime, force, period, group as never);
        const population = populations[i] as number;
        values.push({ force, value: computeRate(count, population, { unit: 'per-1000-population' }) });
        pool.push({ force, numerator: count, denominator: population });
        cells += 1;
      }
      poolEnglandWales(pool, { scale: 1000 });
      bandForces(values);
    }
  }
  return cells;
}

const gridOnce = () => crimeRateGrid(bundledRelease, { forces: slugs, groups });
const gridFirst = timeIt(gridOnce);
const gridMedian = median(Array.from({ length: runs }, () => timeIt(gridOnce)));
const cells = allRatesAggregatesAndBands();
allRatesAggregatesAndBands();
const generalMedian = median(Array.from({ length: 5 }, () => timeIt(allRatesAggregatesAndBands)));

// Cold: a release object the caches have never seen (its outcomes dataset copied too, whose table is cached by
// identity).
const coldRelease = () => ({ ...bundledRelease, outcomes: { ...bundledRelease.outcomes } });
const reportsCold = Array.from({ length: 5 }, () => {
  const release = coldRelease();
  return timeIt(() => {
    for (const slug of slugs) buildForceReport(slug, { release });
  });
});
const warmRelease = coldRelease();
for (const slug of slugs) buildForceReport(slug, { release: warmRelease });
const reportsWarm = Array.from({ length: 5 }, () =>
  timeIt(() => {
    for (const slug of slugs) buildForceReport(slug, { release: warmRelease });
  }),
);
const coldMedian = median(reportsCold);
const warmMedian = median(reportsWarm);

const size = await coreBundleSize();

const rows = [
  {
    what:
      `crimeRateGrid: rates + E&W pools + bands, ${slugs.length} forces × ${groups.length} offence groups × ` +
      `${periods.length} quarters (${cells.toLocaleString('en-GB')} rates, ` +
      `${(groups.length * periods.length).toLocaleString('en-GB')} pools and bandings)`,
    value: `${gridMedian.toFixed(1)} ms median of ${runs} (first run ${gridFirst.toFixed(1)} ms)`,
    budget: '20 ms',
    ok: gridMedian < 20,
  },
  {
    what: 'the same cells one call at a time (crimeCount, computeRate, poolEnglandWales, bandForces)',
    value: `${generalMedian.toFixed(1)} ms median of 5`,
    budget: '—',
    ok: true,
  },
  {
    what: 'all 43 report models, cold caches',
    value: `${coldMedian.toFixed(1)} ms median of ${reportsCold.length}`,
    budget: '200 ms',
    ok: coldMedian < 200,
  },
  {
    what: 'all 43 report models, warm caches',
    value: `${warmMedian.toFixed(1)} ms median of ${reportsWarm.length}`,
    budget: '—',
    ok: true,
  },
  {
    what: `core bundle (${size.exports.length} pure exports; peel-data and zod external), minified + gzip`,
    value: `${size.gzip.toLocaleString('en-GB')} B (minified ${size.minified.toLocaleString('en-GB')} B)`,
    budget: '5,000 B',
    ok: size.gzip < 5000,
  },
];

const table = [
  '| measure | result | budget |',
  '|---|---|---|',
  ...rows.map((row) => `| ${row.what} | ${row.value}${row.ok ? '' : ' **over budget**'} | ${row.budget} |`),
].join('\n');
console.log(table);

const section = [
  '## peel-metrics',
  '',
  `Run with \`pnpm bench\` (writes this section). Machine: Node ${process.version}, ${process.platform}, ` +
    `${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)}; ` +
    `last run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  'Timings are CPU time (user + system) of this process, medians after one warm-up run; "cold" builds the reports ' +
    'from a release object the caches have not seen. The load average while running is shown because the machine is ' +
    'shared.',
  '',
  table,
  '',
].join('\n');
const file = join(here, '..', '..', '..', 'BENCHMARKS.md');
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
// Replace only this package's section: from its heading to the next "## " heading.
const pattern = /## peel-metrics\n[\s\S]*?(?=\n## |$)/;
const next = pattern.test(current)
  ? current.replace(pattern, section.trimEnd() + '\n')
  : `${current.trimEnd()}\n\n${section}`;
writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);

if (rows.some((row) => !row.ok)) {
  console.error('peel-metrics bench: a budget was missed');
  process.exitCode = 1;
}
