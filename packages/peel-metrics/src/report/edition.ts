/**
 * Options shared by every dataset-reading function: the edition and the data release to read.
 */
import type { ReleaseOptions } from '../data/release.ts';
import type { RegistryOptions } from '../registry/registry.ts';
import { REPORT_EDITIONS, type ReportEdition } from '../model/types.ts';

export type { ReleaseOptions };

/** Options of functions that build a report edition. */
export interface EditionOptions extends ReleaseOptions, RegistryOptions {
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
      `Unknown report edition ${JSON.stringify(value)}; valid editions: ${REPORT_EDITIONS.join(', ')}; ` +
        "e.g. { edition: 'peel-2016-effectiveness' }",
    );
  }
  return value as ReportEdition;
}
