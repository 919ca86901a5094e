import { GRADES, JUDGMENT_YEARS, judgmentOf, judgments, territorialForces } from 'peel-data';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeOrder, nationalHref, sortColumns, sortRows, SORT_KEYS, type NationalRow } from './national.ts';

// Rows built straight from peel-data's judgments (movements left empty: sorting never reads them).
const rows: NationalRow[] = territorialForces.map((force) => ({
  slug: force.slug,
  name: force.name,
  code: typeof force.code === 'string' ? force.code : '',
  grades: JUDGMENT_YEARS.map((year) => ({ year, grade: judgmentOf(judgments, force.slug, year, 'overall')!.grade })),
  movements: [],
}));

const gradeIn = (row: NationalRow, year: number) => row.grades.find((entry) => entry.year === year)!.grade;

describe('sortRows on the real 2015–2017 overall judgments', () => {
  it.each(JUDGMENT_YEARS)('grade-%i puts grades best first and unknown grades last', (year) => {
    const sorted = sortRows(rows, `grade-${year}`);
    const orders = sorted.map((row) => gradeOrder(gradeIn(row, year)));
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it.each(JUDGMENT_YEARS)('grade-%i-desc puts grades worst first and still keeps unknown grades last', (year) => {
    const sorted = sortRows(rows, `grade-${year}-desc`);
    const known = sorted.map((row) => gradeOrder(gradeIn(row, year))).filter(Number.isFinite);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    const firstUnknown = sorted.findIndex((row) => !Number.isFinite(gradeOrder(gradeIn(row, year))));
    if (firstUnknown !== -1)
      expect(sorted.slice(firstUnknown).every((row) => !Number.isFinite(gradeOrder(gradeIn(row, year))))).toBe(true);
  });

  it('puts the only outstanding force of 2016 first', () => {
    const outstanding = rows.filter((row) => gradeIn(row, 2016) === 'outstanding').map((row) => row.slug);
    expect(
      sortRows(rows, 'grade-2016')
        .slice(0, outstanding.length)
        .map((row) => row.slug),
    ).toEqual(outstanding);
  });

  it('sorts by name A to Z and back', () => {
    const names = sortRows(rows, 'name').map((row) => row.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(sortRows(rows, 'name-desc').map((row) => row.name)).toEqual([...names].reverse());
  });

  it('keeps all 43 forces whatever the order (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SORT_KEYS), (sort) => {
        expect(new Set(sortRows(rows, sort).map((row) => row.slug))).toEqual(new Set(rows.map((row) => row.slug)));
      }),
    );
  });
});

describe('gradeOrder', () => {
  it('follows peel-data GRADES, best first', () => {
    expect(GRADES.map(gradeOrder)).toEqual([0, 1, 2, 3]);
    expect(gradeOrder({ missing: 'x', reason: 'not found' })).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('sortColumns', () => {
  it('marks the sorted column and links it to the reverse order', () => {
    const columns = sortColumns(2016, 'grade-2016');
    const sorted = columns.filter((column) => column.ariaSort);
    expect(sorted).toHaveLength(1);
    expect(sorted[0]).toMatchObject({ label: '2016', ariaSort: 'ascending', href: '/national/2016/grade-2016-desc' });
    expect(columns.find((column) => column.label === 'Force')?.href).toBe('/');
  });

  it('links the default order of 2016 to the home page', () => {
    expect(nationalHref(2016, 'name')).toBe('/');
    expect(nationalHref(2015, 'name')).toBe('/national/2015');
  });
});
