// Counts beside rates (issue 10): every ratio the compute layer makes carries its numerator, its denominator and, for
// a population, the population's year. Expected counts are read here from the raw files (the ONS recorded-crime
// table, the ONS mid-year estimates by local authority with the ONS LAD → PFA lookup, the Home Office outcomes
// file), independently of the generated datasets the code reads.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isMissing, territorialForces, type NumberOrMissing, type RatioCounts } from 'peel-data';
import { parseCsv } from 'peel-data/node';
import { describe, expect, it } from 'vitest';
import { METRIC_REGISTRY } from '../registry/registry.ts';
import { resolveRelease } from '../data/release.ts';
import { computeKey, computeMetric, metricPeriodsOf } from './engine.ts';

const RAW = new URL('../../../peel-data/data/raw/', import.meta.url);
const rawText = (path: string): string => {
  const bytes = readFileSync(new URL(path, RAW));
  return path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
};
const records = (path: string): Record<string, string>[] => {
  const [header, ...rows] = parseCsv(rawText(path).replace(/^\uFEFF/, ''), path);
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index] ?? ''])));
};

const NATIONAL_FRAUD = new Set(['Action Fraud', 'CIFAS', 'UK Finance']);
const crimeRows = records('ons-rec-crime-pfa/rec-crime-pfa.csv');
/** A force's 12-month count excluding every fraud row (Figure 2's method), from the raw ONS table. */
function rawCrimeTotal(pfa: string, date: string): number {
  const rows = crimeRows.filter((row) => row['12 months ending'] === date && row['PFA'] === pfa);
  if (rows.length === 0) throw new Error(`rec-crime-pfa.csv has no rows for ${pfa} on ${date}`);
  const offence = (row: Record<string, string>) => row['Offence'] ?? '';
  return rows
    .filter((row) => offence(row) !== 'Fraud offences' && !NATIONAL_FRAUD.has(offence(row)))
    .reduce((sum, row) => sum + Number(row['Rolling year total number of offences']), 0);
}

const lookup = records(
  'ons-lad-csp-pfa-lookup-2017/Local_Authority_District_to_Community_Safety_Partnerships_to_Police_Force_Areas__' +
    'January_2017__Lookup_in_England_and_Wales_Version_2.csv',
);
const populations = records('ons-mye-lad-2001-2020-lesscrime/crime-pressure-force-pop-data.csv.gz');
/** A police force area's mid-year population: the sum over its local authorities (ONS lookup, January 2017). */
function rawPopulation(pfaName: string, year: number): number {
  const lads = new Set(lookup.filter((row) => row['PFA17NM'] === pfaName).map((row) => row['LAD17CD']));
  expect(lads.size).toBeGreaterThan(0);
  const rows = populations.filter((row) => lads.has(row['ladcode19'] ?? '') && row['year'] === String(year));
  expect(rows.length).toBe(lads.size);
  return rows.reduce((sum, row) => sum + Number(row['population']), 0);
}

const outcomes = records('ho-outcomes-2017-18-cjcharts/detection-rates-data.csv.gz');

const num = (value: NumberOrMissing | undefined): number => {
  if (value === undefined || isMissing(value)) throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  return value;
};
const countsOf = (counts: RatioCounts | undefined): RatioCounts => {
  if (!counts) throw new Error('the value carries no counts');
  return counts;
};
const reproduces = (counts: RatioCounts, value: NumberOrMissing) =>
  expect((num(counts.numerator) / num(counts.denominator)) * counts.scale).toBeCloseTo(num(value), 9);

const release = resolveRelease();

describe('counts beside rates: recorded-crime rates', () => {
  const table = computeMetric(release, 'crime_rate_total_excl_fraud');
  const durham = table.rows.get('durham')!;
  const counts = countsOf(durham.provenance.counts);

  it("serves Durham's count and mid-2015 population as the raw files give them, and they reproduce the rate", () => {
    expect(counts.numerator).toBe(rawCrimeTotal('Durham', '30-06-2016'));
    expect(counts.populationYear).toBe(2015);
    expect(counts.denominatorKind).toBe('population');
    expect(counts.denominator).toBe(rawPopulation('Durham', 2015));
    expect(counts.scale).toBe(1000);
    reproduces(counts, durham.value);
  });

  it('pools England and Wales as the sum over the included forces (and BTP, under the Home Office comparator)', () => {
    const ew = table.englandWales;
    const ewCounts = countsOf(ew.provenance.counts);
    const forces = ew.included.filter((slug) => slug !== 'btp');
    expect(ew.included).toContain('btp');
    expect(forces).toHaveLength(territorialForces.length);
    const sum = (pick: (c: RatioCounts) => NumberOrMissing) =>
      forces.reduce((total, slug) => total + num(pick(countsOf(table.rows.get(slug)!.provenance.counts))), 0);
    expect(ewCounts.numerator).toBe(sum((c) => c.numerator) + rawCrimeTotal('British Transport Police', '30-06-2016'));
    expect(ewCounts.denominator).toBe(sum((c) => c.denominator));
    expect(ewCounts.populationYear).toBe(2015);
    reproduces(ewCounts, ew.value);
  });

  it('gives every force a count and population that reproduce its rate at every period of the series', () => {
    // The mid-year nearest each window's middle: July 2011 to June 2012 → mid-2011 (the earlier on a tie); 2018 → 2018.
    for (const [period, year] of [
      ['2012-06-30', 2011],
      ['2018-12-31', 2018],
    ] as const) {
      const at = computeMetric(release, 'crime_rate_victim_based', { period });
      for (const [slug, row] of at.rows) {
        const rowCounts = countsOf(row.provenance.counts);
        expect(rowCounts.populationYear, slug).toBe(year);
        reproduces(rowCounts, row.value);
      }
    }
  });
});

describe('counts beside rates: changes, outcome proportions, other ratios', () => {
  it('gives a percentage change the change in the count over the earlier count', () => {
    const change = computeMetric(release, 'crime_change_vs_2011');
    for (const row of change.rows.values()) reproduces(countsOf(row.provenance.counts), row.value);
    const ew = change.englandWales;
    const ewCounts = countsOf(ew.provenance.counts);
    expect(ewCounts.denominatorKind).toBe('count');
    expect(ewCounts.denominator).toBe(
      ew.included.reduce((total, slug) => total + num(change.rows.get(slug)!.provenance.counts?.denominator), 0),
    );
    reproduces(ewCounts, ew.value);
  });

  it("gives Durham's charged/summonsed share the outcome count and all offences from the raw outcomes file", () => {
    const share = computeKey(release, 'outcome_proportion:charged-summonsed');
    const durham = share.rows.get('durham')!;
    const counts = countsOf(durham.provenance.counts);
    const rows = outcomes.filter((row) => row['force_name'] === 'Durham');
    const offences = (row: Record<string, string>) => Number(row['offences']);
    expect(counts.numerator).toBe(
      rows.filter((row) => row['outcome_type'] === '1').reduce((s, r) => s + offences(r), 0),
    );
    expect(counts.denominator).toBe(rows.reduce((sum, row) => sum + offences(row), 0));
    expect(counts.denominatorKind).toBe('count');
    expect(counts.populationYear).toBeUndefined();
    reproduces(counts, durham.value);
    const ew = countsOf(share.englandWales.provenance.counts);
    reproduces(ew, share.englandWales.value);
  });

  it('carries counts on every computed ratio of the registry, and none on printed values or counts of forces', () => {
    const ratios = new Set(['crime-rate', 'crime-change', 'offence-code-rate', 'asb-rate', 'outcome-share']);
    for (const metric of METRIC_REGISTRY.metrics) {
      // The latest period the release has (a rate of one offence code is computed for the outcomes' year only).
      const period = metricPeriodsOf(release, metric.id as never).at(-1);
      const computed = computeMetric(release, metric.id as never, period ? { period } : {});
      const withCounts = [...computed.rows.values()].filter((row) => row.provenance.counts);
      if (ratios.has(metric.compute.kind)) {
        expect(withCounts.length, metric.id).toBe(computed.rows.size);
        for (const row of withCounts) if (!isMissing(row.value)) reproduces(countsOf(row.provenance.counts), row.value);
      } else if (metric.compute.kind === 'printed' || metric.compute.kind === 'forces-with-increase') {
        expect(computed.englandWales.provenance.counts, metric.id).toBeUndefined();
      }
    }
  });
});
