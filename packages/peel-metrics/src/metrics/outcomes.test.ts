import { hoOutcomes201718, outcomeCount, OUTCOME_PRESENTATION_GROUPS, territorialForces } from 'peel-data';
import { describe, expect, it } from 'vitest';
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

  it('pools England and Wales over 42 forces (Dorset out) from counts', () => {
    const pooled = table.englandWales.get('charged-summonsed');
    let charged = 0;
    let all = 0;
    for (const slug of slugs.filter((slug) => slug !== 'dorset')) {
      charged += outcomeCount(hoOutcomes201718, {
        force: slug,
        measure: 'offences-recorded-in-quarter',
        outcomeType: 1,
      }) as number;
      all += outcomeCount(hoOutcomes201718, { force: slug, measure: 'offences-recorded-in-quarter' }) as number;
    }
    expect(pooled?.value).toBeCloseTo((charged / all) * 100, 9);
    expect(pooled?.excluded).toEqual([{ force: 'dorset', reason: expect.stringContaining('Dorset') }]);
  });

  it('bands every row over the 42 ranked forces, never Dorset', () => {
    for (const banding of table.bandings.values()) {
      expect(banding.n).toBe(42);
      expect(banding.k).toBe(10);
      expect(banding.ranked.some((row) => row.force === 'dorset')).toBe(false);
    }
  });
});
