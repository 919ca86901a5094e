/**
 * Generates src/generated/population.ts and src/generated/households.ts.
 *
 * Population: ONS mid-year estimates by local authority district (2021 LAD codes, mid-2001 to mid-2020,
 * data/raw/ons-mye-lad-2001-2020-lesscrime PRIMARY file) summed to police force areas with the ONS
 * January 2017 LAD→PFA lookup. LADs created after 2017 lie wholly inside one PFA; the few codes are
 * mapped below, as the raw folder's PROVENANCE.md lists them, and the mapping is checked: every LAD
 * that disappeared from the lookup must belong to the PFA its successor is mapped to. Codes are
 * trimmed of the stray non-breaking spaces upstream. England and Wales = the sum of the 43 forces.
 * The England-only table (pfa-population-england-leocastro) is NOT used: three of its forces are wrong.
 *
 * Households: the ONS PFA table's 2017-based household projection (SNHP2017) — for 2018, not 2015.
 */
import {
  PopulationDatasetSchema,
  HouseholdsDatasetSchema,
  type PopulationDataset,
  type HouseholdsDataset,
} from '../../src/schema/population.ts';
import { resolveForceName, territorialForces, ENGLAND_AND_WALES } from '../../src/datasets/forces.ts';
import { readRawCsv } from '../lib/raw.ts';
import { LOOKUP_FILE } from '../lib/source-names.ts';
import { toSource, writeGeneratedModule } from '../lib/generated.ts';

const PRIMARY = 'crime-pressure-force-2022-pop-data.csv.gz';
const MYE_FOLDER = 'ons-mye-lad-2001-2020-lesscrime';

/** LADs created after January 2017 (not in the lookup) → the PFA (lookup name) that wholly contains them. */
export const POST_2017_LADS: Readonly<Record<string, string>> = {
  E06000058: 'Dorset', // Bournemouth, Christchurch and Poole (2019)
  E06000059: 'Dorset', // Dorset unitary (2019)
  E07000244: 'Suffolk', // East Suffolk (2019)
  E07000245: 'Suffolk', // West Suffolk (2019)
  E07000246: 'Avon and Somerset', // Somerset West and Taunton (2019)
  E06000060: 'Thames Valley', // Buckinghamshire unitary (2020)
  E06000061: 'Northamptonshire', // North Northamptonshire (2021)
  E06000062: 'Northamptonshire', // West Northamptonshire (2021)
};

/** Upstream codes carry stray non-breaking spaces (see PROVENANCE.md): trim them, and only them. */
export function cleanCode(code: string): string {
  return code.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
}

export const CITY_OF_LONDON_CAVEAT =
  'Resident population only. HMIC used resident plus transient population for the City of London, which is not in ' +
  'the open data, so rates per head for the City of London are far higher here than in the report.';

/** Builds the population dataset from the raw files (throws naming file, line and code on any mismatch). */
export function buildPopulation(): PopulationDataset {
  const lookupWhere = `data/raw/ons-lad-csp-pfa-lookup-2017/${LOOKUP_FILE}`;
  const pfaNameByLad = new Map<string, string>();
  for (const row of readRawCsv('ons-lad-csp-pfa-lookup-2017', LOOKUP_FILE, ['LAD17CD', 'PFA17NM'])) {
    pfaNameByLad.set(cleanCode(row.values.LAD17CD!), row.values.PFA17NM!);
  }
  const ladsSeen = new Set<string>();
  const totals = new Map<string, Map<number, number>>();
  for (const row of readRawCsv(MYE_FOLDER, PRIMARY, ['code', 'year', 'population'])) {
    const where = `data/raw/${MYE_FOLDER}/${PRIMARY}, line ${row.line}`;
    const code = cleanCode(row.values.code!);
    const pfaName = pfaNameByLad.get(code) ?? POST_2017_LADS[code];
    if (!pfaName)
      throw new Error(`${where}: LAD code ${JSON.stringify(code)} is neither in ${lookupWhere} nor in POST_2017_LADS`);
    const slug = resolveForceName(pfaName, 'ons-lad-csp-pfa-lookup-2017').slug;
    const year = Number(row.values.year);
    const population = Number(row.values.population);
    if (!Number.isInteger(year))
      throw new Error(`${where}, column year: ${JSON.stringify(row.values.year)} is not a year`);
    if (!Number.isInteger(population) || population <= 0)
      throw new Error(`${where}, column population: ${JSON.stringify(row.values.population)} is not a positive count`);
    ladsSeen.add(code);
    const byYear = totals.get(slug) ?? new Map<number, number>();
    if (!totals.has(slug)) totals.set(slug, byYear);
    byYear.set(year, (byYear.get(year) ?? 0) + population);
  }
  // Every LAD of the 2017 lookup that is absent must have been replaced by a mapped successor in the same PFA.
  const successorPfas = new Set(Object.values(POST_2017_LADS));
  for (const [lad, pfaName] of pfaNameByLad) {
    if (!ladsSeen.has(lad) && !successorPfas.has(pfaName)) {
      throw new Error(
        `${lookupWhere}: LAD ${lad} (${pfaName}) has no population rows and no successor LAD mapped to ${pfaName}`,
      );
    }
  }

  const years = [...new Set([...totals.values()].flatMap((byYear) => [...byYear.keys()]))].sort((a, b) => a - b);
  const values: Record<string, number[]> = {};
  for (const force of territorialForces) {
    const byYear = totals.get(force.slug);
    values[force.slug] = years.map((year) => {
      const value = byYear?.get(year);
      if (value === undefined)
        throw new Error(`data/raw/${MYE_FOLDER}/${PRIMARY}: no LAD of ${force.shortName} has a mid-${year} estimate`);
      return value;
    });
  }
  values[ENGLAND_AND_WALES.slug] = years.map((_, index) =>
    territorialForces.reduce((sum, force) => sum + values[force.slug]![index]!, 0),
  );
  return PopulationDatasetSchema.parse({
    source: 'ons-mye-lad-2001-2020',
    years,
    values,
    caveats: { 'city-of-london': CITY_OF_LONDON_CAVEAT },
  });
}

/** Builds the households dataset from the ONS PFA table (43 forces and England and Wales). */
export function buildHouseholds(): HouseholdsDataset {
  const file = 'data/raw/pfa-population-households-mid2018-mopd/population_data.csv';
  const values: Record<string, number> = {};
  for (const row of readRawCsv('pfa-population-households-mid2018-mopd', 'population_data.csv', [
    'code',
    'name',
    'SNHP2017',
  ])) {
    // Skips regions, countries and the author's blank-code aggregate row.
    if (!/^(E23|W15|K04)/.test(row.values.code!)) continue;
    const force = resolveForceName(row.values.name!, 'ons-pfa-households-mid2018');
    if (force.code !== row.values.code)
      throw new Error(
        `${file}, line ${row.line}: ${row.values.name} has code ${row.values.code}, expected ${String(force.code)}`,
      );
    const households = Number(row.values.SNHP2017);
    if (!Number.isInteger(households) || households <= 0)
      throw new Error(
        `${file}, line ${row.line}, column SNHP2017: ${JSON.stringify(row.values.SNHP2017)} is not a positive count`,
      );
    values[force.slug] = households;
  }
  return HouseholdsDatasetSchema.parse({
    source: 'ons-pfa-households-mid2018',
    period: { type: 'projection', year: 2018, basedOn: 2017 },
    rounding: 'nearest 100 (as published by ONS)',
    values,
    caveats: [
      'These are 2017-based household projections for 2018, the only household counts found for every force. HMIC ' +
        'used 2015 households for burglary per 1,000 households; none are in the open data here.',
      'England and Wales is the ONS figure, which can differ from the sum of the 43 rounded force values by rounding.',
    ],
  });
}

export async function generate(): Promise<void> {
  const population = buildPopulation();
  const { years, ...rest } = population;
  const rows = Object.entries(rest.values)
    .map(([slug, series]) => `    ${JSON.stringify(slug)}: ${JSON.stringify(series)},`)
    .join('\n');
  writeGeneratedModule(
    'population',
    `import type { PopulationDataset } from '../types/population.ts';\n\n` +
      `/** Mid-year population years covered (mid-2001 to mid-2020). */\nexport const POPULATION_YEARS = ` +
      `${toSource(years)} as const;\n\n` +
      `export const populationData: PopulationDataset = {\n  source: ${JSON.stringify(rest.source)},\n  years: ` +
      `[...POPULATION_YEARS],\n  values: {\n${rows}\n  },\n  caveats: ${toSource(rest.caveats)},\n};\n`,
  );
  const households = buildHouseholds();
  writeGeneratedModule(
    'households',
    `import type { HouseholdsDataset } from '../types/population.ts';\n\nexport const householdsData: ` +
      `HouseholdsDataset = ${JSON.stringify(households, null, 2)};\n`,
  );
}
