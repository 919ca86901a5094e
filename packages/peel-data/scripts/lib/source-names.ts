/**
 * The force names that occur in each raw source, read from the files themselves. Used by the forces
 * generator and its tests to check the alias table both ways.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceId } from '../../src/types/provenance.ts';
import { PACKAGE_DIR, distinctRawColumn, readRawCsv } from './raw.ts';

const JUDGMENTS_DIR = join(PACKAGE_DIR, 'data', 'raw', 'peel2016-effectiveness-judgments');

/** The four grade headings of the PA list (ITV and Isle of Wight Radio copies), in the order printed. */
export interface OverallGradeList {
  readonly file: string;
  readonly entries: readonly { readonly heading: string; readonly name: string }[];
}

/**
 * Reads the PA list of PEEL 2016 overall grades from the ITV excerpt (`- Name` lines) and the Isle of
 * Wight Radio excerpt (`:: Heading` then one comma-separated line whose last two names are joined by
 * " and "). Only the final " and " is a separator: "Devon and Cornwall" is one name.
 * @example readOverallGradeLists()[0]?.entries[0] // { heading: 'Outstanding', name: 'Durham' }
 */
export function readOverallGradeLists(): OverallGradeList[] {
  const files = readdirSync(JUDGMENTS_DIR).filter((file) => file.startsWith('itv-') || file.startsWith('iwradio-'));
  return files.sort().map((file) => {
    const lines = readFileSync(join(JUDGMENTS_DIR, file), 'utf8').split(/\r?\n/);
    const start = lines.findIndex((line) => line.startsWith('HMIC graded forces for their overall effectiveness'));
    if (start < 0)
      throw new Error(
        `data/raw/peel2016-effectiveness-judgments/${file}: the line "HMIC graded forces for their overall ` +
          `effectiveness" was not found`,
      );
    const entries: { heading: string; name: string }[] = [];
    let heading: string | undefined;
    for (const line of lines.slice(start + 1)) {
      const trimmed = line.trim();
      if (trimmed === '') continue;
      if (file.startsWith('itv-')) {
        if (trimmed.startsWith('- ')) {
          if (!heading)
            throw new Error(
              `data/raw/peel2016-effectiveness-judgments/${file}: list entry ${JSON.stringify(trimmed)} before any ` +
                `grade heading`,
            );
          entries.push({ heading, name: trimmed.slice(2).trim() });
        } else {
          heading = trimmed;
        }
      } else if (trimmed.startsWith(':: ')) {
        heading = trimmed.slice(3).trim();
      } else if (heading) {
        const names = trimmed.split(', ');
        const last = names.pop()!;
        const lastParts = last.split(' and ');
        // "X and Y" at the end of a list is two names unless the pair is itself a force name.
        const tail = lastParts.length === 2 && names.length > 0 ? lastParts : [last];
        for (const name of [...names, ...tail]) entries.push({ heading, name: name.trim() });
        heading = undefined;
      }
    }
    return { file, entries };
  });
}

/** Names in a source that are not police forces of England and Wales, with the reason they are skipped. */
export const NON_FORCE_NAMES: Partial<Record<SourceId, Readonly<Record<string, string>>>> = {
  'ons-rec-crime-pfa': {
    'Action Fraud': 'national fraud reporting body: its own recorded-crime series, not a force',
    CIFAS: 'national fraud prevention body: its own recorded-crime series, not a force',
    'UK Finance': 'national fraud body: its own recorded-crime series, not a force',
  },
  'ho-outcomes-2017-18': { NA: 'the single all-NA row of the file (see its PROVENANCE.md)' },
  'policeuk-aggregates-2012-2016': {
    'Police Service of Northern Ireland': 'Northern Ireland is outside PEEL and outside England and Wales',
  },
};

/**
 * Every distinct force-like name each source uses (including those in NON_FORCE_NAMES).
 * @example namesBySource()['ons-rec-crime-pfa']?.has('Durham') // true
 */
export function namesBySource(options: { skipLarge?: boolean } = {}): Partial<Record<SourceId, Set<string>>> {
  const distinct = (rows: { values: Readonly<Record<string, string>> }[], column: string) =>
    new Set(rows.map((row) => row.values[column]!));
  const names: Partial<Record<SourceId, Set<string>>> = {
    'ons-rec-crime-pfa': distinct(readRawCsv('ons-rec-crime-pfa', 'rec-crime-pfa.csv', ['PFA']), 'PFA'),
    'ons-lad-csp-pfa-lookup-2017': distinct(
      readRawCsv('ons-lad-csp-pfa-lookup-2017', LOOKUP_FILE, ['PFA17NM']),
      'PFA17NM',
    ),
    'ons-pfa-boundaries-dec2016': new Set(readBoundaryProperties().map((properties) => properties.PFA16NM)),
    'ons-pfa-households-mid2018': new Set(
      readRawCsv('pfa-population-households-mid2018-mopd', 'population_data.csv', ['code', 'name'])
        .filter((row) => /^(E23|W15|K04)/.test(row.values.code!))
        .map((row) => row.values.name!),
    ),
    'peel-effectiveness-grades-2015-2017': distinct(
      readRawCsv('peel-effectiveness-grades-2015-2017', 'grades.csv', ['force']),
      'force',
    ),
    'peel2016-effectiveness-judgments': new Set(
      readOverallGradeLists().flatMap((list) => list.entries.map((entry) => entry.name)),
    ),
    'pfa-population-england-2009-2019': new Set(
      Object.keys(
        readRawCsv('pfa-population-england-leocastro', 'population_policeforces.csv', ['year'])[0]!.values,
      ).filter((column) => column !== '' && column !== 'year'),
    ),
    'policeuk-aggregates-2012-2016': new Set([
      ...distinct(
        readRawCsv('bbc-unsolved-crime-policeuk', 'crime outcomes by category force year 2012-16.csv', ['reported_by']),
        'reported_by',
      ),
      ...distinct(readRawCsv('bbc-unsolved-crime-policeuk', 'outcomes_by_force.csv', ['Force']), 'Force'),
    ]),
    'policeuk-street-sample': new Set(
      readRawCsv('policeuk-street-sample', '2016-06-durham-street.first20rows.csv', [
        'Reported by',
        'Falls within',
      ]).flatMap((row) => [row.values['Reported by']!, row.values['Falls within']!]),
    ),
    'policeuk-forces': distinct(readRawCsv('datahub-crime-uk-forces', 'forces.csv', ['Label']), 'Label'),
  };
  if (!options.skipLarge) {
    names['ho-outcomes-2017-18'] = distinctRawColumn(
      'ho-outcomes-2017-18-cjcharts',
      'detection-rates-data.csv.gz',
      'force_name',
    );
  }
  return names;
}

export const LOOKUP_FILE =
  'Local_Authority_District_to_Community_Safety_Partnerships_to_Police_Force_Areas__January_2017__' +
  'Lookup_in_England_and_Wales_Version_2.csv';
export const BOUNDARIES_FILE = 'Police_Force_Areas_December_2016_UGC_EW.geojson';

/**
 * The `properties` of every feature of the ONS boundaries GeoJSON.
 * @example readBoundaryProperties().length // 43
 */
export function readBoundaryProperties(): { PFA16CD: string; PFA16NM: string }[] {
  const geojson = JSON.parse(
    readFileSync(join(PACKAGE_DIR, 'data', 'raw', 'ons-pfa-dec2016-ugc-boundaries', BOUNDARIES_FILE), 'utf8'),
  ) as {
    features: { properties: { PFA16CD: string; PFA16NM: string } }[];
  };
  return geojson.features.map((feature) => feature.properties);
}
