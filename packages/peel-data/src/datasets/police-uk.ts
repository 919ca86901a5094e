/**
 * data.police.uk counts: anti-social behaviour (ASB) incidents, crimes by police.uk crime type, and crimes
 * by police.uk "last outcome category", per force.
 *
 * Two datasets share these labels:
 * - `PoliceUkAggregatesDataset`: calendar years, from the BBC Shared Data Unit's aggregate of the
 *   data.police.uk archive 2012–2016 (bundled as `policeUkAggregates20122016` in src/generated/police-uk.ts).
 * - `PoliceUkStreetCountsDataset`: months, counted from data.police.uk monthly street-level CSV files by
 *   `peel-data import --format police-uk-street`.
 *
 * police.uk labels are not Home Office categories: its crime types are not recorded-crime offence groups,
 * and its last outcome categories are not the Home Office outcome types 0–21 (spec §b.4). Do not join them.
 * British Transport Police is its own series (slug `btp`). Police Service of Northern Ireland rows are
 * skipped on import (outside England and Wales) and counted in the import report.
 *
 * Missing versus zero: both sources count records, so a force and period that are in the data but have no
 * record of a type are a true 0. A force with no rows at all for a period, or a crime-type label police.uk
 * did not use in that year (for example "Violent crime" after 2013), is a Missing marker, never 0.
 */
import { type NumberOrMissing, isMissing, missing } from '../types/missing.ts';
import type { PoliceUkAggregatesDataset, PoliceUkStreetCountsDataset } from '../types/police-uk.ts';

/**
 * The police.uk crime type of anti-social behaviour incidents.
 * @example policeUkAggregates20122016.crimeTypes.includes(ASB_CRIME_TYPE) // false: ASB is counted separately
 */
export const ASB_CRIME_TYPE = 'Anti-social behaviour';
/**
 * Label used for a record with no last outcome (ASB incidents never have one; crimes may lack one),
 * as in the BBC `outcomes_by_force.csv` column of the same name.
 * @example policeUkAggregates20122016.outcomeCategories.at(-1) // '(blank)'
 */
export const NO_OUTCOME_LABEL = '(blank)';

export type { PoliceUkAggregatesDataset, PoliceUkStreetCountsDataset } from '../types/police-uk.ts';

/** What a police.uk import skipped (e.g. Northern Ireland rows), and why. */
export interface PoliceUkImportReport {
  file: string;
  rowsRead: number;
  rowsUsed: number;
  skipped: { rows: number; firstRow: number; reason: string }[];
  blankLines: number;
}

/**
 * ASB incidents recorded on police.uk for a force and calendar year.
 * @example asbIncidents(policeUkAggregates20122016, { force: 'durham', year: 2015 }) // 26290
 */
export function asbIncidents(
  dataset: PoliceUkAggregatesDataset,
  query: { force: string; year: number },
): NumberOrMissing {
  const force = axisIndex(dataset.forces, query.force, 'force', "'durham'");
  const year = axisIndex(dataset.years, query.year, 'year', '2015');
  return dataset.asbIncidents[force * dataset.years.length + year]!;
}

/**
 * Crimes (not ASB) on police.uk for a force and year, for one crime type or one last outcome category, or all.
 * @example
 * policeUkCrimes(policeUkAggregates20122016, { force: 'durham', year: 2015, crimeType: 'Burglary' })
 * // a number
 * @example
 * policeUkCrimes(policeUkAggregates20122016, { force: 'durham', year: 2012, crimeType: 'Bicycle theft' })
 * // Missing: label not used in 2012
 */
export function policeUkCrimes(
  dataset: PoliceUkAggregatesDataset,
  query: { force: string; year: number; crimeType?: string; lastOutcome?: string },
): NumberOrMissing {
  if (query.crimeType !== undefined && query.lastOutcome !== undefined) {
    throw new TypeError(
      'policeUkCrimes: pass crimeType or lastOutcome, not both (the aggregate has no type × outcome cross-tab at ' +
        'year level), e.g. { crimeType: "Burglary" }',
    );
  }
  const force = axisIndex(dataset.forces, query.force, 'force', "'durham'");
  const year = axisIndex(dataset.years, query.year, 'year', '2015');
  const years = dataset.years.length;
  if (query.lastOutcome !== undefined) {
    const outcome = axisIndex(dataset.outcomeCategories, query.lastOutcome, 'lastOutcome', "'Under investigation'");
    return dataset.crimesByLastOutcome[(force * dataset.outcomeCategories.length + outcome) * years + year]!;
  }
  const types =
    query.crimeType === undefined
      ? dataset.crimeTypes.map((_, index) => index)
      : [axisIndex(dataset.crimeTypes, query.crimeType, 'crimeType', "'Burglary'")];
  let total = 0;
  let counted = 0;
  for (const type of types) {
    const value = dataset.crimesByType[(force * dataset.crimeTypes.length + type) * years + year]!;
    if (isMissing(value)) {
      // A label not used that year adds nothing to "all crime types"; any other gap makes the total unknown.
      if (query.crimeType === undefined && value.missing === 'z') continue;
      return value;
    }
    total += value;
    counted += 1;
  }
  return counted === 0 ? missing('x', 'No crime type has a count for this force and year') : total;
}

/**
 * Street-level records for a force in a month (all months covered when omitted), optionally one crime type
 * and/or last outcome. Missing when the imported files do not cover that force and month.
 * @example streetCount(dataset, { force: 'durham', month: '2016-06', crimeType: 'Anti-social behaviour' }) // e.g. 5
 */
export function streetCount(
  dataset: PoliceUkStreetCountsDataset,
  query: { force: string; month?: string; crimeType?: string; lastOutcome?: string },
): NumberOrMissing {
  const months =
    query.month === undefined
      ? dataset.coverage.filter((entry) => entry.force === query.force).map((entry) => entry.month)
      : [query.month];
  if (
    months.length === 0 ||
    months.some((month) => !dataset.coverage.some((entry) => entry.force === query.force && entry.month === month))
  ) {
    return missing(
      'x',
      `The imported street files do not cover ${query.force}${query.month ? ` in ${query.month}` : ''}`,
    );
  }
  const force = dataset.forces.indexOf(query.force);
  const monthIndexes = new Set(months.map((month) => dataset.months.indexOf(month)));
  const type = query.crimeType === undefined ? -1 : dataset.crimeTypes.indexOf(query.crimeType);
  const outcome = query.lastOutcome === undefined ? -1 : dataset.outcomeCategories.indexOf(query.lastOutcome);
  // A label absent from the files is a true zero: every record of the covered months was counted.
  if ((query.crimeType !== undefined && type < 0) || (query.lastOutcome !== undefined && outcome < 0)) return 0;
  let total = 0;
  for (const [f, m, t, o, count] of dataset.cells) {
    if (f === force && monthIndexes.has(m) && (type < 0 || t === type) && (outcome < 0 || o === outcome))
      total += count;
  }
  return total;
}

function axisIndex<T extends string | number>(axis: readonly T[], value: T, name: string, example: string): number {
  const index = axis.indexOf(value);
  if (index < 0) {
    throw new TypeError(
      `unknown ${name} ${JSON.stringify(value)}; expected one of ` +
        `${axis.slice(0, 10).join(', ')}${axis.length > 10 ? ', …' : ''} (e.g. ${name}: ${example})`,
    );
  }
  return index;
}
