/**
 * Importer for the "recorded crime data at police force area level" table (`12 months ending, PFA, Region,
 * Offence, Rolling year total number of offences`), producing a dataset of data-core's
 * RecordedCrimeDataset shape (src/schema/recorded-crime.ts), so loadRelease can serve it in place of the
 * bundled one.
 *
 * Checks, each an error naming file, row and column: dates `dd-mm-yyyy` or `dd/mm/yyyy` that are quarter
 * ends; force names (recorded-crime spellings, or a national fraud body); offence labels from OFFENCE_GROUPS;
 * whole-number counts (a leading minus is allowed: upstream adjustments, kept and noted as data-core does);
 * no repeated (period, force, offence).
 * One known upstream typo is corrected as data-core's generator does: `30-12-2017` is 2017-12-31 (an error if
 * the file also has 31-12-2017).
 *
 * Two changes of classification are applied to every file, as to the bundled one, so a published 0 that means
 * "not recorded this way then" is never read as no crime (see {@link RECLASSIFICATION_MISSING}):
 * - Burglary was reclassified in April 2017 (Home Office Counting Rules). Residential / Non-residential
 *   burglary in any 12 months ending before June 2017 are Missing `z` (a non-zero count there is an error);
 *   Domestic / Non-domestic burglary at 0 from the 12 months ending March 2018 (the first wholly after the
 *   change) are Missing `z`, while offences still recorded under them are kept. The three periods in between
 *   hold part of a year in each group: a `partial-year` note each.
 * - Force `Fraud offences` stop when fraud moved to Action Fraud: a force's fraud gap after the last period
 *   in which any territorial force has a fraud count is Missing `z`.
 * Any other count the file does not have is Missing `x` ("not in the imported file").
 */
import { missing } from '../types/missing.ts';
import type { SourceId } from '../types/provenance.ts';
import {
  FRAUD_BODIES,
  OFFENCE_GROUPS,
  type OffenceGroupId,
  type RecordedCrimeDataset,
  RecordedCrimeDatasetSchema,
  type RecordedCrimeNote,
} from '../schema/recorded-crime.ts';
import { forces, territorialForces } from '../datasets/forces.ts';
import { ImportError, showValue } from './errors.ts';
import { forceNameResolver } from './force-names.ts';
import { validated } from './shared.ts';
import { readTableRows } from './table.ts';

const COLUMNS = [
  { key: 'period', header: '12 months ending', meaning: 'the end date of the 12 months, e.g. "30-06-2016"' },
  { key: 'force', header: 'PFA', meaning: 'the police force area, e.g. "Durham", or a national fraud body' },
  { key: 'offence', header: 'Offence', meaning: 'the offence group, e.g. "Violence with injury"' },
  { key: 'count', header: 'Rolling year total number of offences', meaning: 'the number of offences in the 12 months' },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

const KNOWN_TYPO = { published: '30-12-2017', iso: '2017-12-31' } as const;

/**
 * Missing markers for counts a change of classification makes inapplicable (the wording the bundled dataset
 * has always used; "the source" is the file read).
 * @example RECLASSIFICATION_MISSING.splitNotStarted.missing // 'z'
 */
export const RECLASSIFICATION_MISSING = {
  splitNotStarted: missing(
    'z',
    'not applicable: Residential and Non-residential burglary were recorded from April 2017; before that these ' +
      'offences are in Domestic burglary and Non-domestic burglary (the source shows 0)',
  ),
  splitReplaced: missing(
    'z',
    'not applicable: Domestic and Non-domestic burglary were replaced by Residential and Non-residential burglary ' +
      'from April 2017 (the source shows 0)',
  ),
  fraudCentralised: missing(
    'z',
    'not applicable: from 2014 fraud is recorded centrally (Action Fraud), not by police forces',
  ),
} as const;

/**
 * The April 2017 burglary split, as 12-month periods: the first that includes April 2017, the first wholly after it.
 */
const BURGLARY_SPLIT = { firstPeriod: '2017-06-30', firstFullYear: '2018-03-31' } as const;
const OLD_BURGLARY: readonly OffenceGroupId[] = ['domestic-burglary', 'non-domestic-burglary'];
const NEW_BURGLARY: readonly OffenceGroupId[] = ['residential-burglary', 'non-residential-burglary'];
const PARTIAL_YEAR_TEXT =
  'Burglary was reclassified in April 2017: in this 12-month period Domestic/Non-domestic burglary cover the months ' +
  'before April 2017 and Residential/Non-residential burglary the months after; only their sum covers the full year.';
const QUARTER_ENDS = new Set(['03-31', '06-30', '09-30', '12-31']);
/**
 * Most distinct 12-month periods a file may hold: a century of quarters (the published file has 64). Every
 * period adds a cell per series and offence group, so without a limit a file of made-up dates could need
 * gigabytes; with it the dataset stays under about 500,000 cells.
 * @example MAX_RECORDED_CRIME_PERIODS // 400
 */
export const MAX_RECORDED_CRIME_PERIODS = 400;

/** What a recorded-crime import read. */
export interface RecordedCrimeImportReport {
  file: string;
  rowsRead: number;
  blankLines: number;
  correctedDates: { published: string; readAs: string; rows: number }[];
}

/**
 * Streams a recorded-crime force table into a validated RecordedCrimeDataset; throws {@link ImportError} on bad input.
 * @example
 * const { dataset } = await importRecordedCrime(chunks, { file: 'rec-crime-pfa.csv' });
 * dataset.series.durham?.robbery
 */
export async function importRecordedCrime(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: {
    file: string;
    source?: SourceId;
    /** Chunks are UTF-8 bytes, one character per byte (readUtf8ByteChunks). */ utf8Bytes?: boolean;
  },
): Promise<{ dataset: RecordedCrimeDataset; report: RecordedCrimeImportReport }> {
  const { file } = options;
  const source = options.source ?? 'ons-rec-crime-pfa';
  const resolveForce = forceNameResolver(source, file, 'PFA');
  const groupByLabel = new Map<string, OffenceGroupId>(OFFENCE_GROUPS.map((group) => [group.label, group.id]));
  const fraudBodyByLabel = new Map<string, string>(FRAUD_BODIES.map((body) => [body.label, body.id]));
  const report: RecordedCrimeImportReport = { file, rowsRead: 0, blankLines: 0, correctedDates: [] };
  const counts = new Map<string, { count: number; row: number }>();
  const periods = new Set<string>();
  const seriesGroups = new Map<string, Set<OffenceGroupId>>();
  const notes: RecordedCrimeNote[] = [];
  let typoRows = 0;
  let realDecemberRow = 0;

  const table = readTableRows(COLUMNS, file, report, (record, { index, names }) => {
    const fail = (key: ColumnKey, expected: string, received = showValue(record.field(index[key]))): never => {
      throw new ImportError({ file, row: record.row, column: names[index[key]]!, expected, received });
    };

    const dateText = record.field(index.period).trim();
    let period: string;
    if (dateText === KNOWN_TYPO.published) {
      period = KNOWN_TYPO.iso;
      typoRows += 1;
    } else {
      const match = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(dateText);
      if (!match) return fail('period', 'a date written dd-mm-yyyy (or dd/mm/yyyy)');
      period = `${match[3]}-${match[2]}-${match[1]}`;
      if (!QUARTER_ENDS.has(period.slice(5)))
        return fail('period', 'the last day of a quarter (31 March, 30 June, 30 September or 31 December)');
      if (period === KNOWN_TYPO.iso) realDecemberRow ||= record.row;
    }

    const forceName = record.field(index.force);
    let series = fraudBodyByLabel.get(forceName.trim());
    if (series === undefined) {
      const resolved = resolveForce(forceName, record.row);
      if ('outOfScope' in resolved)
        return fail('force', 'a police force of England and Wales or a national fraud body');
      series = resolved.force.slug;
    }
    const group = groupByLabel.get(record.field(index.offence).trim());
    if (!group)
      return fail(
        'offence',
        `an offence group label such as ${showValue(OFFENCE_GROUPS[2].label)} (see OFFENCE_GROUPS)`,
      );

    const count = record.integer(index.count);
    if (Number.isNaN(count))
      return fail('count', 'a whole number of offences (digits; a leading minus marks an upstream adjustment)');
    const key = `${series}|${group}|${period}`;
    const earlier = counts.get(key);
    if (earlier)
      return fail(
        'count',
        'one row per period, force and offence',
        `a second count for ${series}, ${group}, 12 months ending ${period} (first in row ${earlier.row})`,
      );
    if (!periods.has(period) && periods.size >= MAX_RECORDED_CRIME_PERIODS)
      return fail('period', `at most ${MAX_RECORDED_CRIME_PERIODS} different periods (a century of quarters)`);
    counts.set(key, { count, row: record.row });
    periods.add(period);
    if (!seriesGroups.has(series)) seriesGroups.set(series, new Set());
    seriesGroups.get(series)!.add(group);
    if (count < 0) {
      notes.push({
        kind: 'negative-count',
        series,
        offenceGroup: group,
        periodEnd: period,
        text:
          `Published as ${count}: a negative rolling-year count is an upstream adjustment ` +
          `(offences cancelled or transferred), kept as published.`,
      });
    }
  });

  const rows = await table.read(chunks, { utf8Bytes: options.utf8Bytes });
  if (counts.size === 0)
    throw new ImportError({
      file,
      row: rows + 1,
      expected: 'at least one data row after the header',
      received: 'none',
    });
  if (typoRows > 0 && realDecemberRow > 0) {
    throw new ImportError({
      file,
      row: realDecemberRow,
      column: '12 months ending',
      expected: `no 31-12-2017 rows when the file also has ${KNOWN_TYPO.published} rows (read as 31 December 2017)`,
      received: 'both, so the correction would merge two periods',
    });
  }
  if (typoRows > 0)
    report.correctedDates.push({ published: KNOWN_TYPO.published, readAs: KNOWN_TYPO.iso, rows: typoRows });

  const sortedPeriods = [...periods].sort();
  const notInFile = missing(
    'x',
    'not available: the imported file has no count for this series, offence group and period',
  );
  const lastForceFraudPeriod = sortedPeriods
    .filter((period) => territorialForces.some((force) => counts.has(`${force.slug}|fraud-offences|${period}`)))
    .at(-1);
  const cell = (slug: string, group: OffenceGroupId, period: string) => {
    const found = counts.get(`${slug}|${group}|${period}`);
    if (NEW_BURGLARY.includes(group) && period < BURGLARY_SPLIT.firstPeriod) {
      if (found && found.count !== 0) {
        throw new ImportError({
          file,
          row: found.row,
          column: 'Rolling year total number of offences',
          expected:
            `0 or no row: ${OFFENCE_GROUPS.find((g) => g.id === group)!.label} was recorded from April 2017, ` +
            `so the 12 months ending ${period} have none`,
          received: String(found.count),
        });
      }
      return RECLASSIFICATION_MISSING.splitNotStarted;
    }
    if (OLD_BURGLARY.includes(group) && period >= BURGLARY_SPLIT.firstFullYear && found?.count === 0)
      return RECLASSIFICATION_MISSING.splitReplaced;
    if (found) return found.count;
    if (group === 'fraud-offences' && lastForceFraudPeriod && period > lastForceFraudPeriod)
      return RECLASSIFICATION_MISSING.fraudCentralised;
    return notInFile;
  };
  const seriesOrder = [...forces.map((force) => force.slug), ...FRAUD_BODIES.map((body) => body.id)].filter((slug) =>
    seriesGroups.has(slug),
  );
  const series: RecordedCrimeDataset['series'] = {};
  for (const slug of seriesOrder) {
    const bySeries: RecordedCrimeDataset['series'][string] = {};
    for (const { id } of OFFENCE_GROUPS) {
      if (!seriesGroups.get(slug)!.has(id)) continue;
      bySeries[id] = sortedPeriods.map((period) => cell(slug, id, period));
    }
    series[slug] = bySeries;
  }
  // Transition periods: the old and the new burglary groups each cover part of the year.
  const hasBurglaryGroups = [...seriesGroups.values()].some((groups) =>
    [...OLD_BURGLARY, ...NEW_BURGLARY].some((group) => groups.has(group)),
  );
  if (hasBurglaryGroups) {
    for (const periodEnd of sortedPeriods.filter(
      (period) => period >= BURGLARY_SPLIT.firstPeriod && period < BURGLARY_SPLIT.firstFullYear,
    )) {
      for (const offenceGroup of [...OLD_BURGLARY, ...NEW_BURGLARY])
        notes.push({ kind: 'partial-year', offenceGroup, periodEnd, text: PARTIAL_YEAR_TEXT });
    }
  }
  const dataset = validated(RecordedCrimeDatasetSchema, { source, periods: sortedPeriods, series, notes }, file);
  return { dataset, report };
}
