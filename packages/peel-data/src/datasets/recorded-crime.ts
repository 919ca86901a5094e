/**
 * Police recorded crime by series (force, BTP, national fraud body) × offence group × 12 months ending.
 */
import { recordedCrimeData } from '../generated/recorded-crime.ts';
import { missing, type Missing } from '../types/missing.ts';
import { OFFENCE_GROUPS, type OffenceGroupId, type RecordedCrimeDataset } from '../types/recorded-crime.ts';

/**
 * Rolling 12-month recorded crime counts, 12 months ending 31 March 2003 to 31 December 2018
 * (annual to March 2007, then quarterly), for the 43 forces, `btp`, and `action-fraud`, `cifas`, `uk-finance`.
 * @example recordedCrime.periods.includes('2016-06-30') // true
 */
export const recordedCrime: RecordedCrimeDataset = recordedCrimeData;

const periodIndexes = new WeakMap<RecordedCrimeDataset, Map<string, number>>();
const groupIds = new Set<string>(OFFENCE_GROUPS.map((group) => group.id));

/**
 * The count of one offence group for one series in the 12 months ending `periodEnd` (ISO date),
 * or a Missing marker saying why there is none. Throws for an unknown series, offence group or a
 * malformed date (programmer errors).
 * @example recordedCrimeCount(recordedCrime, 'durham', 'sexual-offences', '2016-06-30') // a count
 * @example recordedCrimeCount(recordedCrime, 'durham', 'residential-burglary', '2016-06-30') // { missing: 'z', … }
 */
export function recordedCrimeCount(
  dataset: RecordedCrimeDataset,
  seriesSlug: string,
  offenceGroupId: OffenceGroupId | (string & {}),
  periodEnd: string,
): number | Missing {
  const series = dataset.series[seriesSlug];
  if (!series) {
    throw new TypeError(
      `recordedCrimeCount: unknown series ${JSON.stringify(seriesSlug)}; expected a force slug, "btp" or a fraud ` +
        `body (${Object.keys(dataset.series).slice(-3).join(', ')}), e.g. recordedCrimeCount(recordedCrime, ` +
        `'durham', 'robbery', '2016-06-30')`,
    );
  }
  if (!groupIds.has(offenceGroupId)) {
    throw new TypeError(
      `recordedCrimeCount: unknown offence group ${JSON.stringify(offenceGroupId)}; expected one of OFFENCE_GROUPS ` +
        `ids, e.g. 'violence-with-injury'`,
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(periodEnd)) {
    throw new TypeError(
      `recordedCrimeCount: periodEnd must be an ISO date such as '2016-06-30', received ${JSON.stringify(periodEnd)}`,
    );
  }
  let indexes = periodIndexes.get(dataset);
  if (!indexes) {
    indexes = new Map(dataset.periods.map((period, index) => [period, index]));
    periodIndexes.set(dataset, indexes);
  }
  const index = indexes.get(periodEnd);
  if (index === undefined) {
    return missing(
      'x',
      `no 12-month count ends on ${periodEnd}: the dataset has ${dataset.periods[0]} to ${dataset.periods.at(-1)} ` +
        `(annual to 2007, then quarter ends)`,
    );
  }
  const counts = series[offenceGroupId as OffenceGroupId];
  if (!counts) return missing('z', `${seriesSlug} has no ${offenceGroupId} series in the recorded-crime source`);
  return counts[index]!;
}
