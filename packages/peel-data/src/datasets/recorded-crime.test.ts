import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMissing } from '../types/missing.ts';
import {
  FRAUD_BODIES,
  OFFENCE_GROUPS,
  RecordedCrimeDatasetSchema,
  type OffenceGroupId,
} from '../schema/recorded-crime.ts';
import { distinctRawColumn, readRawCsv } from '../../scripts/lib/raw.ts';
import { buildRecordedCrime } from '../../scripts/gen/recorded-crime.ts';
import { forces, territorialForces } from './forces.ts';
import { recordedCrime, recordedCrimeCount } from './recorded-crime.ts';

const raw = readRawCsv('ons-rec-crime-pfa', 'rec-crime-pfa.csv');
const rawCount = (pfa: string, offence: string, date: string) => {
  const row = raw.find(
    (candidate) =>
      candidate.values.PFA === pfa &&
      candidate.values.Offence === offence &&
      candidate.values['12 months ending'] === date,
  );
  return row ? Number(row.values['Rolling year total number of offences']) : undefined;
};

describe('recordedCrime', () => {
  it('validates and equals a fresh build from the raw file', async () => {
    expect(RecordedCrimeDatasetSchema.safeParse(recordedCrime).success).toBe(true);
    expect(recordedCrime).toEqual(await buildRecordedCrime());
  });

  it('covers every Offence label of the raw file with the taxonomy, and nothing else', () => {
    expect([...distinctRawColumn('ons-rec-crime-pfa', 'rec-crime-pfa.csv', 'Offence')].sort()).toEqual(
      OFFENCE_GROUPS.map((group) => group.label).sort(),
    );
  });

  it('classifies victim-based and other crimes against society as PROVENANCE.md describes', () => {
    const notVictimBased = OFFENCE_GROUPS.filter((group) => group.category !== 'victim-based').map(
      (group) => group.label,
    );
    for (const label of [
      'Fraud offences',
      'Drug offences',
      'Possession of weapons offences',
      'Public order offences',
      'Miscellaneous crimes against society',
    ]) {
      expect(notVictimBased).toContain(label);
    }
    expect(OFFENCE_GROUPS.filter((group) => group.category === 'fraud').map((group) => group.id)).toEqual([
      'fraud-offences',
      'action-fraud',
      'cifas',
      'uk-finance',
    ]);
  });

  it('has ascending ISO periods from March 2003 to December 2018, with the misdated quarter corrected', () => {
    expect(recordedCrime.periods[0]).toBe('2003-03-31');
    expect(recordedCrime.periods.at(-1)).toBe('2018-12-31');
    expect(recordedCrime.periods).toContain('2017-12-31');
    expect(recordedCrime.periods).not.toContain('2017-12-30');
    expect(recordedCrime.periods.filter((period) => period >= '2007-06-30')).toHaveLength(47); // quarterly
  });

  it('has a count for every territorial force, BTP and every crime group (not burglary) in every period', () => {
    const always: OffenceGroupId[] = OFFENCE_GROUPS.filter(
      (group) => group.category !== 'fraud' && !group.id.includes('burglary'),
    ).map((group) => group.id);
    for (const force of forces.filter((candidate) => candidate.kind !== 'england-and-wales')) {
      for (const period of recordedCrime.periods) {
        for (const group of always)
          expect(
            typeof recordedCrimeCount(recordedCrime, force.slug, group, period),
            `${force.slug} ${group} ${period}`,
          ).toBe('number');
        // burglary: exactly one of the old and new pairs is counted, or both during the 2017 transition
        const old = recordedCrimeCount(recordedCrime, force.slug, 'domestic-burglary', period);
        const split = recordedCrimeCount(recordedCrime, force.slug, 'residential-burglary', period);
        expect(typeof old === 'number' || typeof split === 'number', `${force.slug} burglary ${period}`).toBe(true);
      }
    }
  });

  it('returns the published count, read straight from the raw file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...raw.filter((_, index) => index % 97 === 0)), (row) => {
        const [day, month, year] = row.values['12 months ending']!.split('-');
        const iso = row.values['12 months ending'] === '30-12-2017' ? '2017-12-31' : `${year}-${month}-${day}`;
        const fraudBody = FRAUD_BODIES.find((body) => body.label === row.values.PFA);
        const series =
          fraudBody?.id ?? forces.find((force) => force.aliases['ons-rec-crime-pfa'] === row.values.PFA)!.slug;
        const group = OFFENCE_GROUPS.find((candidate) => candidate.label === row.values.Offence)!.id;
        const value = recordedCrimeCount(recordedCrime, series, group, iso);
        const published = Number(row.values['Rolling year total number of offences']);
        if (isMissing(value))
          expect(published, `${series} ${group} ${iso}`).toBe(0); // only zeros become Missing
        else expect(value).toBe(published);
      }),
      { numRuns: 200 },
    );
    expect(recordedCrimeCount(recordedCrime, 'durham', 'sexual-offences', '2016-06-30')).toBe(
      rawCount('Durham', 'Sexual offences', '30-06-2016'),
    );
  });

  it('models not-collected burglary zeros and post-2013 force fraud as Missing z, never 0', () => {
    const beforeSplit = recordedCrimeCount(recordedCrime, 'durham', 'residential-burglary', '2016-06-30');
    expect(rawCount('Durham', 'Residential burglary', '30-06-2016')).toBe(0);
    expect(beforeSplit).toMatchObject({ missing: 'z' });
    expect(recordedCrimeCount(recordedCrime, 'durham', 'residential-burglary', '2010-06-30')).toMatchObject({
      missing: 'z',
    });
    expect(rawCount('Durham', 'Domestic burglary', '31-03-2018')).toBe(0);
    expect(recordedCrimeCount(recordedCrime, 'durham', 'domestic-burglary', '2018-03-31')).toMatchObject({
      missing: 'z',
    });
    expect(recordedCrimeCount(recordedCrime, 'humberside', 'domestic-burglary', '2018-12-31')).toBe(
      rawCount('Humberside', 'Domestic burglary', '31-12-2018'),
    );
    expect(recordedCrimeCount(recordedCrime, 'durham', 'fraud-offences', '2016-06-30')).toMatchObject({ missing: 'z' });
    expect(recordedCrimeCount(recordedCrime, 'action-fraud', 'action-fraud', '2010-06-30')).toMatchObject({
      missing: 'x',
    });
    expect(recordedCrimeCount(recordedCrime, 'action-fraud', 'action-fraud', '2016-06-30')).toBe(
      rawCount('Action Fraud', 'Action Fraud', '30-06-2016'),
    );
  });

  it('keeps negative counts as published and flags each one', () => {
    const negatives = raw.filter((row) => Number(row.values['Rolling year total number of offences']) < 0);
    expect(negatives.length).toBeGreaterThan(0);
    expect(recordedCrime.notes.filter((note) => note.kind === 'negative-count')).toHaveLength(negatives.length);
    expect(recordedCrimeCount(recordedCrime, 'north-wales', 'fraud-offences', '2013-12-31')).toBe(
      rawCount('North Wales', 'Fraud offences', '31-12-2013'),
    );
  });

  it('flags the three transition periods of the burglary reclassification', () => {
    const periods = [
      ...new Set(recordedCrime.notes.filter((note) => note.kind === 'partial-year').map((note) => note.periodEnd)),
    ];
    expect(periods).toEqual(['2017-06-30', '2017-09-30', '2017-12-31']);
  });

  it('has 43 forces + BTP + 3 fraud bodies, and no England and Wales series (metrics computes it)', () => {
    expect(Object.keys(recordedCrime.series)).toHaveLength(47);
    expect(recordedCrime.series['england-and-wales']).toBeUndefined();
    expect(territorialForces.every((force) => recordedCrime.series[force.slug])).toBe(true);
  });

  it('answers misuse with clear errors and absent dates with Missing', () => {
    expect(() => recordedCrimeCount(recordedCrime, 'durhamm', 'robbery', '2016-06-30')).toThrow(
      /unknown series "durhamm"/,
    );
    expect(() => recordedCrimeCount(recordedCrime, 'durham', 'burglary', '2016-06-30')).toThrow(
      /unknown offence group "burglary"/,
    );
    expect(() => recordedCrimeCount(recordedCrime, 'durham', 'robbery', '30-06-2016')).toThrow(/ISO date/);
    expect(recordedCrimeCount(recordedCrime, 'durham', 'robbery', '2016-05-31')).toMatchObject({ missing: 'x' });
    expect(recordedCrimeCount(recordedCrime, 'durham', 'action-fraud', '2016-06-30')).toMatchObject({ missing: 'z' });
  });
});
