/**
 * The provenance of every source dataset: publisher, licence, the attribution the Open Government
 * Licence asks for, the upstream copy, vintage, files, transformations made here and caveats.
 * Condensed from data/raw/<folder>/PROVENANCE.md (full text there and in data/PROVENANCE.md).
 */
import type { Source, SourceId } from '../types/provenance.ts';

const OGL = 'Open Government Licence v3.0';
const ONS_ATTRIBUTION = 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0.';
const HMIC_ATTRIBUTION =
  '© HMIC 2017 / © HMICFRS. Contains public sector information published by HM Inspectorate of Constabulary and Fire ' +
  '& Rescue Services and licensed under the Open Government Licence v3.0.';
const POLICE_UK_ATTRIBUTION =
  'Contains public sector information licensed under the Open Government Licence v3.0. Source: data.police.uk.';

/**
 * Every source dataset peel-data is built from, one per SourceId.
 * @example
 * sources.find((s) => s.id === 'ons-rec-crime-pfa')?.publisher
 * // 'Office for National Statistics / Home Office'
 */
export const sources: readonly Source[] = [
  {
    id: 'ons-rec-crime-pfa',
    title: 'Police recorded crime by police force area and offence group (rolling 12 months)',
    publisher: 'Office for National Statistics / Home Office',
    licence: `${OGL} (assumed: the Kaggle copy's own licence text was not seen)`,
    attribution:
      `${ONS_ATTRIBUTION} Contains public sector information licensed under the Open Government Licence ` +
      `v3.0. Source: Home Office, police recorded crime.`,
    upstream:
      'Kaggle "recorded-crime-data-at-police-force-area-level" (rec-crime-pfa.csv), re-uploaded in GitHub ' +
      '12345678910aditi/Crime_Project@d11098b54ccf35b465808f89ce5bfadb5dbed0ff',
    vintage:
      '12 months ending 31 March 2003 to 31 December 2018 (a later vintage than the October 2016 release HMIC used)',
    files: ['data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv'],
    transformations: [
      'Dates dd-mm-yyyy → ISO; the misdated 30-12-2017 (927 rows, no 31-12-2017 rows exist) is read as 2017-12-31.',
      'Force names resolved to slugs through the explicit alias table; Action Fraud, CIFAS and UK Finance kept as ' +
        'their own series.',
      'Residential and Non-residential burglary zeros before the April 2017 split, and Domestic and Non-domestic ' +
        'burglary zeros once wholly replaced (from the 12 months ending March 2018), become Missing [z]; the 3 ' +
        'transition periods are flagged partial-year.',
      'Fraud offences on force series after 2013 (no rows: fraud moved to Action Fraud) are Missing [z]; fraud-body ' +
        'periods before June 2011 are Missing [x].',
      'Negative counts (25, upstream adjustments) kept as published and flagged.',
    ],
    caveats: [
      'Offence groups only: assault with injury cannot be derived.',
      'Counts for the 12 months to 30 June 2016 include revisions made after the October 2016 release HMIC used ' +
        "(Durham's, for one, was revised upwards), so a rate recomputed from them can differ a little from the " +
        "printed one; the count a printed rate implies (printed rate × population) can be set against this file's.",
      "Gaps larger than a revision come from method, not data: the report's England and Wales crime rates " +
        "include British Transport Police's offences (the Home Office's England and Wales figure), and its changes " +
        'since 2011 keep forces\' own "Fraud offences" rows (recorded by forces until 2013/14) in the 2011 count. ' +
        "peel-metrics' reconciliation gives each printed figure its cause.",
    ],
  },
  {
    id: 'ons-mye-lad-2001-2020',
    title: 'ONS mid-year population estimates by local authority district, mid-2001 to mid-2020',
    publisher: 'Office for National Statistics',
    licence: OGL,
    attribution: ONS_ATTRIBUTION,
    upstream:
      'mpjashby/lesscrime.info@45e92ee4dcef39a68bea920c38700a875cf22b98 ' +
      'content/post/crime-pressure-force-2022-pop-data.csv.gz (ONS MYE 5, 2021 geography); cross-check file ' +
      'crime-pressure-force-pop-data.csv.gz (ONS MYEB1, 2019 geography)',
    vintage:
      'Downloaded 2021–2022: mid-2012 to mid-2016 are the ONS revised series (2018 revision); not Census-2021 rebased',
    files: [
      'data/raw/ons-mye-lad-2001-2020-lesscrime/crime-pressure-force-2022-pop-data.csv.gz',
      'data/raw/ons-mye-lad-2001-2020-lesscrime/crime-pressure-force-pop-data.csv.gz',
    ],
    transformations: [
      'LAD codes trimmed of stray non-breaking spaces (E06000061, E06000062).',
      'LADs summed to police force areas with the ONS January 2017 lookup; the 8 LADs created after 2017 mapped to ' +
        'the one force area that contains each.',
      'England and Wales = sum of the 43 forces.',
    ],
    caveats: [
      'The revised ONS series may differ slightly at local authority level from the June 2016 release HMIC would ' +
        'have used (national totals unchanged).',
      'City of London: resident population only; HMIC used resident plus transient population, which is not in the ' +
        'open data.',
    ],
  },
  {
    id: 'ons-lad-csp-pfa-lookup-2017',
    title: 'Local Authority District to Community Safety Partnership to Police Force Area (January 2017) lookup',
    publisher: 'Office for National Statistics (Open Geography Portal)',
    licence: OGL,
    attribution: ONS_ATTRIBUTION,
    upstream: 'davidbuilgil/synthetic-crime@7fa72a6e3a8b203c355e0c0b68eb1e43f8c52d2e data/',
    vintage: 'Geography as at January 2017',
    files: [
      'data/raw/ons-lad-csp-pfa-lookup-2017/' +
        'Local_Authority_District_to_Community_Safety_Partnerships_to_Police_Force_Areas__January_2017__' +
        'Lookup_in_England_and_Wales_Version_2.csv',
    ],
    transformations: ['Source of the 43 force ONS codes (PFA17CD) and the LAD → force mapping.'],
    caveats: ['British Transport Police has no police force area code.'],
  },
  {
    id: 'ons-pfa-households-mid2018',
    title: 'Police force area population (mid-2018) and 2017-based household projections',
    publisher: 'Office for National Statistics',
    licence: OGL,
    attribution: ONS_ATTRIBUTION,
    upstream:
      'M-O-P-D/popm@b120ec9d8aca769887f347e450d366841c7af672 data/population_data.csv (ONS Police force area data ' +
      'tables layout)',
    vintage: 'MYE2018 = mid-2018 estimate; SNHP2017 = 2017-based household projection (for 2018)',
    files: ['data/raw/pfa-population-households-mid2018-mopd/population_data.csv'],
    transformations: [
      'The repository author\'s blank-code "Beds Cambs Herts" row is dropped; regions and countries other than ' +
        'England and Wales are not used.',
      'SNHP2017 typed as a projection for 2018 based on 2017.',
    ],
    caveats: [
      'The only household counts found for every force; HMIC used 2015 households, which are not available here.',
      'Values rounded to 100 by ONS.',
    ],
  },
  {
    id: 'ons-pfa-boundaries-dec2016',
    title: 'Police Force Areas (December 2016) Ultra Generalised Clipped Boundaries in England and Wales',
    publisher: 'Office for National Statistics (Open Geography Portal)',
    licence: OGL,
    attribution: `${ONS_ATTRIBUTION} Contains OS data © Crown copyright and database right 2016.`,
    upstream: 'M-O-P-D/popm@b120ec9d8aca769887f347e450d366841c7af672 data/force_boundaries_ugc.geojson',
    vintage: 'Boundaries as at December 2016',
    files: ['data/raw/ons-pfa-dec2016-ugc-boundaries/Police_Force_Areas_December_2016_UGC_EW.geojson'],
    transformations: [
      'Features keyed by ONS code; properties reduced to code, name, force slug and label point; coordinates rounded ' +
        'to 5 decimal places; ordered by ONS code.',
    ],
    caveats: ['Ultra generalised: for choropleth maps, not for point-in-polygon work near borders.'],
  },
  {
    id: 'ho-outcomes-2017-18',
    title: 'Police recorded crime and outcomes open data tables, financial year 2017/18',
    publisher: 'Home Office',
    licence: OGL,
    attribution:
      'Contains public sector information licensed under the Open Government Licence v3.0. Source: Home Office, ' +
      'Police recorded crime and outcomes open data tables.',
    upstream:
      'mpjashby/cj-charts@0e689b8d17453b4914abd3b16f9ac9b4dc03bd94 content/detection-rates-data.csv.gz (from ' +
      'prc-outcomes-open-data-mar2018-tables.ods)',
    vintage: 'Financial year 2017/18, as extracted in 2018/19',
    files: ['data/raw/ho-outcomes-2017-18-cjcharts/detection-rates-data.csv.gz'],
    transformations: [
      'Imported by the data-import module (src/import/ho-outcomes.ts); see the outcomes dataset notes.',
    ],
    caveats: ['Wrong year for PEEL 2016 (12 months to 30 June 2016): use for method, not to reproduce the report.'],
  },
  {
    id: 'policeuk-aggregates-2012-2016',
    title: 'data.police.uk street-level crime and last outcome, aggregated by force and calendar year 2012–2016',
    publisher: 'data.police.uk (aggregation by the BBC Shared Data Unit)',
    licence: `${OGL} (underlying records); the BBC aggregation states no licence`,
    attribution: POLICE_UK_ATTRIBUTION,
    upstream: 'BBC-Data-Unit/unsolved-crime@fa636e5450efe6c2a1e27e41db07e31e71eda635',
    vintage: 'Calendar years 2012–2016, downloaded in 2017',
    files: [
      'data/raw/bbc-unsolved-crime-policeuk/crime outcomes by category force year 2012-16.csv',
      'data/raw/bbc-unsolved-crime-policeuk/outcomes_by_force.csv',
      'data/raw/bbc-unsolved-crime-policeuk/outcomes_totals_2012-2016.csv',
    ],
    transformations: [
      'Imported by the data-import module (src/import/police-uk-aggregates.ts); Police Service of Northern Ireland ' +
        'rows skipped.',
    ],
    caveats: [
      'police.uk categories, not Home Office offence groups or outcome types; calendar years, not years to 31 March.',
    ],
  },
  {
    id: 'policeuk-forces',
    title: 'data.police.uk force identifiers and names',
    publisher: 'data.police.uk (list scraped by Open Knowledge / datahub.io)',
    licence: OGL,
    attribution: POLICE_UK_ATTRIBUTION,
    upstream: 'datasets/crime-uk@9905b06fe3e6133fe99fdb53792752bfc6b37c8f data/forces.csv',
    vintage: '2012 force names',
    files: ['data/raw/datahub-crime-uk-forces/forces.csv'],
    transformations: ['Only the `id` (force slug) and `Label` columns are used.'],
    caveats: ['The `Population 2010` column is misaligned with the rows and is never used.'],
  },
  {
    id: 'policeuk-street-sample',
    title: 'data.police.uk street-level crime CSV, Durham, June 2016 (first 20 records)',
    publisher: 'data.police.uk',
    licence: OGL,
    attribution: POLICE_UK_ATTRIBUTION,
    upstream:
      'chriscarter90/police_data@edc7c069fd2cf888aebd2c9915acd2dd040f8d67 data/2016-06/2016-06-durham-street.csv ' +
      '(first 21 lines)',
    vintage: 'June 2016',
    files: ['data/raw/policeuk-street-sample/2016-06-durham-street.first20rows.csv'],
    transformations: ['None: a parser test fixture and a source of "Reported by" force names.'],
    caveats: ['20 records only: never use for counts.'],
  },
  {
    id: 'pfa-population-england-2009-2019',
    title: 'Mid-year population by police force area, England only, 2009–2019 (researcher-derived)',
    publisher: 'Office for National Statistics (summed to force areas by L. Castro)',
    licence: `${OGL} (underlying ONS data)`,
    attribution: ONS_ATTRIBUTION,
    upstream:
      'LeonardoCastro/BritishDrugDynamics@bac3b5287480fab50e53968aeb10a8bcc54021fa ' +
      'data/demographic/population_policeforces.csv',
    vintage: 'mid-2009 to mid-2019, ONS vintage unknown',
    files: ['data/raw/pfa-population-england-leocastro/population_policeforces.csv'],
    transformations: ['Not used for any value: a cross-check in tests only.'],
    caveats: [
      'Nottinghamshire, Thames Valley (Cherwell misplaced) and Metropolitan Police are wrong in this file; the 4 ' +
        'Welsh forces are absent.',
    ],
  },
  {
    id: 'peel-effectiveness-grades-2015-2017',
    title: 'HMIC/HMICFRS PEEL police effectiveness grades 2015–2017, one row per grade stated in words',
    publisher: 'HMIC / HMICFRS (with short quotations from news, PCC and Police Federation pages)',
    licence: `${OGL} for HMIC/HMICFRS material; third-party pages are quoted briefly as facts`,
    attribution: HMIC_ATTRIBUTION,
    upstream: 'Collected for this project from archived copies of the pages named in each row (source_url)',
    vintage: 'PEEL effectiveness 2015 (published 18 February 2016), 2016 (2 March 2017), 2017 (22 March 2018)',
    files: ['data/raw/peel-effectiveness-grades-2015-2017/grades.csv'],
    transformations: [
      'Expanded to every year × 43 forces × 6 questions; cells no source states are Missing [x].',
      'Specialist capabilities 2016 = ungraded for every force, sourced to the Durham 2016 report (spec §a.5, §c.19).',
    ],
    caveats: [
      'A grade was recorded only where a source states it in words; 2017 question rows may repeat 2016 judgments ' +
        'carried over; Derbyshire 2017 overall was not found.',
    ],
  },
  {
    id: 'peel2016-effectiveness-judgments',
    title: 'PEEL: Police effectiveness 2016 graded judgments (verbatim excerpts)',
    publisher: 'HMIC (with the PA list as printed by ITV News and Isle of Wight Radio, and Police Life)',
    licence: `${OGL} for HMIC pages; news excerpts are third-party copyright, kept as test facts`,
    attribution: HMIC_ATTRIBUTION,
    upstream: 'Archived copies of the pages listed in the folder PROVENANCE.md',
    vintage: 'Published 2 March 2017',
    files: ['data/raw/peel2016-effectiveness-judgments/'],
    transformations: [
      'Not used for values: the force names of the PA list are aliases, and tests check the grades against these ' +
        'excerpts.',
    ],
    caveats: ['Excerpts only.'],
  },
  {
    id: 'peel-2016-durham-report',
    title: 'PEEL: Police effectiveness 2016 – An inspection of Durham Constabulary',
    publisher: "Her Majesty's Inspectorate of Constabulary (HMIC)",
    licence: OGL,
    attribution: HMIC_ATTRIBUTION,
    upstream: 'Values transcribed by the spec editors into data/spec/durham-2016-published.json',
    vintage: 'Published 2 March 2017; main period 12 months to 30 June 2016',
    files: ['data/spec/durham-2016-published.json', 'data/spec/peel-2016-effectiveness.md'],
    transformations: [
      'null (not printed) becomes Missing [x]; printed periods typed where unambiguous; Figure 4 and 7 printed text ' +
        'taken as the value to 1 decimal place where not recorded separately.',
    ],
    caveats: [
      'Only values printed in the report text; the Force in numbers panel and chart values are not in the text.',
    ],
  },
];

let byId: Map<SourceId, Source> | undefined;

/**
 * The provenance of one source dataset.
 * @example getSource('ons-mye-lad-2001-2020')?.licence // 'Open Government Licence v3.0'
 */
export function getSource(id: SourceId): Source | undefined {
  byId ??= new Map(sources.map((source) => [source.id, source]));
  return byId.get(id);
}
