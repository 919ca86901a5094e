/**
 * A whole data release: every dataset, as bundled in this package or as a user imported it. Functions in
 * peel-data and peel-metrics take datasets as their first argument, so either kind works the same way.
 */
import packageJson from '../package.json' with { type: 'json' };
import { hoOutcomes201718 } from './generated/outcomes.ts';
import { policeUkAggregates20122016 } from './generated/police-uk.ts';
import { durhamPublished } from './datasets/durham-published.ts';
import { forces } from './datasets/forces.ts';
import { judgments } from './datasets/judgments.ts';
import type { OutcomesDataset } from './datasets/outcomes.ts';
import type { PoliceUkAggregatesDataset } from './datasets/police-uk.ts';
import { households, population } from './datasets/population.ts';
import { recordedCrime } from './datasets/recorded-crime.ts';
import { sources } from './datasets/sources.ts';
import type { Force } from './types/force.ts';
import type { Judgment } from './types/judgment.ts';
import type { HouseholdsDataset, PopulationDataset } from './types/population.ts';
import type { Source } from './types/provenance.ts';
import type { DurhamPublished } from './types/published.ts';
import type { RecordedCrimeDataset } from './types/recorded-crime.ts';

/** Every dataset of a release, by name. */
export interface PeelRelease {
  /** The peel-data package version the release came with. */
  version: string;
  forces: readonly Force[];
  population: PopulationDataset;
  households: HouseholdsDataset;
  recordedCrime: RecordedCrimeDataset;
  outcomes: OutcomesDataset;
  policeUk: PoliceUkAggregatesDataset;
  judgments: readonly Judgment[];
  durhamPublished: DurhamPublished;
  sources: readonly Source[];
}

/**
 * The release bundled in this package. Importing it loads every dataset; import single datasets when
 * you need only some.
 * @example bundledRelease.recordedCrime.periods.at(-1) // '2018-12-31'
 */
export const bundledRelease: PeelRelease = {
  version: packageJson.version,
  forces,
  population,
  households,
  recordedCrime,
  outcomes: hoOutcomes201718,
  policeUk: policeUkAggregates20122016,
  judgments,
  durhamPublished,
  sources,
};
