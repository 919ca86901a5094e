/**
 * Options shared by every dataset-reading function: the edition and the data release to read.
 */
import type { MetricsRelease } from '../data/release.ts';
import { REPORT_EDITIONS, type ReportEdition } from './types.ts';

/** Options every data-reading function accepts. */
export interface ReleaseOptions {
  /** The datasets to read (a peel-data `PeelRelease`): the bundled release by default, or one a user imported with `peel-data import`. */
  release?: MetricsRelease;
}

/** Options of functions that build a report edition. */
export interface EditionOptions extends ReleaseOptions {
  edition?: ReportEdition;
}

/**
 * Checks an edition name, throwing with the valid names when it is unknown.
 * @example assertEdition('peel-2016-effectiveness') // 'peel-2016-effectiveness'
 */
export function assertEdition(edition: string | undefined): ReportEdition {
  const value = edition ?? 'peel-2016-effectiveness';
  if (!(REPORT_EDITIONS as readonly string[]).includes(value)) {
    throw new RangeError(
      `Unknown report edition ${JSON.stringify(value)}; valid editions: ${REPORT_EDITIONS.join(', ')}; e.g. { edition: 'peel-2016-effectiveness' }`,
    );
  }
  return value as ReportEdition;
}
