import { durhamPublished, getPublishedFigure, isMissing, territorialForces } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { MetricSeriesSchema, MetricTableSchema } from '../schema/report.ts';
import { METRIC_IDS, type MetricKey } from '../registry/ids.ts';
import { compareForces, metricForAllForces, metricPeriods, metricReportPeriod, metricSeries } from './metric-table.ts';

describe('metricForAllForces', () => {
  it.each([...METRIC_IDS])('%s: 43 rows, each a number or a missing marker with a reason', (metricId) => {
    const table = metricForAllForces(metricId);
    expect(MetricTableSchema.safeParse(table).success).toBe(true);
    expect(table.rows.map((row) => row.force.slug)).toEqual(territorialForces.map((force) => force.slug));
    for (const row of table.rows) {
      expect(
        typeof row.value === 'number'
          ? Number.isFinite(row.value)
          : isMissing(row.value) && row.value.reason.length > 0,
      ).toBe(true);
    }
  });

  it('ranks the 42 forces other than City of London on a crime rate, rank 1 the highest, 10 in each tail', () => {
    const table = metricForAllForces('crime_rate_total_excl_fraud');
    if (isMissing(table.banding)) throw new Error('expected a banding');
    expect(table.banding).toMatchObject({ n: 42, k: 10 });
    const top = table.rows.find((row) => row.rank === 1);
    const ranked = table.rows.filter((row) => row.force.slug !== 'city-of-london');
    expect(Math.max(...ranked.map((row) => row.value as number))).toBe(top?.value);
    expect(table.rows.filter((row) => row.band === 'among-the-highest')).toHaveLength(10);
  });

  it("ranks Dorset in the 2017/18 outcomes: the 2016 report's exclusion covers its own returns only", () => {
    const table = metricForAllForces('outcome_proportion:investigation-complete-no-suspect');
    const dorset = table.rows.find((row) => row.force.slug === 'dorset');
    expect(dorset?.rank).toBeTypeOf('number');
    expect(dorset?.caveats.join(' ')).toMatch(/Dorset Police: the 2016 report's rule \(excluded: Dorset Police is/);
    expect(table.englandWales.excluded).toEqual([]);
    expect(table.englandWales.included).toHaveLength(43);
  });

  it.each([
    { period: '2015-06-30', expected: { type: 'rolling-12m', end: '2015-06-30' } },
    {
      period: { type: 'rolling-12m', end: '2012-03-31' } as const,
      expected: { type: 'rolling-12m', end: '2012-03-31' },
    },
  ])('accepts the period $period', ({ period, expected }) => {
    expect(metricForAllForces('crime_rate_victim_based', { period }).period).toEqual(expected);
  });

  it.each([
    { metricId: 'crime_rate_victim_based', period: '2016-07-31', message: /no data for period/ },
    { metricId: 'crime_rate_victim_based', period: 'last year', message: /expected an ISO end date/ },
    { metricId: 'no_such_metric', period: undefined, message: /Unknown metric "no_such_metric"/ },
  ])('rejects $metricId at $period', ({ metricId, period, message }) => {
    expect(() => metricForAllForces(metricId as MetricKey, period === undefined ? {} : { period })).toThrow(message);
  });

  it('computes assault with injury for 2017/18 from offence code 8N, and leaves 2016 to the printed value', () => {
    const later = metricForAllForces('crime_rate_assault_with_injury', { period: '2017/18' });
    expect(later.rows.every((row) => typeof row.value === 'number')).toBe(true);
    const report = metricForAllForces('crime_rate_assault_with_injury');
    expect(report.rows.filter((row) => typeof row.value === 'number').map((row) => row.force.slug)).toEqual(['durham']);
  });
});

describe('metricPeriods and metricSeries', () => {
  it('lists every quarter end for a crime rate, including the report window', () => {
    const periods = metricPeriods('crime_rate_total_excl_fraud');
    expect(periods).toContainEqual({ type: 'rolling-12m', end: '2016-06-30' });
    expect(periods.length).toBeGreaterThan(40);
  });

  it("gives Durham's crime-rate series with England and Wales at every point", () => {
    const series = metricSeries('crime_rate_total_excl_fraud', 'durham');
    expect(MetricSeriesSchema.safeParse(series).success).toBe(true);
    if (isMissing(series.series)) throw new Error('expected a series');
    expect(series.series.length).toBe(metricPeriods('crime_rate_total_excl_fraud').length);
    expect(series.series.every((point) => point.englandWales !== undefined)).toBe(true);
  });

  it('says there is no series for a printed-only metric', () => {
    expect(metricSeries('ocgs_per_million', 'durham').series).toMatchObject({ missing: 'z' });
  });
});

describe('compareForces', () => {
  it('keeps the ranks of the full table for the chosen forces', () => {
    const all = metricForAllForces('crime_rate_sexual_offences');
    const chosen = compareForces('crime_rate_sexual_offences', ['durham', 'E23000013']);
    expect(chosen.rows.map((row) => row.force.slug)).toEqual(['durham', 'cleveland']);
    for (const row of chosen.rows)
      expect(row.rank).toBe(all.rows.find((candidate) => candidate.force.slug === row.force.slug)?.rank);
  });

  it('rejects an empty list and unknown forces', () => {
    expect(() => compareForces('crime_rate_sexual_offences', [])).toThrow(/non-empty array/);
    expect(() => compareForces('crime_rate_sexual_offences', ['atlantis'])).toThrow(
      /Unknown territorial force "atlantis"/,
    );
  });
});

describe('periods of printed-only metrics', () => {
  it('lists the printed period, and accepts it back', () => {
    const periods = metricPeriods('ocgs_per_million');
    expect(periods).toEqual([{ type: 'snapshot', date: '2016-07-01' }]);
    expect(metricForAllForces('ocgs_per_million', { period: periods[0] }).period).toEqual(periods[0]);
  });

  it('names an outcomes row after the family and the row, and rejects an unknown row', () => {
    expect(metricForAllForces('outcome_proportion:taken-into-consideration').metric['label']).toMatch(
      /Taken into consideration$/,
    );
    expect(() => metricForAllForces('outcome_proportion:piracy')).toThrow(/no outcomes row "piracy"/);
  });
});

describe('metricReportPeriod and the variant option', () => {
  it('gives the period the Durham report prints for a metric, which metricForAllForces uses by default', () => {
    const id = 'crime_rate_total_excl_fraud';
    const printed = getPublishedFigure(durhamPublished, id)?.period.typed;
    expect(printed).toBeDefined();
    expect(metricReportPeriod(id)).toEqual(printed);
    expect(metricForAllForces(id).period).toEqual(metricReportPeriod(id));
  });

  it('computes England and Wales under a named variant, and says so in its provenance', () => {
    const id = 'crime_rate_total_excl_fraud';
    const standard = metricForAllForces(id);
    const annexA = metricForAllForces(id, { variant: 'englandWales:annex-a-43-forces' });
    expect(standard.englandWales.provenance.variants?.englandWales).toBe('home-office-incl-btp');
    expect(annexA.englandWales.provenance.variants?.englandWales).toBe('annex-a-43-forces');
    // Without British Transport Police's crimes the pooled rate is lower; the forces' own rates do not change.
    expect(annexA.englandWales.value as number).toBeLessThan(standard.englandWales.value as number);
    expect(annexA.rows.map((row) => row.value)).toEqual(standard.rows.map((row) => row.value));
  });
});
