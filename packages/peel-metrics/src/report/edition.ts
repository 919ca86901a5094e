/**
 * Options shared by every dataset-reading function: the edition and the data release to read.
 */
import { REPORT_EDITIONS, type ReportEdition } from './types.ts';

// TODO(peel-data): use peel-data's PeelRelease once it is exported; until then any release object is accepted.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PeelReleaseLike = any;

/** Options every data-reading function accepts. */
export interface ReleaseOptions {
  /** The datasets to read: the bundled release by default, or one a user imported with `peel-data import`. */
  release?: PeelReleaseLike;
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
    throw new RangeError(`Unknown report edition ${JSON.stringify(value)}; valid editions: ${REPORT_EDITIONS.join(', ')}; e.g. { edition: 'peel-2016-effectiveness' }`);
  }
  return value as ReportEdition;
}
