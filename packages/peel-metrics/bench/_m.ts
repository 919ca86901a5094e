import { gzipSync } from 'node:zlib';
import { territorialForces } from 'peel-data';
import { buildForceReport, reportMetrics } from 'peel-metrics';
import { reportPayload } from '../src/report/report-views.ts';
let max = [0, 0];
for (const f of territorialForces) {
  const report = buildForceReport(f.slug);
  const full = JSON.parse(JSON.stringify({ ...report, metrics: reportMetrics(report) }));
  const v = JSON.stringify(reportPayload(full, { view: 'values' }));
  const s = [v.length, gzipSync(v).length];
  max = max.map((m, i) => Math.max(m, s[i] ?? 0));
  if (f.slug === 'durham') console.log('durham', s);
}
console.log('max', max);
{
  const report = buildForceReport('durham');
  const full = JSON.parse(JSON.stringify({ ...report, metrics: reportMetrics(report) }));
  const v = reportPayload(full, { view: 'values' });
  const { writeFileSync } = await import('node:fs');
  writeFileSync('/tmp/durham-values.json', JSON.stringify(v, null, 1));
}
