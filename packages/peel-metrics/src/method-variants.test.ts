// Issue 10's findings 1–3, each checked on the raw recorded-crime file: the value under every variant, and that the
// PEEL 2016 default reproduces print where the finding holds. Expected counts are summed here from
// data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv, independently of the generated dataset the code reads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  bundledRelease,
  durhamPublished,
  getPublishedFigure,
  isMissing,
  population,
  populationOf,
  recordedCrime,
  territorialForces,
  type NumberOrMissing,
} from 'peel-data';
import { describe, expect, it } from 'vitest';
import { percentChange } from './change.ts';
import { computeMetric } from './metrics/engine.ts';
import { reconcilePrinted } from './reconciliation.ts';
import { buildForceReport } from './report/build-force-report.ts';
import {
  crimeCountWithFraudBase,
  englandWalesCrimeCount,
  PEEL_2016_VARIANTS,
  type EnglandWalesVariant,
  type FraudBaseVariant,
} from './method-variants.ts';

const CSV = fileURLToPath(new URL('../../peel-data/data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv', import.meta.url));
const NATIONAL_FRAUD = new Set(['Action Fraud', 'CIFAS', 'UK Finance']);
const SOCIETY = new Set([
  'Drug offences',
  'Possession of weapons offences',
  'Public order offences',
  'Miscellaneous crimes against society',
]);
type Kind = 'total-excl-fraud' | 'victim-based' | 'sexual-offences' | 'fraud-offences';

// PFA → 'dd-mm-yyyy' → offence → count, straight from the raw file.
const raw = new Map<string, Map<string, Map<string, number>>>();
for (const line of readFileSync(CSV, 'utf8').split('\n').slice(1)) {
  if (!line) continue;
  const [date, pfa, , offence, count] = line.split(',') as [string, string, string, string, string];
  let byDate = raw.get(pfa);
  if (!byDate) raw.set(pfa, (byDate = new Map()));
  let byOffence = byDate.get(date);
  if (!byOffence) byDate.set(date, (byOffence = new Map()));
  byOffence.set(offence, Number(count));
}
const FORCE_NAMES = [...raw.keys()].filter((pfa) => !NATIONAL_FRAUD.has(pfa) && pfa !== 'British Transport Police');

function rawCount(pfa: string, date: string, kind: Kind): number {
  const rows = raw.get(pfa)?.get(date);
  if (!rows) throw new Error(`rec-crime-pfa.csv has no rows for ${pfa} on ${date}`);
  let total = 0;
  for (const [offence, count] of rows) {
    const fraud = offence === 'Fraud offences' || NATIONAL_FRAUD.has(offence);
    if (kind === 'fraud-offences' ? offence === 'Fraud offences' : kind === 'sexual-offences')
      total += offence === 'Sexual offences' || kind === 'fraud-offences' ? count : 0;
    else if (kind === 'total-excl-fraud' && !fraud) total += count;
    else if (kind === 'victim-based' && !fraud && !SOCIETY.has(offence)) total += count;
  }
  return total;
}
const rawEnglandWales = (date: string, kind: Kind, withBtp: boolean): number =>
  [...FORCE_NAMES, ...(withBtp ? ['British Transport Police'] : [])].reduce(
    (sum, pfa) => sum + rawCount(pfa, date, kind),
    0,
  );

const forces = territorialForces.map((force) => force.slug);
const num = (value: NumberOrMissing): number => {
  if (isMissing(value)) throw new Error(`expected a number, got [${value.missing}] ${value.reason}`);
  return value;
};
const pop = (slug: string, year: number) => num(populationOf(population, slug, year));
const population2015 = forces.reduce((sum, slug) => sum + pop(slug, 2015), 0);
const printed = (id: string, who: 'durham' | 'englandWales'): number => {
  const value = getPublishedFigure(durhamPublished, id)?.[who].value;
  if (typeof value !== 'number') throw new Error(`durham-2016-published.json prints no number for ${id}.${who}`);
  return value;
};
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

describe('the raw file and the dataset agree on the counts the findings use', () => {
  it('has the 43 territorial forces besides BTP and the national fraud series', () => {
    expect(FORCE_NAMES).toHaveLength(43);
  });
  it.each(['total-excl-fraud', 'victim-based', 'sexual-offences'] as const)(
    'Durham %s, 12 months to June 2016',
    (kind) => {
      expect(crimeCountWithFraudBase(recordedCrime, 'durham', '2016-06-30', kind, { fraudBase: 'excluded' })).toBe(
        rawCount('Durham', '30-06-2016', kind),
      );
    },
  );
});

describe('finding 1: printed England and Wales rates include British Transport Police', () => {
  const rates = [
    ['crime_rate_total_excl_fraud', 'total-excl-fraud'],
    ['crime_rate_victim_based', 'victim-based'],
    ['crime_rate_sexual_offences', 'sexual-offences'],
  ] as const;
  it.each(rates)('%s: the value under each variant', (id, kind) => {
    const under = (englandWales: EnglandWalesVariant) =>
      (num(
        englandWalesCrimeCount(recordedCrime, forces, '2016-06-30', kind, { englandWales, fraudBase: 'excluded' })
          .value,
      ) /
        population2015) *
      1000;
    const homeOffice = under('home-office-incl-btp');
    const annexA = under('annex-a-43-forces');
    expect(homeOffice).toBeCloseTo((rawEnglandWales('30-06-2016', kind, true) / population2015) * 1000, 10);
    expect(annexA).toBeCloseTo((rawEnglandWales('30-06-2016', kind, false) / population2015) * 1000, 10);
    // The default fits print within one printed unit; Annex A's 43 forces are further away for every rate.
    const print = printed(id, 'englandWales');
    expect(PEEL_2016_VARIANTS.rate.englandWales).toBe('home-office-incl-btp');
    expect(Math.abs(homeOffice - print)).toBeLessThan(0.1);
    expect(Math.abs(annexA - print)).toBeGreaterThan(Math.abs(homeOffice - print));
  });
  it('the gap Annex A leaves in the total is BTP-sized, the gap the default leaves is under 0.2% of the count', () => {
    const print = printed('crime_rate_total_excl_fraud', 'englandWales');
    const implied = (print * population2015) / 1000;
    const btp = rawCount('British Transport Police', '30-06-2016', 'total-excl-fraud');
    const withBtp = rawEnglandWales('30-06-2016', 'total-excl-fraud', true);
    // A later vintage revises counts up, so it cannot explain 43 forces falling short of print by BTP's ~47,000.
    expect(implied - rawEnglandWales('30-06-2016', 'total-excl-fraud', false)).toBeGreaterThan(btp * 0.9);
    expect(Math.abs(withBtp - implied) / implied).toBeLessThan(0.002);
  });
  it('sexual offences: the default rounds to the printed 1.9', () => {
    const value =
      (num(
        englandWalesCrimeCount(recordedCrime, forces, '2016-06-30', 'sexual-offences', PEEL_2016_VARIANTS.rate).value,
      ) /
        population2015) *
      1000;
    expect(oneDecimal(value)).toBe(printed('crime_rate_sexual_offences', 'englandWales'));
  });
});

describe("finding 2: the change since 2011 keeps forces' own fraud in the 2011 base", () => {
  const change = (englandWales: EnglandWalesVariant, fraudBase: FraudBaseVariant) => {
    const count = (end: string) =>
      num(englandWalesCrimeCount(recordedCrime, forces, end, 'total-excl-fraud', { englandWales, fraudBase }).value);
    return num(percentChange(count('2011-06-30'), count('2016-06-30')));
  };
  it("Durham's 2011 base holds its own fraud offences from the raw file", () => {
    const fraud2011 = rawCount('Durham', '30-06-2011', 'fraud-offences');
    expect(fraud2011).toBeGreaterThan(0);
    expect(
      crimeCountWithFraudBase(recordedCrime, 'durham', '2011-06-30', 'total-excl-fraud', {
        fraudBase: 'forces-own-fraud-in-base',
      }),
    ).toBe(rawCount('Durham', '30-06-2011', 'total-excl-fraud') + fraud2011);
    // Fraud was recorded centrally by 2016: the variant changes nothing there.
    expect(
      crimeCountWithFraudBase(recordedCrime, 'durham', '2016-06-30', 'total-excl-fraud', {
        fraudBase: 'forces-own-fraud-in-base',
      }),
    ).toBe(rawCount('Durham', '30-06-2016', 'total-excl-fraud'));
  });
  it('England and Wales: the default (43 forces, own fraud in the base) reproduces the printed −3.4', () => {
    const print = printed('crime_change_vs_2011', 'englandWales');
    const expected = (withBtp: boolean, withFraud: boolean) => {
      const base =
        rawEnglandWales('30-06-2011', 'total-excl-fraud', withBtp) +
        (withFraud ? rawEnglandWales('30-06-2011', 'fraud-offences', withBtp) : 0);
      return ((rawEnglandWales('30-06-2016', 'total-excl-fraud', withBtp) - base) / base) * 100;
    };
    const table = {
      default: change(PEEL_2016_VARIANTS.change.englandWales, PEEL_2016_VARIANTS.change.fraudBase),
      annexAFraudExcluded: change('annex-a-43-forces', 'excluded'),
      homeOfficeWithFraud: change('home-office-incl-btp', 'forces-own-fraud-in-base'),
    };
    expect(table.default).toBeCloseTo(expected(false, true), 10);
    expect(table.annexAFraudExcluded).toBeCloseTo(expected(false, false), 10);
    expect(table.homeOfficeWithFraud).toBeCloseTo(expected(true, true), 10);
    expect(oneDecimal(table.default)).toBe(print);
    expect(oneDecimal(table.annexAFraudExcluded)).not.toBe(print);
    expect(oneDecimal(table.homeOfficeWithFraud)).not.toBe(print);
  });
  it('Durham: own fraud in the base and the 2016 count the printed rate implies give the printed 7.2', () => {
    const base = num(
      crimeCountWithFraudBase(recordedCrime, 'durham', '2011-06-30', 'total-excl-fraud', {
        fraudBase: 'forces-own-fraud-in-base',
      }),
    );
    const baseWithoutFraud = rawCount('Durham', '30-06-2011', 'total-excl-fraud');
    const implied2016 = Math.round((printed('crime_rate_total_excl_fraud', 'durham') * pop('durham', 2015)) / 1000);
    const print = printed('crime_change_vs_2011', 'durham');
    expect(oneDecimal(((implied2016 - base) / base) * 100)).toBe(print);
    // Without forces' fraud the same implied count gives a change a whole point away from print.
    expect(Math.abs(((implied2016 - baseWithoutFraud) / baseWithoutFraud) * 100 - print)).toBeGreaterThan(1);
  });
});

describe('finding 3: Figure 1 divides every year by mid-2015 (Annex A), revised per-year populations a variant', () => {
  it('Durham, 12 months to 30 June 2012, under each denominator', () => {
    const count = rawCount('Durham', '30-06-2012', 'total-excl-fraud');
    const mid2015 = (count / pop('durham', 2015)) * 1000;
    // The window July 2011–June 2012 has its middle at the turn of the year: the earlier mid-year, 2011.
    const nearest = (count / pop('durham', 2011)) * 1000;
    expect(PEEL_2016_VARIANTS.trend.denominator).toBe('mid-2015');
    expect(mid2015).not.toBeCloseTo(nearest, 1);
    // The engine's Figure 1 metric by default, and under the named variant.
    const period = '2012-06-30';
    const byDefault = computeMetric(bundledRelease, 'crime_rate_trend_5yr', { period });
    const variant = computeMetric(bundledRelease, 'crime_rate_trend_5yr', {
      period,
      variant: 'denominator:mid-year-nearest',
    });
    expect(byDefault.rows.get('durham')?.value).toBeCloseTo(mid2015, 10);
    expect(byDefault.rows.get('durham')?.provenance.variants).toEqual({ denominator: 'mid-2015' });
    expect(variant.rows.get('durham')?.value).toBeCloseTo(nearest, 10);
  });
});

describe('finding 4: percentage changes print with one decimal, as the report prints them', () => {
  it("Durham's change since 2011 in the report's sentence, from the raw counts", () => {
    const base =
      rawCount('Durham', '30-06-2011', 'total-excl-fraud') + rawCount('Durham', '30-06-2011', 'fraud-offences');
    const change = ((rawCount('Durham', '30-06-2016', 'total-excl-fraud') - base) / base) * 100;
    const report = buildForceReport('durham');
    expect(report.crimeChange.vs2011.precision).toBe(1);
    const sentence = report.sentences.find((candidate) => candidate.metricIds.includes('crime_change_vs_2011'));
    expect(sentence?.text).toContain(`rose by ${change.toFixed(1)}%`);
  });
});

// Changes that no variant reproduces exactly: the numbers, from the raw file, and what the reconciliation says.
describe('changes that do not reproduce print under any variant', () => {
  const change = (earlier: number, later: number) => ((later - earlier) / earlier) * 100;
  const reconciled = (id: string, area: 'force' | 'england-and-wales') =>
    reconcilePrinted('durham').find((row) => row.figureId === id && row.area === area);
  /** The change the printed rate's own rounding (±0.05 per 1,000) allows, from the raw earlier count. */
  const allowed = (rate: number, population: number, earlier: number, less = 0) =>
    [-0.05, 0.05].map((step) => change(earlier, ((rate + step) * population) / 1000 - less));

  it('Durham victim-based since 2011: +10.18 % from the counts, print +9.7; the printed rate allows it', () => {
    const earlier = rawCount('Durham', '30-06-2011', 'victim-based');
    const counts = change(earlier, rawCount('Durham', '30-06-2016', 'victim-based'));
    expect(counts).toBeCloseTo(10.18, 2);
    expect(oneDecimal(counts)).not.toBe(printed('victim_based_crime_change_vs_2011', 'durham'));
    const [low, high] = allowed(printed('crime_rate_victim_based', 'durham'), pop('durham', 2015), earlier);
    expect(low!).toBeLessThan(9.75);
    expect(high!).toBeGreaterThanOrEqual(9.65);
    expect(reconciled('victim_based_crime_change_vs_2011', 'force')?.cause).toBe('data-vintage');
  });

  it('E&W victim-based since 2011: −1.57 % (43 forces), −1.76 % (with BTP); print −0.5: unexplained', () => {
    const forces43 = change(
      rawEnglandWales('30-06-2011', 'victim-based', false),
      rawEnglandWales('30-06-2016', 'victim-based', false),
    );
    const withBtp = change(
      rawEnglandWales('30-06-2011', 'victim-based', true),
      rawEnglandWales('30-06-2016', 'victim-based', true),
    );
    expect(forces43).toBeCloseTo(-1.57, 2);
    expect(withBtp).toBeCloseTo(-1.76, 2);
    const btp = rawCount('British Transport Police', '30-06-2016', 'victim-based');
    const range = allowed(
      printed('crime_rate_victim_based', 'englandWales'),
      population2015,
      rawEnglandWales('30-06-2011', 'victim-based', false),
      btp,
    );
    // Even the printed rate's rounding leaves the change a whole point below print.
    for (const value of range)
      expect(value).toBeLessThan(printed('victim_based_crime_change_vs_2011', 'englandWales') - 0.5);
    expect(reconciled('victim_based_crime_change_vs_2011', 'england-and-wales')?.cause).toBe('unexplained');
  });

  it('England and Wales year on year: +8.10 % (43 forces), +8.09 % (with BTP); print +7.8: unexplained', () => {
    const forces43 = change(
      rawEnglandWales('30-06-2015', 'total-excl-fraud', false),
      rawEnglandWales('30-06-2016', 'total-excl-fraud', false),
    );
    const withBtp = change(
      rawEnglandWales('30-06-2015', 'total-excl-fraud', true),
      rawEnglandWales('30-06-2016', 'total-excl-fraud', true),
    );
    expect(forces43).toBeCloseTo(8.1, 1);
    expect(withBtp).toBeCloseTo(8.09, 2);
    const btp = rawCount('British Transport Police', '30-06-2016', 'total-excl-fraud');
    const [low] = allowed(
      printed('crime_rate_total_excl_fraud', 'englandWales'),
      population2015,
      rawEnglandWales('30-06-2015', 'total-excl-fraud', false),
      btp,
    );
    expect(low!).toBeGreaterThan(printed('crime_change_yoy', 'englandWales') + 0.05);
    expect(reconciled('crime_change_yoy', 'england-and-wales')?.cause).toBe('unexplained');
  });
});
