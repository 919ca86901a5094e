import { isMissing, OFFENCE_GROUPS, recordedCrime, recordedCrimeCount, type Provenance } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { poolEnglandWales } from '../aggregate.ts';
import { bandForces } from '../banding.ts';
import { territorialForcesOf } from '../data/release.ts';
import { crimeCount } from '../metrics/recorded-crime.ts';
import { metricForAllForces, metricPeriods } from '../metrics/metric-table.ts';
import { buildForceReport } from '../report/build-force-report.ts';
import { reportMetrics } from '../report/report-metrics.ts';
import type { MetricId } from './ids.ts';
import { createRegistry, METRIC_REGISTRY, metricDefinitions } from './registry.ts';
import type { ForceValue, MetricSpec } from './types.ts';

// A metric the report does not have: sexual offences as a share of recorded crime excluding fraud. It is one
// registry entry plus its compute function, and nothing else is edited.
const TOY_ID = 'sexual_offences_share';
const END = '2016-06-30';
const toy: MetricSpec<string> = {
  id: TOY_ID,
  definition: {
    id: TOY_ID,
    specRef: 'TOY-01',
    label: 'Sexual offences as a percentage of police-recorded crime (excluding fraud)',
    section: 'preventing',
    unit: 'percent of recorded crime',
    numerator: 'Recorded sexual offences',
    denominator: 'Recorded crimes excluding fraud',
    periodType: 'rolling-12m',
    period: { type: 'rolling-12m', end: END },
    source: 'Home Office police-recorded crime data tables',
    comparator: 'England and Wales pooled over the 43 territorial forces',
    exclusions: [],
    caveats: [],
    banding: false,
    printedDecimals: 1,
    availability: 'computable',
    availabilityNote: 'Computed from the recorded-crime dataset.',
    datasets: ['ons-rec-crime-pfa'],
    publishedFigureIds: [],
  },
  decimals: 1,
  compute: {
    kind: 'custom',
    reportPeriod: { type: 'rolling-12m', end: END },
    periods: () => [{ type: 'rolling-12m', end: END }],
    compute(release) {
      const forces = territorialForcesOf(release);
      const provenance: Provenance = { source: release.recordedCrime.source, formula: 'sexual ÷ all × 100' };
      const rows = new Map<string, ForceValue>();
      const pool = forces.map((force) => {
        const numerator = crimeCount(release.recordedCrime, force.slug, END, 'sexual-offences');
        const denominator = crimeCount(release.recordedCrime, force.slug, END, 'total-excl-fraud');
        const value = isMissing(numerator)
          ? numerator
          : isMissing(denominator)
            ? denominator
            : (numerator / denominator) * 100;
        rows.set(force.slug, { value, provenance, caveats: [] });
        return { force: force.slug, numerator, denominator };
      });
      const aggregate = poolEnglandWales(pool, { scale: 100 });
      return {
        rows,
        englandWales: { ...aggregate, provenance, caveats: [] },
        banding: bandForces(forces.map((force) => ({ force: force.slug, value: rows.get(force.slug)!.value }))),
      };
    },
  },
};
const registry = createRegistry([...METRIC_REGISTRY.metrics, toy]);
const toyId = TOY_ID as MetricId;

/** Durham's share from the raw offence-group counts, summed here. */
function durhamShare(): number {
  const counts = OFFENCE_GROUPS.filter((group) => group.category !== 'fraud').map((group) =>
    recordedCrimeCount(recordedCrime, 'durham', group.id, END),
  );
  // Groups the file does not publish for the period (a [z] marker) add nothing to the total.
  const total = counts.reduce<number>((sum, count) => sum + (isMissing(count) ? 0 : count), 0);
  return ((recordedCrimeCount(recordedCrime, 'durham', 'sexual-offences', END) as number) / total) * 100;
}

describe('a metric added through the registry', () => {
  it('is in the catalogue the API and the site list, after the built-in metrics', () => {
    expect(metricDefinitions(registry).map((definition) => definition.id)).toEqual([
      ...metricDefinitions().map((definition) => definition.id),
      TOY_ID,
    ]);
  });

  it("is in the report model's metrics map with Durham's value, England and Wales and a band", () => {
    const metrics = reportMetrics(buildForceReport('durham', { registry }), { registry }) as Record<
      string,
      { value: unknown; label: string; unit: string; band: unknown; englandWales: unknown }
    >;
    const entry = metrics[TOY_ID]!;
    expect(entry.label).toBe(toy.definition.label);
    expect(entry.unit).toBe('percent of recorded crime');
    expect(entry.value).toBeCloseTo(durhamShare(), 9);
    expect(entry.band).toMatchObject({ n: 43 });
    expect(entry.englandWales).toMatchObject({ method: 'pooled' });
  });

  it('has a table for all forces and its periods, like any metric', () => {
    const table = metricForAllForces(toyId, { registry });
    expect(table.metric).toBe(toy.definition);
    expect(table.rows.find((row) => row.force.slug === 'durham')?.value).toBeCloseTo(durhamShare(), 9);
    expect(metricPeriods(toyId, { registry })).toEqual([{ type: 'rolling-12m', end: END }]);
  });

  it('leaves the built-in registry alone', () => {
    expect(METRIC_REGISTRY.byId.has(TOY_ID)).toBe(false);
    expect(() => metricForAllForces(toyId)).toThrow(/Unknown metric "sexual_offences_share"/);
  });
});
