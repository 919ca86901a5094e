// Headline figures over time (issue 15). Durham's values at two quarter ends are checked against a computation written
// here from the raw files (test/raw-crime.ts reads them), independently of the generated datasets the code reads.
import { isMissing, type NumberOrMissing } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { BTP, forceAreas, OTHER_CRIMES_AGAINST_SOCIETY, rawCount, rawPopulation } from '../../test/raw-crime.ts';
import { HEADLINE_METRICS, headlinesOverTime } from './over-time.ts';
import { reportPeriods } from './periods.ts';

const num = (value: NumberOrMissing): number => {
  if (isMissing(value)) throw new Error(`expected a number, got [${value.missing}] ${value.reason}`);
  return value;
};
const FRAUD = 'Fraud offences';
// Rates leave fraud out entirely; changes keep a force's own "Fraud offences" row (recorded by forces until 2013/14)
// in the count, as the printed 2016 changes do (method-variants.ts: forces-own-fraud-in-base).
const excludingFraud = (offence: string) => offence !== FRAUD;
const victimBased = (offence: string) => offence !== FRAUD && !OTHER_CRIMES_AGAINST_SOCIETY.has(offence);
const withOwnFraud = () => true;

/** The raw computation for the 12 months to `end`, with the mid-year population `year` (named in each case). */
function expected(end: string, yearBefore: string, year: number) {
  const population = rawPopulation(year);
  const pop = (pfa: string) => population.get(pfa) as number;
  const rate = (pfa: string, include: (offence: string) => boolean) => (rawCount(pfa, end, include) / pop(pfa)) * 1000;
  const change = (earlier: number, later: number) => ((later - earlier) / earlier) * 100;
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  // England and Wales rates as the Home Office gives them: the 43 forces' and BTP's offences over the forces'
  // population; the change over the 43 forces' counts (Annex A).
  const englandWalesRate = (include: (offence: string) => boolean) =>
    ((sum(forceAreas.map((pfa) => rawCount(pfa, end, include))) + rawCount(BTP, end, include)) /
      sum(forceAreas.map(pop))) *
    1000;
  // Band: rank 1 = highest rate among the 42 forces other than City of London (its resident-only rate is not
  // comparable); each tail holds floor(n / 4) places; ties share the best rank.
  const ranked = forceAreas.filter((pfa) => pfa !== 'City of London').map((pfa) => rate(pfa, excludingFraud));
  const durham = rate('Durham', excludingFraud);
  const k = Math.floor(ranked.length / 4);
  const rank = 1 + ranked.filter((value) => value > durham).length;
  const fromBottom = 1 + ranked.filter((value) => value < durham).length;
  return {
    crimeRate: durham,
    crimeRateEnglandWales: englandWalesRate(excludingFraud),
    victimRate: rate('Durham', victimBased),
    victimRateEnglandWales: englandWalesRate(victimBased),
    change: change(rawCount('Durham', yearBefore, withOwnFraud), rawCount('Durham', end, withOwnFraud)),
    changeEnglandWales: change(
      sum(forceAreas.map((pfa) => rawCount(pfa, yearBefore, withOwnFraud))),
      sum(forceAreas.map((pfa) => rawCount(pfa, end, withOwnFraud))),
    ),
    band: [rank <= k ? 'among-the-highest' : fromBottom <= k ? 'among-the-lowest' : 'broadly-in-line', rank, 42, k],
  };
}

describe('headlinesOverTime', () => {
  const overTime = headlinesOverTime('durham');

  it('has a point for every quarter end a report can be built for, oldest first', () => {
    expect(overTime.points.map((point) => point.periodEnd)).toEqual(reportPeriods());
    expect(overTime.points.length).toBeGreaterThan(40);
    expect(overTime.force.slug).toBe('durham');
  });

  // The middle of a 12-month window is nearest the mid-year of the same calendar year when the window ends July to
  // December, and of the year before when it ends January to June (rate.ts).
  it.each([
    { end: '2017-09-30', yearBefore: '2016-09-30', populationYear: 2017 },
    { end: '2012-03-31', yearBefore: '2011-03-31', populationYear: 2011 },
  ])("gives Durham's figures and England and Wales for the 12 months to $end from the raw files", (row) => {
    const want = expected(row.end, row.yearBefore, row.populationYear);
    const point = overTime.points.find((candidate) => candidate.periodEnd === row.end);
    if (!point) throw new Error(`no point for ${row.end}`);
    const {
      crime_rate_total_excl_fraud: rate,
      crime_rate_victim_based: victim,
      crime_change_yoy: change,
    } = point.values;
    expect(num(rate.force)).toBeCloseTo(want.crimeRate, 9);
    expect(num(rate.englandWales)).toBeCloseTo(want.crimeRateEnglandWales, 9);
    expect(num(victim.force)).toBeCloseTo(want.victimRate, 9);
    expect(num(victim.englandWales)).toBeCloseTo(want.victimRateEnglandWales, 9);
    expect(num(change.force)).toBeCloseTo(want.change, 9);
    expect(num(change.englandWales)).toBeCloseTo(want.changeEnglandWales, 9);
    const band = point.band;
    expect(isMissing(band) ? band : [band.band, band.rank, band.n, band.k]).toEqual(want.band);
  });

  it('marks the change missing, with the reason, where there is no window a year earlier', () => {
    const first = overTime.points[0]!;
    const change = first.values.crime_change_yoy.force;
    expect(isMissing(change) && change.missing).toBe('x');
    expect(isMissing(change) && change.reason).toMatch(/a year before/);
    expect(isMissing(first.values.crime_rate_total_excl_fraud.force)).toBe(false);
  });

  it('labels each column without the 2016 window', () => {
    expect(overTime.metrics.map((metric) => metric.id)).toEqual([...HEADLINE_METRICS]);
    for (const metric of overTime.metrics) expect(metric.label).not.toContain('2016');
    expect(overTime.metrics[2]?.label).toContain('12 months to each quarter end');
  });

  it('gives City of London its values and says why it has no band', () => {
    const last = headlinesOverTime('City of London').points.at(-1)!;
    expect(isMissing(last.values.crime_rate_total_excl_fraud.force)).toBe(false);
    expect(isMissing(last.band) && last.band.missing).toBe('z');
  });

  it('throws for a force that is not territorial, naming valid examples', () => {
    expect(() => headlinesOverTime('btp')).toThrow(/territorial force.*e\.g\. 'durham'/);
  });
});
