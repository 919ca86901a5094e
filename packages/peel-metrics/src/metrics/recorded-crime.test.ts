import { OFFENCE_GROUPS, population, recordedCrime } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { crimeCount, crimeRate, CRIME_SELECTION_GROUPS, populationOfYear, shiftYears } from './recorded-crime.ts';

describe('crime selections', () => {
  it('total excluding fraud = victim-based + other crimes against society, and never a fraud group', () => {
    const fraud = OFFENCE_GROUPS.filter((group) => group.category === 'fraud').map((group) => group.id);
    expect(CRIME_SELECTION_GROUPS['total-excl-fraud'].some((id) => fraud.includes(id as never))).toBe(false);
    expect(CRIME_SELECTION_GROUPS['total-excl-fraud']).toEqual(
      expect.arrayContaining([...CRIME_SELECTION_GROUPS['victim-based'], 'drug-offences', 'public-order-offences']),
    );
  });
});

describe('crimeCount on the bundled data', () => {
  it('total excluding fraud equals victim-based plus the four other-crimes groups (Durham, June 2016)', () => {
    const total = crimeCount(recordedCrime, 'durham', '2016-06-30', 'total-excl-fraud') as number;
    const victimBased = crimeCount(recordedCrime, 'durham', '2016-06-30', 'victim-based') as number;
    const other = [
      'drug-offences',
      'possession-of-weapons-offences',
      'public-order-offences',
      'miscellaneous-crimes-against-society',
    ].reduce((sum, id) => sum + (crimeCount(recordedCrime, 'durham', '2016-06-30', id as never) as number), 0);
    expect(total).toBe(victimBased + other);
    expect(total).toBeGreaterThan(victimBased);
  });

  it('counts the burglary split only where it applies (the [z] groups add nothing)', () => {
    // 2018: domestic burglary is [z] (replaced), residential burglary is counted.
    const total2018 = crimeCount(recordedCrime, 'durham', '2018-06-30', 'total-excl-fraud');
    expect(typeof total2018).toBe('number');
    expect(crimeCount(recordedCrime, 'durham', '2018-06-30', 'domestic-burglary')).toMatchObject({ missing: 'z' });
  });

  it('is missing (not 0) for a window the data do not have', () => {
    expect(crimeCount(recordedCrime, 'durham', '2016-07-31', 'total-excl-fraud')).toMatchObject({
      missing: 'x',
      reason: expect.stringContaining('2016-07-31'),
    });
  });

  it('throws on an unknown force or selection, naming it', () => {
    expect(() => crimeCount(recordedCrime, 'atlantis', '2016-06-30', 'robbery')).toThrow(/"atlantis"/);
    expect(() => crimeCount(recordedCrime, 'durham', '2016-06-30', 'piracy' as never)).toThrow(/"piracy"/);
  });
});

describe('crimeRate', () => {
  it('divides by the mid-2015 population for 12 months to 30 June 2016', () => {
    const rate = crimeRate({ recordedCrime, population }, 'durham', '2016-06-30', 'total-excl-fraud');
    expect(rate.populationYear).toBe(2015);
    expect(rate.population).toBe(populationOfYear(population, 'durham', 2015));
    expect(rate.value).toBeCloseTo(((rate.count as number) / (rate.population as number)) * 1000, 10);
    // A plausible crime rate: tens of crimes per 1,000 people.
    expect(rate.value as number).toBeGreaterThan(20);
    expect(rate.value as number).toBeLessThan(200);
  });

  it('uses an explicit population year when given', () => {
    expect(
      crimeRate({ recordedCrime, population }, 'durham', '2016-06-30', 'robbery', { populationYear: 2016 })
        .populationYear,
    ).toBe(2016);
  });

  it('is missing for BTP (no resident population)', () => {
    expect(crimeRate({ recordedCrime, population }, 'btp', '2016-06-30', 'robbery').value).toMatchObject({
      missing: 'z',
    });
  });
});

it('shiftYears moves the window end by whole years', () => {
  expect(shiftYears('2016-06-30', -5)).toBe('2011-06-30');
  expect(shiftYears('2016-06-30', -1)).toBe('2015-06-30');
});
