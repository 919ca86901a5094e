/**
 * Issue 13's payload budget: the JSON the report route sends for each territorial force, before issue 13 (the
 * model plus `metrics`), in the full view (`leanReport`, `?view=full`) and in the values view (the default), in
 * bytes and gzip bytes (level 6, as the API's artifacts), with round-trip checks.
 * Run: pnpm --filter peel-metrics exec tsx --conditions=peel-source bench/lean-report-size.ts
 */
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { territorialForces } from 'peel-data';
import { buildForceReport, expandReport, leanReport, reportMetrics, reportPayload, reportValues } from 'peel-metrics';

const rows = territorialForces.map((force) => {
  const report = buildForceReport(force.slug);
  const full = JSON.stringify({ ...report, metrics: reportMetrics(report) });
  const lean = JSON.stringify(leanReport(JSON.parse(full) as object));
  const values = JSON.stringify(reportPayload(JSON.parse(full) as object, { view: 'values' }));
  const exact =
    isDeepStrictEqual(expandReport(JSON.parse(lean)), JSON.parse(full)) &&
    isDeepStrictEqual(expandReport(JSON.parse(values)), reportValues(JSON.parse(full) as object));
  return {
    slug: force.slug,
    full: [full.length, gzipSync(full).length],
    lean: [lean.length, gzipSync(lean).length],
    values: [values.length, gzipSync(values).length],
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
console.log(
  `values JSON bytes ${range(rows.map((row) => row.values[0] ?? 0))}, ` +
    `gzip ${range(rows.map((row) => row.values[1] ?? 0))}`,
);
console.log(
  `durham: before ${durham?.full.join(' / ')}, full view ${durham?.lean.join(' / ')}, ` +
    `values view ${durham?.values.join(' / ')}`,
);
