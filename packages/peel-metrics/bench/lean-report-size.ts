/**
 * Issue 13's payload budget: the JSON the report route sends for each territorial force, full (the model plus
 * `metrics`) and lean (`leanReport`), in bytes and gzip bytes (level 6, as the API's artifacts), with a round-trip
 * check. Run: pnpm --filter peel-metrics exec tsx --conditions=peel-source bench/lean-report-size.ts
 */
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { territorialForces } from 'peel-data';
import { buildForceReport, expandReport, leanReport, reportMetrics } from 'peel-metrics';

const rows = territorialForces.map((force) => {
  const report = buildForceReport(force.slug);
  const full = JSON.stringify({ ...report, metrics: reportMetrics(report) });
  const lean = JSON.stringify(leanReport(JSON.parse(full) as object));
  const exact = isDeepStrictEqual(expandReport(JSON.parse(lean)), JSON.parse(full));
  return {
    slug: force.slug,
    full: [full.length, gzipSync(full).length],
    lean: [lean.length, gzipSync(lean).length],
    exact,
  };
});
const range = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)}`;
const durham = rows.find((row) => row.slug === 'durham');
console.log(`forces: ${rows.length}; round trips exact: ${rows.filter((row) => row.exact).length}`);
console.log(
  `full JSON bytes ${range(rows.map((row) => row.full[0] ?? 0))}, gzip ${range(rows.map((row) => row.full[1] ?? 0))}`,
);
console.log(
  `lean JSON bytes ${range(rows.map((row) => row.lean[0] ?? 0))}, gzip ${range(rows.map((row) => row.lean[1] ?? 0))}`,
);
console.log(`durham: full ${durham?.full.join(' / ')}, lean ${durham?.lean.join(' / ')}`);
