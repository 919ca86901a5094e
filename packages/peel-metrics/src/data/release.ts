/**
 * The datasets the metrics read, as fields of a release (peel-data's `PeelRelease` has them under the same
 * names). Every function takes a release in its options and reads the bundled one by default, so the
 * same code runs on data a user imported with `peel-data import`.
 */
import {
  bundledRelease,
  findForce,
  forces,
  territorialForces as bundledTerritorialForces,
  type DurhamPublished,
  type Force,
  type HouseholdsDataset,
  type Judgment,
  type NumberOrMissing,
  type OutcomesDataset,
  type PoliceUkAggregatesDataset,
  type PopulationDataset,
  type PublishedValue,
  type RecordedCrimeDataset,
  type Source,
} from 'peel-data';

/**
 * What the metrics read from a release: peel-data's `PeelRelease` satisfies it. The datasets beyond population and
 * recorded crime are optional, so a partial import still builds (their values become Missing with a reason).
 */
export interface MetricsRelease {
  version?: string;
  forces?: readonly Force[];
  population: PopulationDataset;
  households?: HouseholdsDataset;
  recordedCrime: RecordedCrimeDataset;
  outcomes?: OutcomesDataset;
  policeUk?: PoliceUkAggregatesDataset;
  judgments?: readonly Judgment[];
  durhamPublished?: DurhamPublished;
  sources?: readonly Source[];
}

/**
 * The release to read: the one given, or peel-data's bundled release.
 * @example resolveRelease().recordedCrime.periods.at(-1) // '2018-12-31'
 */
export function resolveRelease(release?: MetricsRelease): MetricsRelease {
  return release ?? bundledRelease;
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
  return {
    missing: 'x',
    reason: `the report prints ${what} only as a range (${value.value.min} to ${value.value.max})`,
  };
}

/**
 * A published figure of the release's Durham report by id.
 * @example publishedFigure(resolveRelease(), 'right_to_ask_count')?.durham.value // 71
 */
export function publishedFigure(release: MetricsRelease, id: string): DurhamPublished['figures'][number] | undefined {
  return release.durhamPublished?.figures.find((figure) => figure.id === id);
}

/** Options every data-reading function accepts. */
export interface ReleaseOptions {
  /**
   * The datasets to read (a peel-data `PeelRelease`): the bundled release by default, or one a user imported with
   * `peel-data import`.
   */
  release?: MetricsRelease;
}

/**
 * The territorial force an identifier names (slug, ONS code, name or short name, any case: peel-data's findForce, on
 * the release's forces table and then the bundled one), or throws with valid examples.
 * @example resolveTerritorialForce('E23000008', resolveRelease()).slug // 'durham'
 * @example resolveTerritorialForce('Cumbria Constabulary', resolveRelease()).slug // 'cumbria'
 */
export function resolveTerritorialForce(identifier: string, release: MetricsRelease): Force {
  const force = (release.forces ? findForce(release.forces, identifier) : undefined) ?? findForce(forces, identifier);
  if (!force || force.kind !== 'territorial') {
    throw new RangeError(
      `Unknown territorial force ${JSON.stringify(identifier)}: expected the slug, ONS code, name or short name of ` +
        "one of the 43 territorial forces, e.g. 'durham', 'E23000008', 'Durham Constabulary' or 'Durham'" +
        (force ? ` (${force.name} is not a territorial force)` : ''),
    );
  }
  return force;
}
