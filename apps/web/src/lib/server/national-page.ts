/**
 * Loads one national page (a year of the map and a table order) for /, /national/[year] and
 * /national/[year]/[sort].
 */
import { error } from '@sveltejs/kit';
import { forceBoundaries } from 'peel-data/boundaries';
import {
  isJudgmentYear,
  isSortKey,
  mapAreas,
  nationalRows,
  sortColumns,
  sortRows,
  SORT_KEYS,
  type SortKey,
} from './national.ts';
import type { JudgmentYear } from 'peel-data';

/**
 * @example loadNational('2015', 'grade-2015').rows.length // 43
 */
export function loadNational(yearParam: string, sortParam: string) {
  const year = Number(yearParam);
  if (!isJudgmentYear(year)) error(404, `No national page for year "${yearParam}": the years are 2015, 2016 and 2017.`);
  if (!isSortKey(sortParam)) error(404, `No table order "${sortParam}": the orders are ${SORT_KEYS.join(', ')}.`);
  const sort: SortKey = sortParam;
  return {
    year: year as JudgmentYear,
    sort,
    rows: sortRows(nationalRows(), sort),
    areas: mapAreas(forceBoundaries, year, (feature) => String(feature.id)),
    columns: sortColumns(year, sort),
  };
}
