import { hoOutcomes201718, outcomeCount, OUTCOME_PRESENTATION_GROUPS, territorialForces } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { tailSize } from '../banding.ts';
import { EXCLUSION_REGISTRY_2016, rulesOf } from '../exclusions.ts';
import { outcomeRows, outcomesTable } from './outcomes.ts';

const slugs = territorialForces.map((force) => force.slug);
const table = outcomesTable(hoOutcomes201718, slugs);

describe('outcomesTable (2017/18)', () => {
  it("lists Figure 4's rows in order, members under their group, totals last", () => {
    const rows = outcomeRows(hoOutcomes201718);
    expect(rows.filter((row) => row.rowType !== 'outcome' || !row.group).map((row) => row.id)).toEqual([
      ...OUTCOME_PRESENTATION_GROUPS.map((group) => group.id),
      'total-assigned',
      'not-yet-assigned',
    ]);
    expect(rows.filter((row) => row.group === 'out-of-court-formal').map((row) => row.outcomeTypes[0])).toEqual([
      2, 3, 6,
    ]);
  });

  it('makes assigned + not yet assigned = 100% for every force', () => {
    for (const slug of slugs) {
      const assigned = table.percents.get('total-assigned')?.get(slug) as number;
      const notYet = table.percents.get('not-yet-assigned')?.get(slug) as number;
      expect(assigned + notYet).toBeCloseTo(100, 9);
    }
  });

  it('pools England and Wales over all 43 forces from counts (no 2016 rule covers 2017/18)', () => {
    const pooled = table.englandWales.get('charged-summonsed');
    let charged = 0;
    let all = 0;
    for (const slug of slugs) {
      charged += outcomeCount(hoOutcomes201718, {
        force: slug,
        measure: 'offences-recorded-in-quarter',
        outcomeType: 1,
      }) as number;
      all += outcomeCount(hoOutcomes201718, { force: slug, measure: 'offences-recorded-in-quarter' }) as number;
    }
    expect(pooled?.value).toBeCloseTo((charged / all) * 100, 9);
    expect(pooled?.excluded).toEqual([]);
  });

  it('bands every row over the 43 forces', () => {
    for (const banding of table.bandings.values()) {
      expect(banding.n).toBe(43);
      expect(banding.k).toBe(tailSize(43));
      expect(banding.ranked.some((row) => row.force === 'dorset')).toBe(true);
    }
  });

  it("applies the 2016 report's rules when given them: Dorset out of the pool and the bands", () => {
    const withRules = outcomesTable(hoOutcomes201718, slugs, {
      exclusions: rulesOf('outcome_proportion', EXCLUSION_REGISTRY_2016),
    });
    expect(withRules.englandWales.get('charged-summonsed')?.excluded).toEqual([
      { force: 'dorset', reason: expect.stringContaining('Dorset Police is excluded from the table.') },
    ]);
    expect(withRules.bandings.get('charged-summonsed')?.n).toBe(42);
  });
});
