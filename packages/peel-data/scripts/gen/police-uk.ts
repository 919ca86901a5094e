/**
 * Generates src/generated/police-uk.ts from data/raw/bbc-unsolved-crime-policeuk (the CR-only BBC aggregate
 * of data.police.uk 2012–2016) with the same importer users run.
 */
import { readUtf8ByteChunks } from '../../src/import/file-source.ts';
import { importPoliceUkAggregates } from '../../src/import/police-uk-aggregates.ts';
import { datasetModuleSource } from '../../src/import/serialise.ts';
import { writeGeneratedModule } from '../lib/generated.ts';
import { rawPath } from '../lib/raw.ts';

const FOLDER = 'bbc-unsolved-crime-policeuk';
const FILE = 'crime outcomes by category force year 2012-16.csv';

/** Caveats carried with the bundled dataset (from data/raw/bbc-unsolved-crime-policeuk/PROVENANCE.md). */
export const POLICE_UK_NOTES = [
  'Calendar years 2012–2016 by month of crime, downloaded from the data.police.uk archive in 2017 and aggregated by ' +
    'the BBC Shared Data Unit; last outcomes as at download.',
  'PEEL 2016 uses ASB for the 12 months to 31 March 2016 from Home Office/ONS tables; calendar-year police.uk counts ' +
    'cannot rebuild that window.',
  'police.uk crime types and last outcome categories are police.uk labels, not Home Office offence groups or outcome ' +
    'types 0–21.',
  'Crime type labels changed in 2013 ("Violent crime" became "Violence and sexual offences"; "Public disorder and ' +
    'weapons" was split): a label not used in a year is Missing (z), not 0.',
  'British Transport Police is its own series (slug btp). Police Service of Northern Ireland rows are skipped: ' +
    'outside England and Wales.',
  'police.uk data are a snapshot and differ from Home Office statistics (the BBC notes Surrey and Hertfordshire ' +
    're-submissions).',
];

/** Imports the raw BBC aggregate (throws ImportError naming the row on any problem). */
export async function buildPoliceUkAggregates() {
  const where = `data/raw/${FOLDER}/${FILE}`;
  return importPoliceUkAggregates(readUtf8ByteChunks(rawPath(FOLDER, FILE), where), {
    file: where,
    notes: POLICE_UK_NOTES,
    utf8Bytes: true,
  });
}

export async function generate(): Promise<void> {
  const { dataset, report } = await buildPoliceUkAggregates();
  const body =
    "import type { PoliceUkAggregatesDataset, PoliceUkImportReport } from '../datasets/police-uk.ts';\n\n" +
    '/** data.police.uk ASB incidents, crimes by type and by last outcome, by force × calendar year 2012–2016 ' +
    '(source policeuk-aggregates-2012-2016). */\n' +
    datasetModuleSource('policeUkAggregates20122016', 'PoliceUkAggregatesDataset', dataset) +
    '\n/** What the import of the raw file skipped (Northern Ireland rows), and why. */\n' +
    `export const policeUkAggregatesImportReport: PoliceUkImportReport = ${JSON.stringify(report)};\n`;
  writeGeneratedModule('police-uk', body);
}
