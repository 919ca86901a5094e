/**
 * Generates src/generated/forces.ts: the 43 territorial forces (ONS code order), the England and Wales
 * aggregate and British Transport Police, each with its names in every source.
 *
 * Codes come from the ONS LAD→CSP→PFA lookup (checked against the boundary file and the ONS PFA
 * population table), short names from the ONS boundary file, official names from data.police.uk
 * "Reported by", regions from the recorded-crime file, slugs from the datahub police.uk force list.
 * The alias table (scripts/lib/force-names.ts) is checked both ways against every raw source.
 */
import { ForceSchema, type Force } from '../../src/schema/force.ts';
import { SOURCE_IDS, type SourceId } from '../../src/types/provenance.ts';
import { missing } from '../../src/types/missing.ts';
import { BTP_NAMES, ENGLAND_AND_WALES_NAMES, TERRITORIAL_FORCE_NAMES, territorialAliases } from '../lib/force-names.ts';
import { LOOKUP_FILE, NON_FORCE_NAMES, namesBySource, readBoundaryProperties } from '../lib/source-names.ts';
import { readRawCsv } from '../lib/raw.ts';
import { toSource, writeGeneratedModule } from '../lib/generated.ts';

/** Builds the validated forces table from the raw files (throws naming the file and name on any mismatch). */
export function buildForces(options: { skipLarge?: boolean } = {}): Force[] {
  const codeByLookupName = uniqueMap(
    readRawCsv('ons-lad-csp-pfa-lookup-2017', LOOKUP_FILE, ['PFA17CD', 'PFA17NM']).map((row) => [
      row.values.PFA17NM!,
      row.values.PFA17CD!,
    ]),
    `data/raw/ons-lad-csp-pfa-lookup-2017/${LOOKUP_FILE}`,
  );
  const boundaryNameByCode = new Map(
    readBoundaryProperties().map((properties) => [properties.PFA16CD, properties.PFA16NM]),
  );
  const households = readRawCsv('pfa-population-households-mid2018-mopd', 'population_data.csv', ['code', 'name']);
  const householdsCodeByName = new Map(households.map((row) => [row.values.name!, row.values.code!]));
  const regionByRecordedCrimeName = uniqueMap(
    readRawCsv('ons-rec-crime-pfa', 'rec-crime-pfa.csv', ['PFA', 'Region']).map((row) => [
      row.values.PFA!,
      row.values.Region!,
    ]),
    'data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv (PFA → Region)',
  );
  const slugs = new Set(readRawCsv('datahub-crime-uk-forces', 'forces.csv', ['id']).map((row) => row.values.id!));

  const territorial = TERRITORIAL_FORCE_NAMES.map((entry): Force => {
    const aliases = territorialAliases(entry);
    const code = codeByLookupName.get(aliases['ons-lad-csp-pfa-lookup-2017']!);
    if (!code)
      throw new Error(
        `scripts/lib/force-names.ts: ${entry.slug}: lookup name ` +
          `${JSON.stringify(aliases['ons-lad-csp-pfa-lookup-2017'])} is not a PFA17NM in the ONS lookup`,
      );
    const shortName = boundaryNameByCode.get(code);
    if (shortName === undefined)
      throw new Error(`data/raw/ons-pfa-dec2016-ugc-boundaries: no feature with PFA16CD ${code} (${entry.slug})`);
    if (shortName !== aliases['ons-pfa-boundaries-dec2016'])
      throw new Error(
        `boundary name of ${code} is ${JSON.stringify(shortName)}, alias table says ` +
          `${JSON.stringify(aliases['ons-pfa-boundaries-dec2016'])}`,
      );
    const householdsCode = householdsCodeByName.get(aliases['ons-pfa-households-mid2018']!);
    if (householdsCode !== code)
      throw new Error(
        `data/raw/pfa-population-households-mid2018-mopd: ${entry.slug} has code ${householdsCode}, the ONS lookup ` +
          `says ${code}`,
      );
    if (!slugs.has(entry.slug))
      throw new Error(`data/raw/datahub-crime-uk-forces/forces.csv: no force id ${JSON.stringify(entry.slug)}`);
    const region = regionByRecordedCrimeName.get(entry.recordedCrimeName);
    if (!region)
      throw new Error(
        `data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv: no Region for PFA ${JSON.stringify(entry.recordedCrimeName)}`,
      );
    return {
      slug: entry.slug,
      code,
      name: entry.reportedBy,
      shortName,
      kind: 'territorial',
      region,
      country: code.startsWith('W') ? 'Wales' : 'England',
      aliases,
    };
  }).sort((a, b) => String(a.code).localeCompare(String(b.code)));

  const englandAndWalesCode = householdsCodeByName.get(ENGLAND_AND_WALES_NAMES.aliases['ons-pfa-households-mid2018']);
  if (!englandAndWalesCode)
    throw new Error('data/raw/pfa-population-households-mid2018-mopd/population_data.csv: no "ENGLAND AND WALES" row');
  const englandAndWales: Force = {
    slug: ENGLAND_AND_WALES_NAMES.slug,
    code: englandAndWalesCode,
    name: ENGLAND_AND_WALES_NAMES.name,
    shortName: ENGLAND_AND_WALES_NAMES.name,
    kind: 'england-and-wales',
    region: missing('z', 'England and Wales is the national aggregate, not part of a region'),
    country: 'England and Wales',
    aliases: { ...ENGLAND_AND_WALES_NAMES.aliases },
  };
  if (!slugs.has(BTP_NAMES.slug))
    throw new Error(`data/raw/datahub-crime-uk-forces/forces.csv: no force id ${JSON.stringify(BTP_NAMES.slug)}`);
  const btp: Force = {
    slug: BTP_NAMES.slug,
    code: missing(
      'z',
      'British Transport Police polices the railways, not a police force area, so ONS gives it no area code',
    ),
    name: BTP_NAMES.aliases['policeuk-aggregates-2012-2016'],
    shortName: BTP_NAMES.aliases['ons-rec-crime-pfa'],
    kind: 'british-transport-police',
    region: missing('z', 'British Transport Police covers the railways of England, Wales and Scotland, not a region'),
    // The schema offers England, Wales or both; BTP also covers Scotland (noted in the region reason).
    country: 'England and Wales',
    aliases: { ...BTP_NAMES.aliases },
  };

  const forces = [...territorial, englandAndWales, btp].map((force) => ForceSchema.parse(force));
  checkAliasesAgainstSources(forces, namesBySource(options));
  return forces;
}

/**
 * Every alias must occur in its source, and every name in a source must be an alias, a canonical name or a known
 * non-force.
 */
function checkAliasesAgainstSources(forces: readonly Force[], names: Partial<Record<SourceId, Set<string>>>): void {
  for (const source of SOURCE_IDS) {
    const inFile = names[source];
    if (!inFile) continue;
    const aliases = new Set(forces.flatMap((force) => (force.aliases[source] ? [force.aliases[source]] : [])));
    // resolveForceName also accepts a force's own name and short name in any source (the Isle of Wight
    // Radio copy of the PA list writes "Devon and Cornwall" where the ITV copy writes "Devon & Cornwall").
    const canonical = new Set(forces.flatMap((force) => [force.name, force.shortName]));
    for (const alias of aliases) {
      if (!inFile.has(alias))
        throw new Error(
          `alias table: ${source} has no force named ${JSON.stringify(alias)}; its names are ` +
            `${JSON.stringify([...inFile].sort())}`,
        );
    }
    for (const name of inFile) {
      if (!aliases.has(name) && !canonical.has(name) && !(name in (NON_FORCE_NAMES[source] ?? {}))) {
        throw new Error(
          `${source}: force name ${JSON.stringify(name)} is in no alias (add it to scripts/lib/force-names.ts)`,
        );
      }
    }
  }
}

function uniqueMap(pairs: [string, string][], where: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of pairs) {
    const seen = map.get(key);
    if (seen !== undefined && seen !== value)
      throw new Error(
        `${where}: ${JSON.stringify(key)} maps to both ${JSON.stringify(seen)} and ${JSON.stringify(value)}`,
      );
    map.set(key, value);
  }
  return map;
}

export async function generate(): Promise<void> {
  const forces = buildForces();
  writeGeneratedModule(
    'forces',
    `import type { Force } from '../types/force.ts';\n\n/** 43 territorial forces (ONS code order), England and ` +
      `Wales, British Transport Police. */\nexport const forceRows: readonly Force[] = ` +
      `${toSource(forces, { linePerElement: true })};\n`,
  );
}
