import { readFileSync } from 'node:fs';
import { territorialForces } from 'peel-data';
import { parseCsv } from 'peel-data/node';
import { describe, expect, it } from 'vitest';
import { metricForAllForces, metricPeriods } from '../metrics/metric-table.ts';
import { METRIC } from '../registry/ids.ts';
import { metricDefinition } from '../registry/registry.ts';
import { periodKey } from './period-key.ts';
import { TIDY_COLUMNS, tidyCsv, tidyMetadataJson, tidyMetric } from './tidy-metric.ts';

const RAW_CRIME = new URL('../../../peel-data/data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv', import.meta.url);
/** A 12-month count read straight from the raw ONS file (dd-mm-yyyy dates, area name, offence group). */
function rawCount(date: string, area: string, offence: string): number {
  const line = readFileSync(RAW_CRIME, 'utf8')
    .split(/\r?\n/)
    .find((candidate) => candidate.startsWith(`${date},${area},`) && candidate.split(',')[3] === offence);
  if (!line) throw new Error(`no raw row for ${date} ${area} ${offence}`);
  return Number(line.split(',').at(-1));
}

/** The CSV as an analyst's parser reads it: a header and records of strings. */
function readTidy(csv: string): Record<(typeof TIDY_COLUMNS)[number], string>[] {
  const [header, ...records] = parseCsv(csv, 'tidy.csv');
  return records.map(
    (record) =>
      Object.fromEntries(header!.map((name, index) => [name, record[index] ?? ''])) as Record<
        (typeof TIDY_COLUMNS)[number],
        string
      >,
  );
}

/** What pandas' float parser accepts (with na_values=[''] the empty cell is NaN). */
const FLOAT = /^-?\d+(\.\d+)?(e-?\d+)?$/;

describe('tidyMetric: a recorded-crime rate, every force and period', () => {
  const tidy = tidyMetric(METRIC.crime_rate_sexual_offences);
  const rows = readTidy(tidyCsv(tidy));

  it('has the tidy columns, and one row per force and England and Wales per period', () => {
    expect(parseCsv(tidyCsv(tidy), 'tidy.csv')[0]).toEqual([...TIDY_COLUMNS]);
    const periods = metricPeriods(METRIC.crime_rate_sexual_offences);
    expect(rows).toHaveLength(periods.length * (territorialForces.length + 1));
  });

  it('has a value column a float parser reads: a number, or empty with the marker and reason in status', () => {
    for (const row of rows) {
      if (row.value === '') {
        expect(row.status).toMatch(/^\[[xzcu]\]$/);
        expect(row.status_reason.length).toBeGreaterThan(0);
      } else {
        expect(row.value).toMatch(FLOAT);
        expect(row.status).toBe('');
      }
    }
    expect(rows.filter((row) => row.value !== '').length).toBeGreaterThan(rows.length / 2);
  });

  it('names forces by ONS code and periods by the keys metricPeriods lists', () => {
    const codes = new Set(rows.map((row) => row.force_code));
    expect(codes).toEqual(new Set([...territorialForces.map((force) => force.code), 'K04000001']));
    const keys = new Set(metricPeriods(METRIC.crime_rate_sexual_offences).map(periodKey));
    expect(new Set(rows.map((row) => row.period_key))).toEqual(keys);
    expect([...keys]).toContain('2016-06-30');
  });

  it("gives Durham's count from the raw ONS file as numerator, and rounds the rate to precision + 1", () => {
    const durham = rows.find((row) => row.force_code === 'E23000008' && row.period_key === '2016-06-30')!;
    expect(Number(durham.numerator)).toBe(rawCount('30-06-2016', 'Durham', 'Sexual offences'));
    const decimals = tidy.metadata.csvDecimals;
    expect(decimals).toBe(tidy.metadata.publishedDecimals + 1);
    const rate = (Number(durham.numerator) / Number(durham.denominator)) * 1000;
    expect(Number(durham.value)).toBeCloseTo(rate, decimals);
    expect(durham.value.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(decimals);
  });

  it('agrees with metricForAllForces at every force for a period, and keeps the unrounded value in JSON', () => {
    const table = metricForAllForces(METRIC.crime_rate_sexual_offences, { period: '2015-06-30' });
    for (const row of table.rows) {
      const tidyRow = tidy.rows.find((r) => r.force === row.force.name && r.period_key === '2015-06-30')!;
      expect(tidyRow.unrounded).toEqual(row.value);
    }
    const ew = tidy.rows.find((r) => r.force_code === 'K04000001' && r.period_key === '2015-06-30')!;
    expect(ew.unrounded).toEqual(table.englandWales.value);
  });
});

describe('tidyMetric: the sidecar', () => {
  it('carries title, unit, definition, sources with licence, coverage, exclusions, caveats, variant, release', () => {
    const tidy = tidyMetric(METRIC.asb_rate);
    const sidecar = JSON.parse(tidyMetadataJson(tidy)) as Record<string, unknown>;
    const definition = metricDefinition(METRIC.asb_rate)!;
    expect(sidecar).toMatchObject({
      title: definition.label,
      metricId: 'asb_rate',
      specRef: definition.specRef,
      exclusions: definition.exclusions,
      caveats: definition.caveats,
      methodVariant: { name: 'default' },
      licence: 'Open Government Licence v3.0',
    });
    expect(sidecar.unit).toMatch(/per 1,000/);
    expect((sidecar.release as { version: string }).version).toMatch(/^\d+\.\d+\.\d+/);
    const sources = sidecar.sources as { id: string; licence: string; attribution: string }[];
    expect(sources.map((source) => source.id)).toContain('policeuk-aggregates-2012-2016');
    for (const source of sources) expect(source.licence.length * source.attribution.length).toBeGreaterThan(0);
    const coverage = sidecar.periodCoverage as { first: string; last: string; count: number; periods: string[] };
    expect(coverage.periods).toEqual(metricPeriods(METRIC.asb_rate).map(periodKey));
    expect([coverage.first, coverage.last, coverage.count]).toEqual([
      coverage.periods[0],
      coverage.periods.at(-1),
      coverage.periods.length,
    ]);
    expect(Object.keys(sidecar.columns as object)).toEqual([...TIDY_COLUMNS]);
  });

  it('says what is wrong when the metric is unknown', () => {
    expect(() => tidyMetric('nope' as never)).toThrow(/tidyMetric: unknown metric "nope".*crime_rate_total_excl_fraud/);
  });
});

describe('tidyCsv: a printed-only metric', () => {
  it('writes every force as an empty value with [x] and the reason', () => {
    const rows = readTidy(tidyCsv(tidyMetric(METRIC.ocgs_per_million)));
    const kent = rows.find((row) => row.force_code === 'E23000032')!;
    expect(kent).toMatchObject({ value: '', status: '[x]' });
    expect(kent.status_reason).toMatch(/report/);
  });
});

describe('tidyMetric: one outcome type (outcome_proportion:<row id>)', () => {
  const key = 'outcome_proportion:charged-summonsed' as const;
  const tidy = tidyMetric(key);

  it('gives every force and England and Wales with the counts the proportion is made of', () => {
    expect(tidy.metadata.title).toMatch(/: Charged\/Summonsed$/);
    const table = metricForAllForces(key);
    const durham = tidy.rows.find((row) => row.force_code === 'E23000008')!;
    const fromTable = table.rows.find((row) => row.force.slug === 'durham')!.value;
    expect(durham.unrounded).toBe(fromTable);
    expect(typeof durham.numerator).toBe('number');
    expect((Number(durham.numerator) / Number(durham.denominator)) * 100).toBeCloseTo(Number(durham.unrounded), 10);
    expect(tidy.rows.filter((row) => row.period_key === durham.period_key)).toHaveLength(territorialForces.length + 1);
  });

  it('names the valid rows when the row id is unknown', () => {
    expect(() => tidyMetric('outcome_proportion:no-such-row' as typeof key)).toThrow(/charged-summonsed/);
  });
});
