/**
 * peel-data APIs that exist in its sources but are not yet exported from its index (outcomes, police.uk).
 * Read through the module namespace so this package links whether or not they are exported yet.
 * TODO(peel-data): import these by name once `peel-data` exports them from src/index.ts.
 */
import * as peelData from 'peel-data';
import { isMissing, missing, type NumberOrMissing } from 'peel-data';

/** The outcomes dataset as peel-data defines it (structural copy of the fields used here). */
export interface OutcomesDatasetLike {
  source: string;
  file: string;
  period: { type: 'financial-year'; startYear: number; quarter?: number };
  quarters: readonly number[];
  forces: readonly string[];
  outcomeTypes: readonly { type: number; description: string; homeOfficeGroup: string }[];
}

/** A Figure 4 row or group of the outcome framework. */
export interface OutcomePresentationGroupLike {
  id: string;
  label: string;
  kind: 'row' | 'group';
  outcomeTypes: readonly number[];
}

/** The query of peel-data's outcomeCount. */
export interface OutcomeQueryLike {
  force: string;
  measure: 'offences-recorded-in-quarter' | 'outcomes-recorded-in-quarter';
  outcomeType?: number | readonly number[];
  quarter?: number;
  offenceGroup?: string;
  offenceCode?: string;
}

const api = peelData as unknown as Record<string, unknown>;

function required<T>(name: string): T {
  const value = api[name];
  if (value === undefined) throw new Error(`peel-data does not export ${name}; this peel-metrics needs a peel-data that does`);
  return value as T;
}

/**
 * peel-data's outcomeCount.
 * @example outcomeCountOf(outcomes, { force: 'durham', measure: 'offences-recorded-in-quarter' }) // 61150
 */
export function outcomeCountOf(dataset: OutcomesDatasetLike, query: OutcomeQueryLike): NumberOrMissing {
  return required<(d: OutcomesDatasetLike, q: OutcomeQueryLike) => NumberOrMissing>('outcomeCount')(dataset, query);
}

/**
 * peel-data's OUTCOME_PRESENTATION_GROUPS (Figure 4 rows and groups).
 * @example outcomePresentationGroups()[0]?.id // 'charged-summonsed'
 */
export function outcomePresentationGroups(): readonly OutcomePresentationGroupLike[] {
  return required<readonly OutcomePresentationGroupLike[]>('OUTCOME_PRESENTATION_GROUPS');
}

/** The data.police.uk aggregates as peel-data defines them (fields used here). */
export interface PoliceUkAggregatesLike {
  source: string;
  years: readonly number[];
  forces: readonly string[];
  /** [force][year] */
  asbIncidents: readonly NumberOrMissing[];
}

/**
 * ASB incidents of a force in a calendar year, or Missing when the year or force is not covered.
 * @example asbIncidentsOf(policeUk, 'durham', 2015) // 26290
 */
export function asbIncidentsOf(dataset: PoliceUkAggregatesLike, force: string, year: number): NumberOrMissing {
  const f = dataset.forces.indexOf(force);
  const y = dataset.years.indexOf(year);
  if (f < 0) return missing('x', `the data.police.uk aggregates have no rows for ${force}`);
  if (y < 0) return missing('x', `the data.police.uk aggregates cover ${dataset.years[0]}–${dataset.years.at(-1)}, not ${year}`);
  const value = dataset.asbIncidents[f * dataset.years.length + y];
  return value === undefined ? missing('x', 'no count') : isMissing(value) ? value : value;
}

/**
 * The bundled datasets peel-data holds under either name (the contract name first).
 * @example bundledDataset(['outcomes', 'hoOutcomes201718'])
 */
export function bundledDataset(names: readonly string[]): unknown {
  for (const name of names) if (api[name] !== undefined) return api[name];
  return undefined;
}
