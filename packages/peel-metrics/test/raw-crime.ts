// Recorded crime and population read straight from peel-data's raw files, for tests that check the metrics against a
// computation of their own, independently of the generated datasets the code reads:
//   - data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv: rolling 12-month counts by police force area and offence group;
//   - data/raw/ons-mye-lad-2001-2020-lesscrime: ONS mid-year populations by local authority district, summed to
//     police force areas with the ONS 2017 LAD → PFA lookup (data/raw/ons-lad-csp-pfa-lookup-2017).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const raw = (path: string) => fileURLToPath(new URL(`../../peel-data/data/raw/${path}`, import.meta.url));
const lines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
// A CSV line with quoted fields ("London, City of").
const cells = (line: string) =>
  [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1] ?? '').slice(0, -1);

/** The raw file's name of a police force area as the recorded-crime file spells it. */
const pfaName = (pfa: string) => (pfa === 'London, City of' ? 'City of London' : pfa.replace('&', 'and'));

/** Offence groups of the Home Office's "other crimes against society"; every other non-fraud group is victim-based. */
export const OTHER_CRIMES_AGAINST_SOCIETY = new Set([
  'Drug offences',
  'Possession of weapons offences',
  'Public order offences',
  'Miscellaneous crimes against society',
]);
/** The national fraud series (not forces) and British Transport Police (no population) in the crime file. */
export const NATIONAL_FRAUD = new Set(['Action Fraud', 'CIFAS', 'UK Finance']);
export const BTP = 'British Transport Police';

/** Every row of rec-crime-pfa.csv: 12 months ending 'dd-mm-yyyy', force area, offence group, count. */
export const crimeRows: { date: string; pfa: string; offence: string; count: number }[] = lines(
  readFileSync(raw('ons-rec-crime-pfa/rec-crime-pfa.csv'), 'utf8'),
)
  .slice(1)
  .map((line) => {
    const [date, pfa, , offence, count] = line.split(',') as [string, string, string, string, string];
    return { date, pfa, offence, count: Number(count) };
  });

/** The 43 territorial force areas of the crime file. */
export const forceAreas = [...new Set(crimeRows.map((row) => row.pfa))].filter(
  (pfa) => !NATIONAL_FRAUD.has(pfa) && pfa !== BTP,
);

/** 'YYYY-MM-DD' as the crime file writes a date ('dd-mm-yyyy'). */
export const rawDate = (iso: string) => iso.split('-').reverse().join('-');

/**
 * The 12-month count of a force area (or BTP) to a quarter end, summing the offence groups `include` keeps; throws
 * when the file has no row for that area and date, so a test never compares with a smaller sum.
 */
export function rawCount(pfa: string, periodEnd: string, include: (offence: string) => boolean): number {
  const date = rawDate(periodEnd);
  const rows = crimeRows.filter((row) => row.pfa === pfa && row.date === date);
  if (rows.length === 0) throw new Error(`rec-crime-pfa.csv has no rows for ${pfa} on ${date}`);
  return rows.filter((row) => include(row.offence)).reduce((sum, row) => sum + row.count, 0);
}

// LADs created after the 2017 lookup belong wholly to one force area (ONS geography).
const SUCCESSOR_LADS: Record<string, string> = {
  E06000058: 'Dorset', // Bournemouth, Christchurch and Poole (2019)
  E06000059: 'Dorset', // Dorset (2019)
  E07000244: 'Suffolk', // East Suffolk (2019)
  E07000245: 'Suffolk', // West Suffolk (2019)
  E07000246: 'Avon and Somerset', // Somerset West and Taunton (2019)
  E06000060: 'Thames Valley', // Buckinghamshire (2020)
  E06000061: 'Northamptonshire', // North Northamptonshire (2021)
  E06000062: 'Northamptonshire', // West Northamptonshire (2021)
};
const LOOKUP =
  'ons-lad-csp-pfa-lookup-2017/Local_Authority_District_to_Community_Safety_Partnerships_to_Police_Force_Areas__' +
  'January_2017__Lookup_in_England_and_Wales_Version_2.csv';
const pfaOfLad = new Map<string, string>(
  lines(readFileSync(raw(LOOKUP), 'utf8'))
    .slice(1)
    .map((line) => {
      const [lad, , , , , pfa] = cells(line);
      return [(lad ?? '').trim(), pfaName(pfa ?? '')] as const;
    }),
);
const populationLines = lines(
  gunzipSync(readFileSync(raw('ons-mye-lad-2001-2020-lesscrime/crime-pressure-force-2022-pop-data.csv.gz'))).toString(
    'utf8',
  ),
).slice(1);

/** Mid-year population of every force area for a year, summed over its local authority districts. */
export function rawPopulation(year: number): Map<string, number> {
  const population = new Map<string, number>();
  for (const line of populationLines) {
    const [code, , lineYear, persons] = cells(line);
    if (lineYear !== String(year)) continue;
    const lad = (code ?? '').replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
    const pfa = pfaOfLad.get(lad) ?? SUCCESSOR_LADS[lad];
    if (!pfa) throw new Error(`no police force area for LAD ${lad}`);
    population.set(pfa, (population.get(pfa) ?? 0) + Number(persons));
  }
  return population;
}
