import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../import/csv.ts';
import { policeUkAggregates20122016, policeUkAggregatesImportReport } from '../generated/police-uk.ts';
import { isMissing } from '../types/missing.ts';
import { territorialForces } from './forces.ts';
import { NO_OUTCOME_LABEL, asbIncidents, policeUkCrimes } from './police-uk.ts';
import { PoliceUkAggregatesDatasetSchema } from '../schema/police-uk.ts';

const data = policeUkAggregates20122016;

describe('bundled data.police.uk aggregates 2012–2016', () => {
  it('matches its schema', () => {
    expect(PoliceUkAggregatesDatasetSchema.safeParse(data).success).toBe(true);
  });

  it('has Durham ASB incidents in calendar 2015 = 26,290 (provenance)', () => {
    expect(asbIncidents(data, { force: 'durham', year: 2015 })).toBe(26_290);
  });

  it('has every territorial force with an ASB count for every year 2012–2016, and BTP as its own series', () => {
    expect(data.years).toEqual([2012, 2013, 2014, 2015, 2016]);
    const gaps = territorialForces.flatMap((force) =>
      data.years
        .filter((year) => typeof asbIncidents(data, { force: force.slug, year }) !== 'number')
        .map((year) => `${force.slug} ${year}`),
    );
    expect(gaps).toEqual([]);
    expect(data.forces).toContain('btp');
    expect(data.forces).toHaveLength(44);
  });

  it('skips Northern Ireland rows and says so in the report', () => {
    expect(policeUkAggregatesImportReport.skipped).toEqual([
      { rows: 69, firstRow: expect.any(Number), reason: expect.stringContaining('Northern Ireland') },
    ]);
    expect(policeUkAggregatesImportReport.rowsUsed + 69).toBe(policeUkAggregatesImportReport.rowsRead);
  });

  it('marks a crime-type label police.uk did not use that year as not applicable, not 0', () => {
    const value = policeUkCrimes(data, { force: 'durham', year: 2012, crimeType: 'Bicycle theft' });
    expect(isMissing(value) && value.missing).toBe('z');
    expect(policeUkCrimes(data, { force: 'durham', year: 2016, crimeType: 'Bicycle theft' })).toBeGreaterThan(0);
  });

  it('counts the same crimes by type and by last outcome for every force and year', () => {
    for (const force of data.forces) {
      for (const year of data.years) {
        const byOutcome = data.outcomeCategories.reduce(
          (sum, lastOutcome) => sum + (policeUkCrimes(data, { force, year, lastOutcome }) as number),
          0,
        );
        expect(policeUkCrimes(data, { force, year }), `${force} ${year}`).toBe(byOutcome);
      }
    }
  });

  it(
    'agrees with the BBC per-force outcome totals 2012–2016 (outcomes_by_force.csv; its "(blank)" column includes ' +
      'ASB)',
    () => {
      const path = fileURLToPath(
        new URL('../../data/raw/bbc-unsolved-crime-policeuk/outcomes_by_force.csv', import.meta.url),
      );
      const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'), 'outcomes_by_force.csv');
      const disagreements: string[] = [];
      let compared = 0;
      for (const row of rows) {
        const force =
          territorialForces.find((candidate) => candidate.aliases['policeuk-aggregates-2012-2016'] === row[0]) ??
          (row[0] === 'British Transport Police' ? { slug: 'btp' } : undefined);
        if (!force) continue;
        header!.slice(1).forEach((label, column) => {
          const published = row[column + 1] === '' ? 0 : Number(row[column + 1]);
          let ours = data.years.reduce(
            (sum, year) => sum + (policeUkCrimes(data, { force: force.slug, year, lastOutcome: label }) as number),
            0,
          );
          if (label === NO_OUTCOME_LABEL)
            ours += data.years.reduce(
              (sum, year) => sum + (asbIncidents(data, { force: force.slug, year }) as number),
              0,
            );
          compared += 1;
          if (ours !== published) disagreements.push(`${force.slug} ${label}: ${ours} vs ${published}`);
        });
      }
      expect(compared).toBe(44 * 26);
      expect(disagreements).toEqual([]);
    },
  );

  it('keeps the blank last outcome as its own labelled category', () => {
    expect(data.outcomeCategories.at(-1)).toBe(NO_OUTCOME_LABEL);
    expect(data.outcomeCategories).toContain('Investigation complete; no suspect identified');
  });

  it('throws on an unknown force with a valid example', () => {
    expect(() => asbIncidents(data, { force: 'psni', year: 2015 })).toThrow(/unknown force "psni".*force: 'durham'/);
  });
});
