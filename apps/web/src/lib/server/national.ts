/**
 * The national picture: each force's overall effectiveness grade for 2015, 2016 and 2017 (peel-data
 * judgments), how it moved (peel-metrics gradeHistory), a grades map for one year, and the table sorted
 * by a column. Sorting is for display; no grade is derived here.
 */
import type { ExtendedFeatureCollection } from 'd3-geo';
import {
  GRADES,
  JUDGMENT_YEARS,
  judgmentOf,
  judgments,
  territorialForces,
  type Judgment,
  type JudgmentYear,
  type Missing,
} from 'peel-data';
import { gradeHistory, type GradeHistory } from 'peel-metrics';
import { projectBoundaries } from '$lib/charts/map.ts';
import { nationalHref, SORT_KEYS, type SortKey } from '$lib/national.ts';

export { MOVEMENT_LABEL, nationalHref, SORT_KEYS, type SortKey } from '$lib/national.ts';

export type GradeValue = Judgment['grade'];

export interface NationalRow {
  slug: string;
  name: string;
  code: string;
  grades: { year: JudgmentYear; grade: GradeValue; sourceUrl?: string | undefined }[];
  movements: GradeHistory['movements'];
}

export interface MapArea {
  slug: string;
  name: string;
  code: string;
  d: string;
  grade: GradeValue;
}

export interface SortColumn {
  label: string;
  /** Where clicking the header goes: the same year's page sorted by this column (reversed if already so). */
  href: string;
  ariaSort: 'ascending' | 'descending' | undefined;
}

/**
 * The grade's position in peel-data's GRADES (best first); unknown grades sort last in either direction.
 * @example gradeOrder('good') // 1
 */
export function gradeOrder(grade: GradeValue): number {
  return typeof grade === 'string' ? (GRADES as readonly string[]).indexOf(grade) : Number.POSITIVE_INFINITY;
}

/**
 * @example isSortKey('grade-2016-desc') // true
 */
export function isSortKey(value: string): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value);
}

/**
 * @example isJudgmentYear(2016) // true
 */
export function isJudgmentYear(value: number): value is JudgmentYear {
  return (JUDGMENT_YEARS as readonly number[]).includes(value);
}

/**
 * Rows in the requested order (stable: ties keep ONS code order).
 * @example sortRows(rows, 'grade-2016')[0].grades[1].grade // 'outstanding'
 */
export function sortRows(rows: readonly NationalRow[], sort: SortKey): NationalRow[] {
  const sign = sort.endsWith('-desc') ? -1 : 1;
  const key = sort.replace(/-desc$/, '');
  const unknown: GradeValue = { missing: 'x', reason: 'no grade' };
  const gradeIn = (row: NationalRow) =>
    gradeOrder(row.grades.find((entry) => `grade-${entry.year}` === key)?.grade ?? unknown);
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * a.name.localeCompare(b.name, 'en-GB');
    const orderA = gradeIn(a);
    const orderB = gradeIn(b);
    // Unknown grades stay at the bottom whichever way the known ones run.
    if (orderA === Number.POSITIVE_INFINITY || orderB === Number.POSITIVE_INFINITY)
      return orderA === orderB ? 0 : orderA === Number.POSITIVE_INFINITY ? 1 : -1;
    return sign * (orderA - orderB);
  });
}

let cachedRows: NationalRow[] | undefined;

/**
 * One row per territorial force (ONS code order) with its overall grades and movements.
 * @example nationalRows().length // 43
 */
export function nationalRows(): NationalRow[] {
  cachedRows ??= territorialForces.map((force) => {
    const code = typeof force.code === 'string' ? force.code : '';
    return {
      slug: force.slug,
      name: force.name,
      code,
      grades: JUDGMENT_YEARS.map((year) => {
        const judgment = judgmentOf(judgments, force.slug, year, 'overall');
        const grade: GradeValue =
          judgment?.grade ??
          ({ missing: 'x', reason: `no ${year} overall judgment for ${force.name} in peel-data` } satisfies Missing);
        return { year, grade, sourceUrl: judgment?.source?.url };
      }),
      movements: gradeHistory(force.slug).movements,
    };
  });
  return cachedRows;
}

/**
 * The map for one year: each force area's SVG path and its grade.
 * @example mapAreas(boundaries, 2016).length // 43
 */
export function mapAreas(
  boundaries: ExtendedFeatureCollection,
  year: JudgmentYear,
  codeOf: (feature: ExtendedFeatureCollection['features'][number]) => string,
): MapArea[] {
  const byCode = new Map(nationalRows().map((row) => [row.code, row]));
  return projectBoundaries(boundaries, { width: 400, height: 480, codeOf }).map((area) => {
    const row = byCode.get(area.code);
    if (!row) throw new Error(`mapAreas: boundary ${area.code} matches no territorial force in peel-data`);
    const grade = row.grades.find((entry) => entry.year === year)?.grade ?? {
      missing: 'x',
      reason: `no ${year} grade`,
    };
    return { slug: row.slug, name: row.name, code: area.code, d: area.d, grade };
  });
}

/**
 * Header links that sort the table: clicking the sorted column again reverses it.
 */
export function sortColumns(year: JudgmentYear, sort: SortKey): SortColumn[] {
  const column = (label: string, key: string): SortColumn => {
    const ascending = key as SortKey;
    const descending = `${key}-desc` as SortKey;
    const ariaSort = sort === ascending ? 'ascending' : sort === descending ? 'descending' : undefined;
    return { label, href: nationalHref(year, sort === ascending ? descending : ascending), ariaSort };
  };
  return [
    column('Force', 'name'),
    ...JUDGMENT_YEARS.map((columnYear) => column(String(columnYear), `grade-${columnYear}`)),
  ];
}
