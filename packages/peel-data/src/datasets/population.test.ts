import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HouseholdsDatasetSchema, PopulationDatasetSchema } from '../schema/population.ts';
import { isMissing } from '../types/missing.ts';
import { readRawCsv, readRawText } from '../../scripts/lib/raw.ts';
import { buildHouseholds, buildPopulation } from '../../scripts/gen/population.ts';
import { resolveForceName, territorialForces } from './forces.ts';
import { POPULATION_YEARS, households, householdsOf, population, populationOf } from './population.ts';

/** A figure quoted in a raw folder's PROVENANCE.md, e.g. "England and Wales mid-2015 = **57,885,413**". */
function provenanceFigure(folder: string, pattern: RegExp): number {
  const match = readRawText(folder, 'PROVENANCE.md').match(pattern);
  if (!match?.[1]) throw new Error(`data/raw/${folder}/PROVENANCE.md: no match for ${pattern}`);
  return Number(match[1].replace(/,/g, ''));
}

describe('population', () => {
  it('validates and equals a fresh build from the raw files', () => {
    expect(PopulationDatasetSchema.safeParse(population).success).toBe(true);
    expect(population).toEqual(buildPopulation());
  });

  it('covers mid-2001 to mid-2020', () => {
    expect(POPULATION_YEARS[0]).toBe(2001);
    expect(POPULATION_YEARS.at(-1)).toBe(2020);
    expect(POPULATION_YEARS).toHaveLength(20);
  });

  it('has a positive population for every territorial force and every year', () => {
    for (const force of territorialForces) {
      for (const year of POPULATION_YEARS) {
        const value = populationOf(population, force.slug, year);
        expect(typeof value === 'number' && value > 0, `${force.slug} ${year}`).toBe(true);
      }
    }
  });

  it('matches the England and Wales and Durham mid-2015 figures checked in PROVENANCE.md', () => {
    const folder = 'ons-mye-lad-2001-2020-lesscrime';
    expect(populationOf(population, 'england-and-wales', 2015)).toBe(
      provenanceFigure(folder, /England and Wales mid-2015 = \*\*([\d,]+)\*\*/),
    );
    expect(populationOf(population, 'durham', 2015)).toBe(
      provenanceFigure(folder, /Durham \(County Durham [\d,]+ \+ Darlington [\d,]+\) mid-2015 = \*\*([\d,]+)\*\*/),
    );
    expect(populationOf(population, 'durham', 2015)).toBe(625_345);
  });

  it('has England and Wales equal to the sum of its 43 forces in every year', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POPULATION_YEARS), (year) => {
        const sum = territorialForces.reduce(
          (total, force) => total + (populationOf(population, force.slug, year) as number),
          0,
        );
        expect(populationOf(population, 'england-and-wales', year)).toBe(sum);
      }),
    );
  });

  it('rounds mid-2018 force sums to the ONS PFA table (MYE2018) for all 43 forces', () => {
    const rows = readRawCsv('pfa-population-households-mid2018-mopd', 'population_data.csv').filter((row) =>
      /^(E23|W15)/.test(row.values.code!),
    );
    expect(rows).toHaveLength(43);
    for (const row of rows) {
      const force = resolveForceName(row.values.name!, 'ons-pfa-households-mid2018');
      const value = populationOf(population, force.slug, 2018) as number;
      expect(Math.round(value / 100) * 100, force.slug).toBe(Number(row.values.MYE2018));
    }
  });

  it('agrees with the cross-check file (ONS detailed series, 2019 LADs) for Wales and E&W', () => {
    const wales2015 = readRawCsv('ons-mye-lad-2001-2020-lesscrime', 'crime-pressure-force-pop-data.csv.gz')
      .filter((row) => row.values.ladcode19!.startsWith('W') && row.values.year === '2015')
      .reduce((sum, row) => sum + Number(row.values.population), 0);
    const welshForces = territorialForces.filter((force) => force.country === 'Wales');
    expect(welshForces.reduce((sum, force) => sum + (populationOf(population, force.slug, 2015) as number), 0)).toBe(
      wales2015,
    );
  });

  it('agrees exactly with the England-only table except for the three forces its PROVENANCE says are wrong', () => {
    const rows = readRawCsv('pfa-population-england-leocastro', 'population_policeforces.csv');
    const disagreeing = new Set<string>();
    for (const row of rows) {
      for (const [column, value] of Object.entries(row.values)) {
        if (column === '' || column === 'year') continue;
        const slug = resolveForceName(column, 'pfa-population-england-2009-2019').slug;
        if (populationOf(population, slug, Number(row.values.year)) !== Number(value)) disagreeing.add(slug);
      }
    }
    expect([...disagreeing].sort()).toEqual(['metropolitan', 'nottinghamshire', 'thames-valley']);
  });

  it('returns Missing, not 0, where there is no value, and throws on an unknown slug', () => {
    expect(isMissing(populationOf(population, 'durham', 1999))).toBe(true);
    expect(isMissing(populationOf(population, 'btp', 2015))).toBe(true);
    expect(() => populationOf(population, 'durhamm', 2015)).toThrow(/unknown force slug "durhamm".*e\.g\./);
  });

  it('flags the City of London resident-only population', () => {
    expect(population.caveats['city-of-london']).toMatch(/transient/);
  });
});

describe('households', () => {
  it('is the 2018 projection (2017-based) for 43 forces and England and Wales', () => {
    expect(HouseholdsDatasetSchema.safeParse(households).success).toBe(true);
    expect(households).toEqual(buildHouseholds());
    expect(Object.keys(households.values)).toHaveLength(44);
    expect(householdsOf(households, 'durham').period).toEqual({ type: 'projection', year: 2018, basedOn: 2017 });
  });

  it('reads the SNHP2017 column: Durham 278,200 and England and Wales within rounding of the 43-force sum', () => {
    expect(householdsOf(households, 'durham').value).toBe(278_200);
    const sum = territorialForces.reduce(
      (total, force) => total + (householdsOf(households, force.slug).value as number),
      0,
    );
    expect(Math.abs(sum - (householdsOf(households, 'england-and-wales').value as number))).toBeLessThanOrEqual(
      43 * 50,
    );
  });

  it('has no households for BTP and throws on an unknown slug', () => {
    expect(isMissing(householdsOf(households, 'btp').value)).toBe(true);
    expect(() => householdsOf(households, 'nowhere')).toThrow(/unknown force slug/);
  });
});

describe('populationOf and householdsOf take any force identifier', () => {
  it('give the same value by slug, ONS code, name and short name', () => {
    for (const force of territorialForces) {
      for (const identifier of [force.name, force.shortName, String(force.code)]) {
        expect(populationOf(population, identifier, 2015), identifier).toBe(populationOf(population, force.slug, 2015));
        expect(householdsOf(households, identifier), identifier).toEqual(householdsOf(households, force.slug));
      }
    }
    expect(() => populationOf(population, 'Atlantis', 2015)).toThrow(/unknown force slug "Atlantis"/);
  });
});
