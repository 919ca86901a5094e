/**
 * The datasets the metrics read, as fields of a release (peel-data's `PeelRelease` has them under the same
 * names). Every function takes a release in its options and reads the bundled one by default, so the
 * same code runs on data a user imported with `peel-data import`.
 */
import {
  households as bundledHouseholds,
  population as bundledPopulation,
  recordedCrime as bundledRecordedCrime,
  territorialForces as bundledTerritorialForces,
  type DurhamPublished,
  type Force,
  type PublishedValue,
  type HouseholdsDataset,
  type NumberOrMissing,
  type PopulationDataset,
  type RecordedCrimeDataset,
} from 'peel-data';
import * as peelData from 'peel-data';
import { bundledDataset } from './peel-data-next.ts';

/** What the metrics read from a release. Optional datasets give Missing values with a reason when absent. */
export interface MetricsRelease {
  version?: string;
  forces?: readonly Force[];
  population: PopulationDataset;
  households?: HouseholdsDataset;
  recordedCrime: RecordedCrimeDataset;
  // The types below are structural so the code works with the dataset shapes as peel-data publishes them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  outcomes?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  policeUk?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  judgments?: any;
  durhamPublished?: DurhamPublished;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  metricCatalogue?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sources?: any;
}

let bundled: MetricsRelease | undefined;

/**
 * The release to read: the one given, or peel-data's bundled release.
 * @example resolveRelease().recordedCrime.periods.at(-1) // '2018-12-31'
 */
export function resolveRelease(release?: MetricsRelease): MetricsRelease {
  if (release) return release;
  // Prefer peel-data's own bundled release object when it exports one; otherwise assemble the datasets it exports.
  const exported = (peelData as Record<string, unknown>)['bundledRelease'] as MetricsRelease | undefined;
  bundled ??= exported ?? {
    forces: peelData.forces,
    population: bundledPopulation,
    households: bundledHouseholds,
    recordedCrime: bundledRecordedCrime,
    outcomes: bundledDataset(['outcomes', 'hoOutcomes201718']),
    policeUk: bundledDataset(['policeUk', 'policeUkAggregates20122016', 'policeUkAggregates']),
    ...pick(['judgments', 'durhamPublished', 'metricCatalogue', 'sources']),
  };
  return bundled;
}

function pick(names: readonly string[]): Record<string, unknown> {
  const all = peelData as Record<string, unknown>;
  return Object.fromEntries(names.flatMap((name) => (all[name] === undefined ? [] : [[name, all[name]]])));
}

/**
 * The 43 territorial forces of a release (its `forces` table, or peel-data's).
 * @example territorialForcesOf(resolveRelease()).length // 43
 */
export function territorialForcesOf(release: MetricsRelease): readonly Force[] {
  return release.forces ? release.forces.filter((force) => force.kind === 'territorial') : bundledTerritorialForces;
}

/**
 * A printed value as a number, or Missing when the report printed none (or printed a range).
 * @example publishedNumber({ value: 6.7, printed: '6.7' }, 'a value') // 6.7
 */
export function publishedNumber(value: PublishedValue | undefined, what: string): NumberOrMissing {
  if (!value) return { missing: 'x', reason: `the report does not print ${what}` };
  if (typeof value.value === 'number') return value.value;
  if ('missing' in value.value) return value.value;
  return { missing: 'x', reason: `the report prints ${what} only as a range (${value.value.min} to ${value.value.max})` };
}

/**
 * A published figure of the release's Durham report by id.
 * @example publishedFigure(resolveRelease(), 'right_to_ask_count')?.durham.value // 71
 */
export function publishedFigure(release: MetricsRelease, id: string): DurhamPublished['figures'][number] | undefined {
  return release.durhamPublished?.figures.find((figure) => figure.id === id);
}
