/**
 * The explicit alias table: for every force, the exact name each raw source uses.
 *
 * This is the one hand-written reference table in peel-data. It holds names (identifiers), not data
 * values, and scripts/gen/forces.ts checks it both ways against the raw files: every alias below must
 * occur in its source, and every force name in a source must be an alias here. Codes, regions and
 * official names are read from the files, not typed here.
 *
 * Most sources spell a force the way the Home Office recorded-crime file (`PFA` column) does; a source
 * is listed under `differs` only where its spelling is different. The police.uk "Reported by" names
 * (`reportedBy`) differ for every force, so they have their own column.
 */
import type { SourceId } from '../../src/types/provenance.ts';

export interface ForceNameEntry {
  /** data.police.uk id (`id` column of data/raw/datahub-crime-uk-forces/forces.csv). */
  readonly slug: string;
  /** `PFA` column of data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv. */
  readonly recordedCrimeName: string;
  /** `Reported by` / `reported_by` name on data.police.uk files (BBC aggregates, street CSVs). */
  readonly reportedBy: string;
  /** Sources whose spelling is not `recordedCrimeName`. */
  readonly differs?: Partial<Record<SourceId, string>>;
}

/** Sources that name forces with (mostly) the recorded-crime spelling, and which forces each covers. */
export const SOURCES_USING_PFA_NAMES = [
  'ons-rec-crime-pfa',
  'ons-lad-csp-pfa-lookup-2017',
  'ons-pfa-boundaries-dec2016',
  'ons-pfa-households-mid2018',
  'ho-outcomes-2017-18',
  'peel-effectiveness-grades-2015-2017',
  'peel2016-effectiveness-judgments',
  'pfa-population-england-2009-2019',
] as const satisfies readonly SourceId[];

/** Sources whose names are data.police.uk "Reported by" names. */
export const SOURCES_USING_REPORTED_BY = [
  'policeuk-aggregates-2012-2016',
  'policeuk-street-sample',
  'policeuk-forces',
] as const satisfies readonly SourceId[];

/** The 43 territorial forces, in slug order (the generator re-sorts by ONS code). */
export const TERRITORIAL_FORCE_NAMES: readonly ForceNameEntry[] = [
  {
    slug: 'avon-and-somerset',
    recordedCrimeName: 'Avon and Somerset',
    reportedBy: 'Avon and Somerset Constabulary',
    differs: {
      'peel2016-effectiveness-judgments': 'Avon & Somerset',
      'policeuk-forces': 'Avon & Somerset Constabulary',
    },
  },
  { slug: 'bedfordshire', recordedCrimeName: 'Bedfordshire', reportedBy: 'Bedfordshire Police' },
  { slug: 'cambridgeshire', recordedCrimeName: 'Cambridgeshire', reportedBy: 'Cambridgeshire Constabulary' },
  { slug: 'cheshire', recordedCrimeName: 'Cheshire', reportedBy: 'Cheshire Constabulary' },
  {
    slug: 'city-of-london',
    recordedCrimeName: 'City of London',
    reportedBy: 'City of London Police',
    differs: { 'ons-lad-csp-pfa-lookup-2017': 'London, City of', 'ho-outcomes-2017-18': 'London, City of' },
  },
  { slug: 'cleveland', recordedCrimeName: 'Cleveland', reportedBy: 'Cleveland Police' },
  { slug: 'cumbria', recordedCrimeName: 'Cumbria', reportedBy: 'Cumbria Constabulary' },
  { slug: 'derbyshire', recordedCrimeName: 'Derbyshire', reportedBy: 'Derbyshire Constabulary' },
  {
    slug: 'devon-and-cornwall',
    recordedCrimeName: 'Devon and Cornwall',
    reportedBy: 'Devon & Cornwall Police',
    differs: {
      'ons-lad-csp-pfa-lookup-2017': 'Devon & Cornwall',
      'peel2016-effectiveness-judgments': 'Devon & Cornwall',
    },
  },
  { slug: 'dorset', recordedCrimeName: 'Dorset', reportedBy: 'Dorset Police' },
  { slug: 'durham', recordedCrimeName: 'Durham', reportedBy: 'Durham Constabulary' },
  {
    slug: 'dyfed-powys',
    recordedCrimeName: 'Dyfed-Powys',
    reportedBy: 'Dyfed-Powys Police',
    differs: { 'policeuk-forces': 'Dyfed Powys Police' },
  },
  { slug: 'essex', recordedCrimeName: 'Essex', reportedBy: 'Essex Police' },
  { slug: 'gloucestershire', recordedCrimeName: 'Gloucestershire', reportedBy: 'Gloucestershire Constabulary' },
  { slug: 'greater-manchester', recordedCrimeName: 'Greater Manchester', reportedBy: 'Greater Manchester Police' },
  { slug: 'gwent', recordedCrimeName: 'Gwent', reportedBy: 'Gwent Police' },
  { slug: 'hampshire', recordedCrimeName: 'Hampshire', reportedBy: 'Hampshire Constabulary' },
  { slug: 'hertfordshire', recordedCrimeName: 'Hertfordshire', reportedBy: 'Hertfordshire Constabulary' },
  {
    slug: 'humberside',
    recordedCrimeName: 'Humberside',
    reportedBy: 'Humberside Police',
    differs: { 'policeuk-forces': 'Humberside Constabulary' },
  },
  { slug: 'kent', recordedCrimeName: 'Kent', reportedBy: 'Kent Police' },
  { slug: 'lancashire', recordedCrimeName: 'Lancashire', reportedBy: 'Lancashire Constabulary' },
  { slug: 'leicestershire', recordedCrimeName: 'Leicestershire', reportedBy: 'Leicestershire Police' },
  { slug: 'lincolnshire', recordedCrimeName: 'Lincolnshire', reportedBy: 'Lincolnshire Police' },
  { slug: 'merseyside', recordedCrimeName: 'Merseyside', reportedBy: 'Merseyside Police' },
  {
    slug: 'metropolitan',
    recordedCrimeName: 'Metropolitan Police',
    reportedBy: 'Metropolitan Police Service',
    differs: {
      'peel-effectiveness-grades-2015-2017': 'Metropolitan',
      'peel2016-effectiveness-judgments': 'Met Police',
    },
  },
  { slug: 'norfolk', recordedCrimeName: 'Norfolk', reportedBy: 'Norfolk Constabulary' },
  { slug: 'north-wales', recordedCrimeName: 'North Wales', reportedBy: 'North Wales Police' },
  { slug: 'north-yorkshire', recordedCrimeName: 'North Yorkshire', reportedBy: 'North Yorkshire Police' },
  { slug: 'northamptonshire', recordedCrimeName: 'Northamptonshire', reportedBy: 'Northamptonshire Police' },
  { slug: 'northumbria', recordedCrimeName: 'Northumbria', reportedBy: 'Northumbria Police' },
  { slug: 'nottinghamshire', recordedCrimeName: 'Nottinghamshire', reportedBy: 'Nottinghamshire Police' },
  { slug: 'south-wales', recordedCrimeName: 'South Wales', reportedBy: 'South Wales Police' },
  { slug: 'south-yorkshire', recordedCrimeName: 'South Yorkshire', reportedBy: 'South Yorkshire Police' },
  { slug: 'staffordshire', recordedCrimeName: 'Staffordshire', reportedBy: 'Staffordshire Police' },
  { slug: 'suffolk', recordedCrimeName: 'Suffolk', reportedBy: 'Suffolk Constabulary' },
  { slug: 'surrey', recordedCrimeName: 'Surrey', reportedBy: 'Surrey Police' },
  { slug: 'sussex', recordedCrimeName: 'Sussex', reportedBy: 'Sussex Police' },
  { slug: 'thames-valley', recordedCrimeName: 'Thames Valley', reportedBy: 'Thames Valley Police' },
  { slug: 'warwickshire', recordedCrimeName: 'Warwickshire', reportedBy: 'Warwickshire Police' },
  { slug: 'west-mercia', recordedCrimeName: 'West Mercia', reportedBy: 'West Mercia Police' },
  { slug: 'west-midlands', recordedCrimeName: 'West Midlands', reportedBy: 'West Midlands Police' },
  { slug: 'west-yorkshire', recordedCrimeName: 'West Yorkshire', reportedBy: 'West Yorkshire Police' },
  { slug: 'wiltshire', recordedCrimeName: 'Wiltshire', reportedBy: 'Wiltshire Police' },
];

/** British Transport Police: in the recorded-crime, outcomes and police.uk files; no ONS area. */
export const BTP_NAMES = {
  slug: 'btp',
  aliases: {
    'ons-rec-crime-pfa': 'British Transport Police',
    'ho-outcomes-2017-18': 'British Transport Police',
    'policeuk-aggregates-2012-2016': 'British Transport Police',
    'policeuk-forces': 'British Transport Police',
  },
} as const satisfies { slug: string; aliases: Partial<Record<SourceId, string>> };

/** The England and Wales aggregate: only the ONS population/households table names it. */
export const ENGLAND_AND_WALES_NAMES = {
  slug: 'england-and-wales',
  name: 'England and Wales',
  aliases: { 'ons-pfa-households-mid2018': 'ENGLAND AND WALES' },
} as const satisfies { slug: string; name: string; aliases: Partial<Record<SourceId, string>> };

/** Forces a source does not cover at all (so no alias is expected). */
export const NOT_COVERED: Partial<Record<SourceId, readonly string[]>> = {
  'pfa-population-england-2009-2019': ['dyfed-powys', 'gwent', 'north-wales', 'south-wales'],
  // The street sample holds June 2016 Durham rows only.
  'policeuk-street-sample': TERRITORIAL_FORCE_NAMES.map((entry) => entry.slug).filter((slug) => slug !== 'durham'),
};

/**
 * Every alias of a territorial force, one per source that covers it.
 * @example territorialAliases(TERRITORIAL_FORCE_NAMES[0]!)['ons-rec-crime-pfa'] // 'Avon and Somerset'
 */
export function territorialAliases(entry: ForceNameEntry): Partial<Record<SourceId, string>> {
  const aliases: Partial<Record<SourceId, string>> = {};
  const skip = (source: SourceId) => NOT_COVERED[source]?.includes(entry.slug) ?? false;
  for (const source of SOURCES_USING_PFA_NAMES)
    if (!skip(source)) aliases[source] = entry.differs?.[source] ?? entry.recordedCrimeName;
  for (const source of SOURCES_USING_REPORTED_BY)
    if (!skip(source)) aliases[source] = entry.differs?.[source] ?? entry.reportedBy;
  return aliases;
}
