import {
  bundledRelease,
  hoOutcomes201718,
  outcomeCount,
  policeUkAggregates20122016,
  asbIncidents,
  populationOf,
  population,
} from 'peel-data';
import { describe, expect, it } from 'vitest';
import { computeMetric, metricPeriodsOf, parsePeriod, reportPeriodOf } from './engine.ts';

describe('parsePeriod', () => {
  it.each([
    { input: '2016-06-30', expected: { type: 'rolling-12m', end: '2016-06-30' } },
    { input: '2017/18', expected: { type: 'financial-year', startYear: 2017 } },
    { input: '2015', expected: { type: 'calendar-year', year: 2015 } },
    { input: { type: 'snapshot', date: '2016-07-01' } as const, expected: { type: 'snapshot', date: '2016-07-01' } },
  ])('$input', ({ input, expected }) => {
    expect(parsePeriod(input)).toEqual(expected);
  });

  it.each(['30/06/2016', 'June 2016', ''])('rejects %j, naming the forms it accepts', (input) => {
    expect(() => parsePeriod(input)).toThrow(
      /ISO end date \('2016-06-30'\), a financial year \('2017\/18'\) or a calendar year \('2015'\)/,
    );
  });

  it('rejects a malformed period object', () => {
    expect(() => parsePeriod({ type: 'rolling-12m', end: 'soon' } as never)).toThrow(/not a valid period object/);
  });

  it.each([
    [{ type: 'rolling-12m', end: 'soon' }, 'period.end: expected an ISO date'],
    [{ type: 'weekly', end: '2016-06-30' }, 'period.type: unknown period type "weekly"'],
    [{ type: 'calendar-year', year: 2015.5 }, 'period.year: expected a whole number'],
    [{ type: 'financial-year', startYear: 2017, quarter: 5 }, 'period.quarter: expected a quarter 1 to 4'],
    [{ type: 'snapshot', date: '2016-03-31', end: '2016-03-31' }, 'period: unknown field "end"'],
    [{ type: 'change', from: { type: 'calendar-year', year: 2015 }, to: { type: 'change' } }, 'period.to.type'],
  ])('names the field at fault in %j', (input, message) => {
    expect(() => parsePeriod(input as never)).toThrow(message);
  });

  it.each([
    { type: 'financial-year', startYear: 2017, quarter: 2 },
    { type: 'range', start: '2016-01-01', end: '2016-03-31' },
    {
      type: 'change',
      from: { type: 'rolling-12m', end: '2015-06-30' },
      to: { type: 'rolling-12m', end: '2016-06-30' },
    },
  ])('accepts the period object %j as it is', (input) => {
    expect(parsePeriod(input as never)).toBe(input);
  });
});

describe('computeMetric', () => {
  it('uses the report period by default and caches the result per release', () => {
    const first = computeMetric(bundledRelease, 'crime_change_yoy');
    expect(first.period).toEqual(reportPeriodOf(bundledRelease, 'crime_change_yoy'));
    expect(computeMetric(bundledRelease, 'crime_change_yoy')).toBe(first);
    expect(computeMetric(bundledRelease, 'crime_change_yoy', { period: '2016-06-30' })).toBe(first);
  });

  it('computes ASB rates from data.police.uk calendar years over the mid-year population', () => {
    const asb = computeMetric(bundledRelease, 'asb_rate', { period: '2015' });
    const count = asbIncidents(policeUkAggregates20122016, { force: 'durham', year: 2015 }) as number;
    expect(asb.rows.get('durham')?.value).toBeCloseTo(
      (count / (populationOf(population, 'durham', 2015) as number)) * 1000,
      9,
    );
    expect(asb.rows.get('durham')?.provenance.note).toMatch(/calendar year/);
    expect(metricPeriodsOf(bundledRelease, 'asb_rate')).toContainEqual({ type: 'calendar-year', year: 2012 });
  });

  it('computes assault with injury for 2017/18 from code 8N over the mid-2017 population', () => {
    const metric = computeMetric(bundledRelease, 'crime_rate_assault_with_injury', { period: '2017/18' });
    const count = outcomeCount(hoOutcomes201718, {
      force: 'durham',
      measure: 'offences-recorded-in-quarter',
      offenceCode: '8N',
    }) as number;
    expect(metric.rows.get('durham')?.value).toBeCloseTo(
      (count / (populationOf(population, 'durham', 2017) as number)) * 1000,
      9,
    );
  });

  it('counts the forces with an annual increase from the same changes the rows show', () => {
    const metric = computeMetric(bundledRelease, 'forces_with_annual_crime_increase');
    const rising = [...metric.rows.values()].filter((row) => typeof row.value === 'number' && row.value > 0).length;
    expect(metric.englandWales.value).toBe(rising);
    expect(metric.englandWales.method).toBe('count-of-forces');
  });

  it('gives a published-only metric the printed period, not the period asked for', () => {
    expect(computeMetric(bundledRelease, 'ocgs_per_million').period).toEqual({ type: 'snapshot', date: '2016-07-01' });
  });

  it('works on a partial release: no outcomes dataset gives printed values or [x], never a throw', () => {
    const { outcomes: _dropped, ...partial } = bundledRelease;
    const metric = computeMetric(partial, 'evidential_difficulties_victim_not_support_pct');
    expect(metric.rows.get('kent')?.value).toMatchObject({ missing: 'x' });
    expect(metric.englandWales.method).toBe('published');
  });
});
