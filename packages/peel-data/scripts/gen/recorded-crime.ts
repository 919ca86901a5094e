/**
 * Generates src/generated/recorded-crime.ts from data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv.
 *
 * The file is read by the importer users run (`peel-data import`, src/import/recorded-crime.ts), so the
 * bundled dataset and an imported one cannot drift: it checks dates, force names, offence labels, counts and
 * repeated rows, reads the upstream typo `30-12-2017` as 2017-12-31, and notes negative counts (upstream
 * adjustments, kept as published). A count the file lacks comes back as Missing `x`.
 *
 * This generator then adds only what is known about this file and may not hold for a newer one, which is
 * why the importer leaves it out (decisions also in the README and data/PROVENANCE.md):
 * - Residential / Non-residential burglary began in April 2017 (the first period with any force's count is
 *   the 12 months ending June 2017). Before that every force shows 0 or has no row: "not collected", so
 *   Missing `z`. Domestic / Non-domestic burglary were retired: from the first 12 months wholly after the
 *   split (ending March 2018) their zeros are Missing `z`; the few offences Humberside still recorded
 *   under them are kept as published. The three periods in between hold part of a year in each group
 *   (a `partial-year` note); only the sum of old and new groups covers the full year.
 * - `Fraud offences` on force series stop after 2013 (fraud moved to Action Fraud): later periods are
 *   Missing `z`. Action Fraud, CIFAS and UK Finance are their own series from their first period.
 * - Every other gap keeps the importer's `x`, worded "the source" as the bundled module always has
 *   ("the imported file" would be wrong for data shipped in the package).
 */
import { readUtf8ByteChunks } from '../../src/import/file-source.ts';
import { importRecordedCrime } from '../../src/import/recorded-crime.ts';
import { missing, type Missing } from '../../src/schema/missing.ts';
import { RecordedCrimeDatasetSchema, type OffenceGroupId, type RecordedCrimeDataset, type RecordedCrimeNote } from '../../src/schema/recorded-crime.ts';
import { territorialForces } from '../../src/datasets/forces.ts';
import { rawPath } from '../lib/raw.ts';
import { writeGeneratedModule } from '../lib/generated.ts';

const FOLDER = 'ons-rec-crime-pfa';
const FILE = 'rec-crime-pfa.csv';

/** The reasons used in the dataset, one object each (the generated module defines each once). */
export const RECORDED_CRIME_MISSING = {
  splitNotStarted: missing(
    'z',
    'not applicable: Residential and Non-residential burglary were recorded from April 2017; before that these offences are in Domestic burglary and Non-domestic burglary (the source shows 0)',
  ),
  splitReplaced: missing(
    'z',
    'not applicable: Domestic and Non-domestic burglary were replaced by Residential and Non-residential burglary from April 2017 (the source shows 0)',
  ),
  fraudCentralised: missing('z', 'not applicable: from 2014 fraud is recorded centrally (Action Fraud), not by police forces'),
  notInSource: missing('x', 'not available: the source has no count for this series, offence group and period'),
} as const satisfies Record<string, Missing>;

const OLD_BURGLARY: readonly OffenceGroupId[] = ['domestic-burglary', 'non-domestic-burglary'];
const NEW_BURGLARY: readonly OffenceGroupId[] = ['residential-burglary', 'non-residential-burglary'];
const PARTIAL_YEAR_TEXT =
  'Burglary was reclassified in April 2017: in this 12-month period Domestic/Non-domestic burglary cover the months before April 2017 and Residential/Non-residential burglary the months after; only their sum covers the full year.';

/**
 * Builds the recorded-crime dataset: the raw file through importRecordedCrime, then {@link addBundledKnowledge}.
 * Rejects with an ImportError naming the row and column on bad input.
 * @example (await buildRecordedCrime()).periods[0] // '2003-03-31'
 */
export async function buildRecordedCrime(): Promise<RecordedCrimeDataset> {
  const file = `data/raw/${FOLDER}/${FILE}`;
  const { dataset } = await importRecordedCrime(readUtf8ByteChunks(rawPath(FOLDER, FILE), file), { file, utf8Bytes: true });
  return addBundledKnowledge(dataset, { file });
}

/**
 * Replaces the importer's Missing `x` markers by what is known of the bundled file (see the header): `z` for
 * the burglary groups outside their years and for force fraud after it was centralised, the bundled `x`
 * wording elsewhere; turns the zeros of a retired burglary group into `z`; and notes the partial-year periods.
 * Throws, naming `file`, when the data no longer fit that knowledge (a new burglary group counted before it began).
 * @example addBundledKnowledge(imported, { file: 'rec-crime-pfa.csv' }).series.durham?.['residential-burglary']?.[0] // RECORDED_CRIME_MISSING.splitNotStarted
 */
export function addBundledKnowledge(imported: RecordedCrimeDataset, options: { file: string }): RecordedCrimeDataset {
  const { file } = options;
  const { periods } = imported;
  const countAt = (slug: string, group: OffenceGroupId, index: number): number | undefined => {
    const value = imported.series[slug]?.[group]?.[index];
    return typeof value === 'number' ? value : undefined;
  };

  // The new burglary groups start in the first period where any force has a count (12 months ending
  // June 2017: April to June 2017 only). The first 12 months wholly after the split end three quarters later.
  const splitStart = periods.findIndex((_, index) => NEW_BURGLARY.some((group) => territorialForces.some((force) => (countAt(force.slug, group, index) ?? 0) !== 0)));
  if (splitStart < 0) throw new Error(`${file}: no period has Residential or Non-residential burglary counts`);
  const fullYearAfterSplit = splitStart + 3;
  const lastForceFraudPeriod = periods.filter((_, index) => territorialForces.some((force) => countAt(force.slug, 'fraud-offences', index) !== undefined)).at(-1);

  const cell = (slug: string, group: OffenceGroupId, index: number): number | Missing => {
    const count = countAt(slug, group, index);
    const period = periods[index]!;
    if (NEW_BURGLARY.includes(group) && index < splitStart) {
      if (count !== undefined && count !== 0) throw new Error(`${file}: ${slug} has ${count} ${group} in the 12 months ending ${period}, before the group began`);
      return RECORDED_CRIME_MISSING.splitNotStarted;
    }
    // Zeros in a retired group mean "no longer used"; a few offences still recorded under it (Humberside, 2018) are kept.
    if (OLD_BURGLARY.includes(group) && index >= fullYearAfterSplit && count === 0) return RECORDED_CRIME_MISSING.splitReplaced;
    if (count !== undefined) return count;
    if (group === 'fraud-offences' && lastForceFraudPeriod && period > lastForceFraudPeriod) return RECORDED_CRIME_MISSING.fraudCentralised;
    return RECORDED_CRIME_MISSING.notInSource;
  };

  const series: RecordedCrimeDataset['series'] = {};
  for (const [slug, groups] of Object.entries(imported.series)) {
    const bySeries: RecordedCrimeDataset['series'][string] = {};
    for (const group of Object.keys(groups) as OffenceGroupId[]) bySeries[group] = periods.map((_, index) => cell(slug, group, index));
    series[slug] = bySeries;
  }

  // Transition periods: the old and the new burglary groups each cover part of the year.
  const partialYearNotes = periods.slice(splitStart, fullYearAfterSplit).flatMap((periodEnd) =>
    [...OLD_BURGLARY, ...NEW_BURGLARY].map((offenceGroup): RecordedCrimeNote => ({ kind: 'partial-year', offenceGroup, periodEnd, text: PARTIAL_YEAR_TEXT })),
  );

  return RecordedCrimeDatasetSchema.parse({ ...imported, series, notes: [...imported.notes, ...partialYearNotes] });
}

export async function generate(): Promise<void> {
  const dataset = await buildRecordedCrime();
  const constantByReason = new Map(Object.entries(RECORDED_CRIME_MISSING).map(([name, value]) => [value.reason, name]));
  const cell = (value: number | Missing) => {
    if (typeof value === 'number') return String(value);
    const name = constantByReason.get(value.reason);
    if (!name) throw new Error(`scripts/gen/recorded-crime.ts: a Missing reason not in RECORDED_CRIME_MISSING: ${JSON.stringify(value.reason)}`);
    return `M.${name}`;
  };
  const seriesSource = Object.entries(dataset.series)
    .map(([slug, groups]) => {
      const lines = Object.entries(groups).map(([group, values]) => `    ${JSON.stringify(group)}: [${values!.map(cell).join(',')}],`);
      return `  ${JSON.stringify(slug)}: {\n${lines.join('\n')}\n  },`;
    })
    .join('\n');
  writeGeneratedModule(
    'recorded-crime',
    `import type { Missing } from '../schema/missing.ts';\nimport type { RecordedCrimeDataset } from '../schema/recorded-crime.ts';\n\n` +
      `const M = ${JSON.stringify(RECORDED_CRIME_MISSING, null, 2)} as const satisfies Record<string, Missing>;\n\n` +
      `export const recordedCrimeData: RecordedCrimeDataset = {\n  source: ${JSON.stringify(dataset.source)},\n  periods: ${JSON.stringify(dataset.periods)},\n  series: {\n${seriesSource}\n  },\n` +
      `  notes: [\n${dataset.notes.map((note) => `    ${JSON.stringify(note)},`).join('\n')}\n  ],\n};\n`,
  );
}
