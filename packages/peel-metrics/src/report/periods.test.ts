// The report for a period end (issue 15). Durham's figures for the 12 months to 30 June 2018 are checked against a
// computation from the raw files (test/raw-crime.ts reads them: recorded crime from rec-crime-pfa.csv, populations
// summed over local authority districts with the ONS 2017 LAD → police force area lookup), independently of the
// generated datasets the code reads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledRelease, isMissing, type NumberOrMissing } from 'peel-data';
import { importRecordedCrime } from 'peel-data/node';
import { describe, expect, it } from 'vitest';
import { buildForceReport } from './build-force-report.ts';
import { periodChoiceOf, reportPeriods, REGENERATION_NOTICE } from './periods.ts';
import { METRIC_REGISTRY } from '../registry/registry.ts';
import type { Figure, MetricFigure } from '../model/types.ts';
import { forceAreas, rawCount, rawPopulation } from '../../test/raw-crime.ts';

const RAW_CRIME = fileURLToPath(
  new URL('../../../peel-data/data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv', import.meta.url),
);
// Recorded crime excluding fraud: forces' own "Fraud offences" and the national fraud series are left out.
const FRAUD = new Set(['Fraud offences', 'Action Fraud', 'CIFAS', 'UK Finance']);
const countOf = (pfa: string, periodEnd: string): number => rawCount(pfa, periodEnd, (offence) => !FRAUD.has(offence));
const population = rawPopulation(2017);

// 12 months to 30 June 2018: the mid-2017 population is the mid-year nearest the middle of the window.
const END = '2018-06-30';
const rateOf = (pfa: string) => (countOf(pfa, END) / (population.get(pfa) as number)) * 1000;
const forceNames = forceAreas;
const durhamRate = rateOf('Durham');
const durhamChange =
  ((countOf('Durham', END) - countOf('Durham', '2017-06-30')) / countOf('Durham', '2017-06-30')) * 100;
// Banding: rank 1 = highest; each tail holds floor(n / 4) positions; ties share the best rank. City of London is
// not ranked on population rates (issue 10: its resident-only rate is not comparable).
const rates = forceNames.filter((name) => name !== 'City of London').map(rateOf);
const k = Math.floor(rates.length / 4);
const fromTop = 1 + rates.filter((rate) => rate > durhamRate).length;
const fromBottom = 1 + rates.filter((rate) => rate < durhamRate).length;
const durhamBand = fromTop <= k ? 'among-the-highest' : fromBottom <= k ? 'among-the-lowest' : 'broadly-in-line';

const num = (value: NumberOrMissing): number => {
  if (isMissing(value)) throw new Error(`expected a number, got [${value.missing}] ${value.reason}`);
  return value;
};
const rowOf = (figure: Figure | undefined, metricId: string): MetricFigure => {
  const row = figure?.kind === 'table' ? figure.rows.find((candidate) => candidate.metricId === metricId) : undefined;
  if (!row) throw new Error(`no row ${metricId}`);
  return row;
};

describe('the report for the 12 months to 30 June 2018', () => {
  const report = buildForceReport('durham', { periodEnd: '2018-06-30' });
  const table = report.figures.find((figure) => figure.number === 2);

  it('has the 43 forces and Durham in the raw computation', () => {
    expect(forceNames).toHaveLength(43);
    expect(population.size).toBe(43);
  });

  it("gives Durham's crime rate as the raw count over the mid-2017 population × 1,000", () => {
    const row = rowOf(table, 'crime_rate_total_excl_fraud');
    expect(row.period).toEqual({ type: 'rolling-12m', end: '2018-06-30' });
    expect(num(row.force.value)).toBeCloseTo(durhamRate, 9);
  });

  it("gives Durham's change against the 12 months to 30 June 2017 from the raw counts", () => {
    expect(report.crimeChange.yearOnYear.period).toEqual({
      type: 'change',
      from: { type: 'rolling-12m', end: '2017-06-30' },
      to: { type: 'rolling-12m', end: '2018-06-30' },
    });
    expect(num(report.crimeChange.yearOnYear.force.value)).toBeCloseTo(durhamChange, 9);
  });

  it("gives Durham's band from the raw ranking of the 42 forces other than City of London", () => {
    const band = rowOf(table, 'crime_rate_total_excl_fraud').band;
    expect(band && !isMissing(band) ? [band.band, band.rank, band.n, band.k] : band).toEqual([
      durhamBand,
      fromTop,
      42,
      k,
    ]);
  });

  it('names the period shown in its labels', () => {
    expect(report.crimeChange.yearOnYear.label).toContain('12 months to 30 June 2018');
    expect(report.crimeChange.yearOnYear.label).not.toContain('2016');
  });

  it('compares with five years earlier and draws the five years to the period end', () => {
    expect(report.crimeChange.vs2011.period).toMatchObject({ from: { end: '2013-06-30' }, to: { end: '2018-06-30' } });
    const series = report.figures.find((figure) => figure.number === 1);
    const quarterEnds = [2013, 2014, 2015, 2016, 2017, 2018].flatMap((year) =>
      ['03-31', '06-30', '09-30', '12-31'].map((day) => `${year}-${day}`),
    );
    expect(series?.kind === 'series' && series.points.map((point) => point.period)).toEqual(
      quarterEnds
        .filter((end) => end >= '2013-06-30' && end <= '2018-06-30')
        .map((end) => ({ type: 'rolling-12m', end })),
    );
  });

  it('shows ASB and outcomes for the nearest periods their sources cover, and says so', () => {
    const asb = report.forceInNumbers.flatMap((area) => area.items).find((item) => item.metricId === 'asb_rate');
    expect(asb?.period).toEqual({ type: 'calendar-year', year: 2016 });
    expect(asb?.force.caveats.at(-1)).toMatch(/calendar year 2016 is the nearest period .* 30 June 2018/);
    expect(report.figures.find((figure) => figure.number === 4)?.period).toEqual({
      type: 'financial-year',
      startYear: 2017,
    });
  });

  it('holds no printed value and no judgment, and says HMIC did not publish it', () => {
    const json = JSON.stringify(report);
    expect(json).not.toContain('"published":{');
    expect(json).not.toContain('"publishedBand"');
    expect(report.otherMetrics).toEqual([]);
    expect(report.judgments.overall.grade).toMatchObject({ missing: 'z' });
    expect(report.judgments.questions.every((question) => isMissing(question.grade))).toBe(true);
    expect(report.regeneration).toEqual({
      periodEnd: '2018-06-30',
      publishedByHmic: false,
      notice: REGENERATION_NOTICE,
    });
    expect(report.sentences[0]?.text).toMatch(/^HMIC did not publish this report\./);
    expect(report.footnotes[0]).toBe(REGENERATION_NOTICE);
    expect(report.title).toMatch(/12 months to 30 June 2018.*not an HMIC publication/);
  });

  it('makes figures HMIC collected for 2016 only missing with the reason', () => {
    const vulnerable = report.figures.find((figure) => figure.number === 6);
    expect(vulnerable?.kind === 'by-force' && vulnerable.subject.force.value).toMatchObject({
      missing: 'x',
      reason: expect.stringMatching(/2016 report only/),
    });
    expect(rowOf(table, 'crime_rate_burglary_dwelling').force.value).toMatchObject({ missing: 'x' });
  });
});

describe('periods', () => {
  it('lists the quarter ends of the bundled recorded crime, oldest first', () => {
    const periods = reportPeriods();
    expect(periods.at(-1)).toBe('2018-12-31');
    expect(periods).toContain('2016-06-30');
    expect(periods.every((end) => /-(03-31|06-30|09-30|12-31)$/.test(end))).toBe(true);
    expect([...periods].sort()).toEqual(periods);
  });

  it('follows an imported recorded-crime file cut at December 2017', async () => {
    const lines = readFileSync(RAW_CRIME, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    const kept = lines.slice(1).filter((line) => !/^\d\d-\d\d-2018,/.test(line));
    const { dataset } = await importRecordedCrime([`${[lines[0], ...kept].join('\n')}\n`], { file: 'trimmed.csv' });
    const release = { ...bundledRelease, recordedCrime: dataset };
    expect(reportPeriods({ release }).at(-1)).toBe('2017-12-31');
    expect(() => buildForceReport('durham', { release, periodEnd: '2018-06-30' })).toThrow(
      /no report for "2018-06-30"; this release covers the quarter ends .*2017-12-31/,
    );
    const latest = buildForceReport('durham', { release, periodEnd: '2017-12-31' });
    expect(latest.crimeChange.yearOnYear.period).toMatchObject({ to: { end: '2017-12-31' } });
    // Importing the whole file takes seconds on a loaded two-core machine.
  }, 60_000);

  it('rejects a date that is not a covered quarter end, naming the valid ones', () => {
    expect(() => buildForceReport('durham', { periodEnd: '2018-07-31' })).toThrow(RangeError);
    expect(() => buildForceReport('durham', { periodEnd: '2030-06-30' })).toThrow(/e\.g\. '2018-12-31'/);
  });

  it('gives a missing change where the release lacks the earlier window', () => {
    const first = reportPeriods()[0] as string;
    const report = buildForceReport('durham', { periodEnd: first });
    expect(report.crimeChange.yearOnYear.force.value).toMatchObject({ missing: 'x' });
  });

  it('picks the nearer of two calendar years, the earlier on a tie', () => {
    const choice = periodChoiceOf(bundledRelease, METRIC_REGISTRY, 'asb_rate', '2014-06-30');
    // 31 December 2013 and 31 December 2014 are 181 and 184 days from 30 June 2014.
    expect(!isMissing(choice) && choice.period).toEqual({ type: 'calendar-year', year: 2013 });
  });
});

describe('the 2016 edition', () => {
  it('is unchanged by the period option: a regeneration for 30 June 2016 computes the same rates', () => {
    const edition = buildForceReport('durham');
    const regenerated = buildForceReport('durham', { periodEnd: '2016-06-30' });
    expect(edition.regeneration).toBeUndefined();
    const metric = 'crime_rate_total_excl_fraud';
    expect(rowOf(regenerated.figures[1], metric).force.value).toBe(rowOf(edition.figures[1], metric).force.value);
    // Durham's 2016 edition holds printed values beside the recomputed ones; the regeneration holds none.
    expect(JSON.stringify(edition)).toContain('"published":{');
    expect(JSON.stringify(regenerated)).not.toContain('"published":{');
  });
});
