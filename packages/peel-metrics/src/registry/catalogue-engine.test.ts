// Issue 10: what the catalogue says of each metric (its method text) agrees with what the engine serves, for every
// metric of the registry: banding, availability (computable or printed) and the denominator.
import { isMissing } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { resolveRelease } from '../data/release.ts';
import { computeMetric } from '../metrics/engine.ts';
import { metricForAllForces } from '../metrics/metric-table.ts';
import { METRIC_REGISTRY } from './registry.ts';

const release = resolveRelease();
const PRINTED = 'peel-2016-durham-report';
const metrics = METRIC_REGISTRY.metrics.map((metric) => [metric.id, metric] as const);

/** The last day a period covers (a change: its later window; a range: its end). */
function endOf(period: unknown): string | undefined {
  const p = period as Record<string, unknown> & { type?: string };
  switch (p?.type) {
    case 'rolling-12m':
    case 'range':
      return p.end as string;
    case 'change':
      return endOf(p.to);
    case 'calendar-year':
      return `${p.year as number}-12-31`;
    case 'financial-year':
      return `${(p.startYear as number) + 1}-03-31`;
    case 'snapshot':
      return p.date as string;
    default:
      return undefined;
  }
}
const sameEnd = (a: unknown, b: unknown) => endOf(a) !== undefined && endOf(a) === endOf(b);

describe('the catalogue and the engine agree, metric by metric', () => {
  it.each(metrics)('%s: banding flag vs the bands the API returns', (id) => {
    const { definition } = METRIC_REGISTRY.byId.get(id)!;
    const table = metricForAllForces(id as never);
    if (definition.banding) {
      // The report bands it: the API bands it, or (no by-force open data) says why it cannot.
      if (isMissing(table.banding)) expect(definition.availability, id).not.toBe('computable');
      else expect(table.rows.some((row) => row.band !== undefined)).toBe(true);
    } else if (!isMissing(table.banding)) {
      // peel ranks it though the report does not: the banding says so.
      expect(table.banding.rule).toMatch(/The 2016 report does not band this measure/);
    }
  });

  it.each(metrics)('%s: "computable" iff the report-period values are recomputed from open data', (id) => {
    const { definition } = METRIC_REGISTRY.byId.get(id)!;
    const computed = computeMetric(release, id as never);
    const durham = computed.rows.get('durham')!;
    const withValues = [...computed.rows.values()].filter((row) => !isMissing(row.value)).length;
    // The catalogue's period is the report's; a value for another period (2017/18 outcomes) is a stand-in.
    const recomputed =
      durham.provenance.source !== PRINTED && sameEnd(computed.period, definition.period) && withValues > 1;
    expect(definition.availability === 'computable', `${id}: ${definition.availability}`).toBe(recomputed);
    // A printed value is never served as computable (burglary: printed for Durham only).
    if (durham.provenance.source === PRINTED) expect(definition.availability).not.toBe('computable');
  });

  it.each(metrics)("%s: the catalogue's denominator names what the served counts divide by", (id) => {
    const { definition } = METRIC_REGISTRY.byId.get(id)!;
    const computed = computeMetric(release, id as never);
    // The headline (England and Wales) value's counts; a count of forces has none.
    const counts = computed.englandWales.provenance.counts;
    if (!counts) return;
    const text = isMissing(definition.denominator) ? '' : definition.denominator;
    expect(text, id).not.toBe('');
    expect(/population/i.test(text), `${id}: ${text}`).toBe(counts.denominatorKind === 'population');
    const year = /mid-(\d{4})/.exec(text)?.[1];
    if (
      counts.denominatorKind === 'population' &&
      year &&
      JSON.stringify(computed.period) === JSON.stringify(definition.period)
    )
      expect(counts.populationYear, id).toBe(Number(year));
  });
});
