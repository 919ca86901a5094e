/**
 * Names and links of the national pages, shared by the server load and the page components (no data here).
 */
import { JUDGMENT_YEARS, type JudgmentYear } from 'peel-data';
import type { GradeHistory } from 'peel-metrics';

/** Table sort orders, each a prerendered page: by name, or by a year's grade (best first); `-desc` reverses. */
export const SORT_KEYS = [
  'name',
  'name-desc',
  ...JUDGMENT_YEARS.flatMap((year) => [`grade-${year}`, `grade-${year}-desc`]),
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const MOVEMENT_LABEL: Record<GradeHistory['movements'][number]['movement'], string> = {
  up: 'improved',
  down: 'declined',
  same: 'no change',
  unknown: 'not known',
};

/**
 * Path of a national page: `/` is 2016 by name.
 * @example nationalHref(2015, 'grade-2015') // '/national/2015/grade-2015'
 */
export function nationalHref(year: JudgmentYear, sort: SortKey): string {
  if (year === 2016 && sort === 'name') return '/';
  return sort === 'name' ? `/national/${year}` : `/national/${year}/${sort}`;
}
