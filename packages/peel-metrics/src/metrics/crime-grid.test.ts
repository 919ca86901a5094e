import fc from 'fast-check';
import { isMissing, OFFENCE_GROUPS, population, recordedCrime, territorialForces } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { poolEnglandWales } from '../aggregate.ts';
import { bandForces } from '../banding.ts';
import { populationYearForPeriodEnd } from '../rate.ts';
import { crimeRateGrid, GRID_BAND_CODES, gridValue } from './crime-grid.ts';
import { crimeRate, crimeCount, populationOfYear } from './recorded-crime.ts';

const forces = territorialForces.map((force) => force.slug);
const groups = OFFENCE_GROUPS.filter((group) => group.category !== 'fraud' || group.id === 'fraud-offences').map(
  (group) => group.id,
);
const grid = crimeRateGrid({ recordedCrime, population }, { forces, groups });
const codeOf = {
  'among-the-lowest': GRID_BAND_CODES.lowest,
  'broadly-in-line': GRID_BAND_CODES.inLine,
  'among-the-highest': GRID_BAND_CODES.highest,
};

describe('crimeRateGrid', () => {
  it('has one cell per period × group × force', () => {
    expect(grid.rates.length).toBe(recordedCrime.periods.length * groups.length * forces.length);
  });

  it('agrees with crimeRate, poolEnglandWales and bandForces on any cell of the real data', () => {
    fc.assert(
      fc.property(fc.nat(recordedCrime.periods.length - 1), fc.nat(groups.length - 1), (p, g) => {
        const period = recordedCrime.periods[p] as string;
        const group = groups[g] as never;
        const year = populationYearForPeriodEnd(period);
        const rows = forces.map((force) => ({
          force,
          rate: crimeRate({ recordedCrime, population }, force, period, group),
        }));
        forces.forEach((_force, f) => {
          const expected = rows[f]?.rate.value;
          const actual = gridValue(grid, p, g, f);
          if (typeof expected === 'number') expect(actual).toBeCloseTo(expected, 9);
          else expect(isMissing(actual)).toBe(true);
        });
        const pooled = poolEnglandWales(
          forces.map((force) => ({
            force,
            numerator: crimeCount(recordedCrime, force, period, group),
            denominator: populationOfYear(population, force, year),
          })),
          { scale: 1000 },
        );
        const ew = grid.englandWales[p * groups.length + g] as number;
        if (typeof pooled.value === 'number') expect(ew).toBeCloseTo(pooled.value, 9);
        else expect(Number.isNaN(ew)).toBe(true);
        const banding = bandForces(rows.map((row) => ({ force: row.force, value: row.rate.value })));
        for (const ranked of banding.ranked) {
          const cell = (p * groups.length + g) * forces.length + forces.indexOf(ranked.force);
          expect(grid.ranks[cell]).toBe(ranked.rank);
          expect(grid.bands[cell]).toBe(codeOf[ranked.band]);
        }
      }),
      // Period 5, group 1 holds a negative published count (Cheshire): always check it.
      { numRuns: 40, examples: [[5, 1]] },
    );
  });
});
