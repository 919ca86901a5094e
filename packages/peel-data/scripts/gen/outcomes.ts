/**
 * Generates src/generated/outcomes.ts from data/raw/ho-outcomes-2017-18-cjcharts with the same importer
 * users run (`peel-data import --format ho-outcomes`), so the bundled dataset and an imported one cannot drift.
 */
import { readUtf8ByteChunks } from '../../src/import/file-source.ts';
import { importHoOutcomes } from '../../src/import/ho-outcomes.ts';
import { datasetModuleSource } from '../../src/import/serialise.ts';
import { toSource, writeGeneratedModule } from '../lib/generated.ts';
import { rawPath } from '../lib/raw.ts';

const FOLDER = 'ho-outcomes-2017-18-cjcharts';
const FILE = 'detection-rates-data.csv.gz';

/** Caveats carried with the bundled dataset (from data/raw/ho-outcomes-2017-18-cjcharts/PROVENANCE.md). */
export const OUTCOMES_NOTES = [
  'Financial year 2017/18, not the 12 months to 30 June 2016 used by PEEL 2016: the nearest Home Office outcome-type ' +
    'breakdown available as open data.',
  'Outcomes for offences recorded in a quarter keep changing after extraction; this is the March 2018 tables vintage ' +
    'as copied in 2019 (mpjashby/cj-charts).',
  'Fraud is not included (no outcome type 19).',
  'Counts are net, as published: the Home Office file has negative values (adjustments, e.g. not-yet-assigned counts ' +
    'after offences were reclassified), kept as they are; the import report counts them.',
  'Summed over outcome types, offences equal recorded crime for the year to 31 March 2018 excluding fraud for every ' +
    'force except Humberside, which differs by 1.',
  'British Transport Police is included as its own series (slug btp); it is never part of England and Wales totals.',
];

/** Imports the raw outcomes file (throws ImportError naming the row on any problem). */
export async function buildOutcomes() {
  const path = rawPath(FOLDER, FILE);
  return importHoOutcomes(readUtf8ByteChunks(path, `data/raw/${FOLDER}/${FILE}`), {
    file: `data/raw/${FOLDER}/${FILE}`,
    notes: OUTCOMES_NOTES,
    utf8Bytes: true,
  });
}

export async function generate(): Promise<void> {
  const { dataset, report } = await buildOutcomes();
  const body =
    "import type { OutcomesDataset, OutcomesImportReport } from '../datasets/outcomes.ts';\n\n" +
    '/** Home Office crime outcomes 2017/18 by force × offence group (and codes 8N, 8S, 8P) × outcome type × quarter ' +
    '(source ho-outcomes-2017-18). */\n' +
    datasetModuleSource('hoOutcomes201718', 'OutcomesDataset', dataset) +
    '\n/** What the import of the raw file skipped, and why. */\n' +
    `export const hoOutcomesImportReport201718: OutcomesImportReport = ${JSON.stringify(report)};\n`;
  writeGeneratedModule('outcomes', body);
  writeGeneratedModule(
    'outcomes-framework',
    "import type { OutcomeTypeInfo } from '../datasets/outcomes.ts';\n\n" +
      '/** The file the outcome type names below were read from. */\n' +
      `export const OUTCOME_FRAMEWORK_FILE = ${JSON.stringify(dataset.file)};\n\n` +
      '/** Outcome types as the Home Office 2017/18 outcomes file names and groups them (outcome_description, ' +
      'outcome_group). */\n' +
      `export const outcomeTypeNames201718: readonly OutcomeTypeInfo[] = ` +
      `${toSource(dataset.outcomeTypes, { linePerElement: true })};\n`,
  );
}
