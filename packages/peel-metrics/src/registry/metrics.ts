/**
 * The metric registry of HMIC's PEEL: Police effectiveness 2016 force report: each metric defined once.
 *
 * An entry holds the catalogue's method text (spec §b: spec reference, label, unit, numerator and denominator,
 * period, source, England and Wales comparator, exclusions and caveats as the report states them, banding, printed
 * precision, and whether the open data can rebuild it) and how peel computes it (`compute`: a kind and its
 * parameters, implemented in metrics/compute.ts, or `printed`). The exclusion rules the computation applies to
 * forces are typed data in exclusions.ts, keyed by these ids. The report layout (report/editions/), the API and the
 * site read labels, units and precision from here; nothing else restates them.
 *
 * The method text carries no values: printed values are in peel-data's `durhamPublished` (linked by
 * `publishedFigureIds`); computed values come from the engine.
 */
import { missing, type ChangePeriod, type Period, type SourceId } from 'peel-data';
import { methodVariantRules, PEEL_2016_VARIANTS } from '../method-variants.ts';
import type { MetricDefinition } from './definition.ts';
import { METRIC, PART, type MetricId, type PartId } from './ids.ts';
import type { MetricSpec } from './types.ts';

type Definition = MetricDefinition & { id: MetricId };

const rolling = (end: string): Period => ({ type: 'rolling-12m', end });
const change = (from: Period, to: Period): ChangePeriod => ({ type: 'change', from, to });
const YE_JUNE_2016 = rolling('2016-06-30');
const NOT_STATED = missing('x', 'the report does not state the period');
const NO_DENOMINATOR = missing('z', 'a count or a statement: no denominator');
const NO_COMPARATOR = missing('x', 'the report prints no England and Wales value');
const NOT_PRINTED = missing('x', 'the report prints no value');

const BTP = 'British Transport Police (never in England and Wales aggregates)';
// The report's City of London figures used resident + transient population, which is not open data: the values here
// divide by residents, and City of London is unranked on population rates (exclusions.ts).
const POPULATION =
  'ONS mid-2015 resident population estimate (the report used resident + transient population for City of London, ' +
  'which the open data do not have)';
const POOLED = 'England and Wales = 43 forces excluding BTP, pooled (sum of numerators over sum of denominators)';
// Issue 10: the printed England and Wales rates fit the Home Office's figure (BTP in), the printed changes the 43
// forces; Annex A's wording stays a named variant of each (method-variants.ts).
const HOME_OFFICE =
  'England and Wales as the Home Office publishes it: offences of the 43 forces and British Transport Police over ' +
  "the 43 forces' population (the printed rates fit it; Annex A's 43 forces alone is the variant " +
  'englandWales:annex-a-43-forces)';
const CHANGE_COMPARATOR =
  'England and Wales = the 43 forces, change in summed counts (Annex A; the printed changes fit it; with BTP is ' +
  'the variant englandWales:home-office-incl-btp)';
const BTP_IN_RATES =
  'British Transport Police: in the England and Wales rate, as in the Home Office figure the report printed ' +
  '(Annex A says it is excluded: variant englandWales:annex-a-43-forces)';
/** The method of the Figure 2 rates: Home Office England and Wales, and Annex A's 43 forces as a variant. */
const RATE_METHOD = {
  method: PEEL_2016_VARIANTS.rate,
  variants: methodVariantRules(PEEL_2016_VARIANTS.rate, ['englandWales']),
};
/** The method of the changes: 43 forces, forces' own fraud in the base; BTP and fraud left out as variants. */
const CHANGE_METHOD = {
  method: PEEL_2016_VARIANTS.change,
  variants: methodVariantRules(PEEL_2016_VARIANTS.change, ['englandWales', 'fraudBase']),
};
const CRIME_SOURCE = 'Home Office police-recorded crime data tables, October 2016 data release';
const CRIME_DATASETS: SourceId[] = ['ons-rec-crime-pfa', 'ons-mye-lad-2001-2020'];
const CRIME_CAVEATS = [
  'Figures about police-recorded crime should be treated with care, as recent increases are likely to have been ' +
    "affected by the renewed focus on the quality and compliance of crime recording since HMIC's national inspection " +
    'of crime data in 2014.',
  'We are not judging the effectiveness of the force on police-recorded crime rates only.',
  'Recomputed from a later vintage of the recorded-crime file (to December 2018) and the revised ONS population ' +
    'series; where the report printed a value, the report model reconciles the two and gives the cause.',
  'City of London: the open data has resident population only, so its rate per head is not comparable with the report.',
];
const OUTCOMES_SOURCE = 'Home Office crime outcomes data, October 2016 data release';
const OUTCOME_EXCLUSIONS = [
  BTP,
  "Dorset (excluded from the table and from England and Wales, on the 2016 report's returns; the 2017/18 data " +
    'computed here hold all its returns, so it is included there)',
  "Derbyshire and Suffolk: proportions from the first three quarters only (the 2016 report's returns; the 2017/18 " +
    'data computed here hold all four quarters)',
  'Leicestershire, Staffordshire and West Yorkshire: included, flagged as out-of-court disposals pilot forces',
];
const OUTCOMES_ONLY_2017_18 =
  'The open outcomes data here (ho-outcomes-2017-18) is for 2017/18, not the 12 months to 30 June 2016; the report ' +
  'values are in durhamPublished for Durham only.';
const PUBLISHED_ONLY =
  'Printed in the Durham report only; collected by HMIC from forces, no open data for other forces.';

/** How a metric is computed: the part of a registry entry that is not the catalogue's text. */
type Method = Omit<MetricSpec, 'id' | 'definition'>;

const entry = (definition: Definition, method: Method): MetricSpec => ({ id: definition.id, definition, ...method });

/** A metric the report prints for Durham only: Missing for other forces. */
const PRINTED: Method = { compute: { kind: 'printed' }, decimals: 1 };
const DISCLOSURE_RATE_UNIT = 'uses per 100,000 population';

/** Defaults for the Q1 recorded-crime rates (CR-01…CR-05). */
function crimeRate(
  fields: Pick<Definition, 'id' | 'specRef' | 'label' | 'numerator'> & Partial<MetricDefinition>,
  method: Method,
): MetricSpec {
  const base: Omit<MetricDefinition, 'id' | 'specRef' | 'label' | 'numerator'> = {
    section: 'preventing',
    figure: 2,
    unit: 'crimes per 1,000 population',
    denominator: POPULATION,
    periodType: 'rolling-12m',
    period: YE_JUNE_2016,
    source: CRIME_SOURCE,
    comparator: POOLED,
    exclusions: [BTP],
    caveats: CRIME_CAVEATS,
    banding: false,
    printedDecimals: 1,
    availability: 'computable',
    availabilityNote:
      'Recomputed from the recorded-crime and population datasets; the report prints Durham only for some rows (see ' +
      'durhamPublished).',
    datasets: CRIME_DATASETS,
    publishedFigureIds: [],
  };
  const merged = { ...base, ...fields };
  if ('figure' in fields && fields.figure === undefined) delete merged.figure;
  return entry(merged, method);
}

/**
 * A change in recorded crime between the 12 months to 30 June 2016 and those `yearsBack` years earlier (CR-07 to
 * CR-09): a count change with the changes' comparator and method, one decimal, no figure of its own.
 */
function crimeChange(
  fields: Pick<Definition, 'id' | 'specRef' | 'label' | 'numerator' | 'denominator'> & {
    /** Said after the recorded-crime caveats. */
    caveat: string;
  },
  compute: { selection: 'total-excl-fraud' | 'victim-based'; yearsBack: number },
): MetricSpec {
  const { caveat, id, specRef, label, numerator, denominator } = fields;
  return crimeRate(
    {
      id,
      specRef,
      label,
      figure: undefined,
      unit: 'percent change',
      numerator,
      denominator,
      periodType: 'change',
      period: change(rolling(`${2016 - compute.yearsBack}-06-30`), YE_JUNE_2016),
      printedDecimals: 1,
      comparator: CHANGE_COMPARATOR,
      caveats: [...CRIME_CAVEATS, caveat],
    },
    {
      compute: { kind: 'crime-change', ...compute, method: CHANGE_METHOD.method },
      decimals: 1,
      variants: CHANGE_METHOD.variants,
    },
  );
}

/** Defaults for metrics the report prints for Durham only, from HMIC's own data collection. */
function publishedOnly(
  fields: Omit<Definition, 'availability' | 'datasets' | 'banding' | 'availabilityNote'> & Partial<MetricDefinition>,
  method: Method = PRINTED,
): MetricSpec {
  return entry(
    { availability: 'published-only', availabilityNote: PUBLISHED_ONLY, datasets: [], banding: false, ...fields },
    method,
  );
}

/** A total row of Figure 4 (OUT-02, OUT-03): the share of offences recorded with an outcome, or with none yet. */
function outcomeTotal(fields: { id: MetricId; specRef: string; label: string; numerator: string; row: string }) {
  return publishedOnly(
    {
      id: fields.id,
      specRef: fields.specRef,
      label: fields.label,
      section: 'investigating',
      figure: 4,
      unit: 'percent of offences recorded in the period',
      numerator: fields.numerator,
      denominator: 'All offences recorded in the period',
      periodType: 'rolling-12m',
      period: YE_JUNE_2016,
      source: OUTCOMES_SOURCE,
      comparator: `${POOLED}, and excluding Dorset`,
      exclusions: OUTCOME_EXCLUSIONS,
      caveats: ['Outcome data are provisional and change over time.'],
      printedDecimals: 1,
      availabilityNote: OUTCOMES_ONLY_2017_18,
      publishedFigureIds: [fields.id],
    },
    { compute: { kind: 'outcome-share', row: fields.row }, decimals: 1 },
  );
}

/**
 * Right to Ask / Right to Know (DA-06, DA-07): the report prints Durham's count and the England and Wales rate; the
 * metric is the rate per 100,000 rebuilt from the count, shown as two parts (the printed count, the rate).
 */
function disclosureScheme(fields: {
  id: MetricId;
  specRef: string;
  label: string;
  numerator: string;
  count: PartId;
  rate: PartId;
  rateLabel: string;
}): MetricSpec {
  const compute = { kind: 'disclosure-rate', count: fields.count, rate: fields.rate } as const;
  return publishedOnly(
    {
      id: fields.id,
      specRef: fields.specRef,
      label: fields.label,
      section: 'vulnerability',
      unit: 'count; rate per 100,000 population',
      numerator: fields.numerator,
      denominator: POPULATION,
      periodType: 'rolling-12m',
      period: YE_JUNE_2016,
      source: 'HMIC data collection',
      comparator: POOLED,
      exclusions: [BTP],
      caveats: ["Durham's rate is not printed: compute it from the printed count and the mid-2015 population."],
      printedDecimals: 1,
      availabilityNote:
        "The Durham count and the England and Wales rate are printed; Durham's rate can be computed from the count " +
        'and the open mid-2015 population.',
      publishedFigureIds: [fields.count, fields.rate],
    },
    {
      compute,
      decimals: 1,
      valueUnit: DISCLOSURE_RATE_UNIT,
      parts: [
        { id: fields.count, compute: { kind: 'printed' } },
        { id: fields.rate, label: fields.rateLabel, unit: DISCLOSURE_RATE_UNIT, compute },
      ],
    },
  );
}

/**
 * Every metric of the PEEL 2016 effectiveness report by id, in the spec's order (METRIC_IDS).
 * @example METRICS.crime_rate_total_excl_fraud.definition.specRef // 'CR-01'
 */
export const METRICS = {
  crime_rate_total_excl_fraud: crimeRate(
    {
      id: METRIC.crime_rate_total_excl_fraud,
      specRef: 'CR-01',
      label: 'Police-recorded crime (excluding fraud) per 1,000 population',
      numerator: 'Recorded crimes excluding fraud: all victim-based and other-crimes-against-society offence groups',
      comparator: HOME_OFFICE,
      exclusions: [BTP_IN_RATES],
    },
    {
      compute: { kind: 'crime-rate', selection: 'total-excl-fraud', method: RATE_METHOD.method },
      decimals: 1,
      variants: RATE_METHOD.variants,
    },
  ),
  crime_rate_victim_based: crimeRate(
    {
      id: METRIC.crime_rate_victim_based,
      specRef: 'CR-02',
      label: 'Victim-based crime per 1,000 population',
      numerator:
        'Recorded victim-based crimes (crimes with a direct victim: an individual, a group or an organisation)',
      comparator: HOME_OFFICE,
      exclusions: [BTP_IN_RATES],
    },
    {
      compute: { kind: 'crime-rate', selection: 'victim-based', method: RATE_METHOD.method },
      decimals: 1,
      variants: RATE_METHOD.variants,
    },
  ),
  crime_rate_sexual_offences: crimeRate(
    {
      id: METRIC.crime_rate_sexual_offences,
      specRef: 'CR-03',
      label: 'Sexual offences per 1,000 population',
      numerator: 'Recorded sexual offences',
      comparator: HOME_OFFICE,
      exclusions: [BTP_IN_RATES],
    },
    {
      compute: { kind: 'crime-rate', selection: 'sexual-offences', method: RATE_METHOD.method },
      decimals: 1,
      variants: RATE_METHOD.variants,
    },
  ),
  crime_rate_assault_with_injury: crimeRate(
    {
      id: METRIC.crime_rate_assault_with_injury,
      specRef: 'CR-04',
      label: 'Assault with injury per 1,000 population',
      numerator: 'Recorded assault with injury (a sub-offence of violence with injury)',
      availability: 'published-only',
      availabilityNote:
        'The open recorded-crime file has offence groups only (violence with injury), not assault with injury; the ' +
        'Home Office offence-code data here is 2017/18. The Durham value is printed (durhamPublished).',
      datasets: [],
      publishedFigureIds: [METRIC.crime_rate_assault_with_injury],
    },
    {
      compute: {
        kind: 'offence-code-rate',
        offenceCode: '8N',
        offence: 'assault with injury',
        note:
          'A later year than the 2016 report (12 months to 30 June 2016); codes 8S and 8P (on a constable; ' +
          'racially or religiously aggravated) are not included.',
        whyNotComputed:
          'Assault with injury is a Home Office offence code (8N) inside "violence with injury"; the open ' +
          'recorded-crime data are by offence group only, so the 2016 figure cannot be rebuilt; it can be computed ' +
          'for financial year 2017/18 (period "2017/18")',
      },
      decimals: 1,
    },
  ),
  crime_rate_burglary_dwelling: crimeRate(
    {
      id: METRIC.crime_rate_burglary_dwelling,
      specRef: 'CR-05',
      label: 'Burglary in a dwelling per 1,000 households',
      unit: 'crimes per 1,000 households',
      numerator: 'Recorded domestic burglary (burglary in a dwelling)',
      denominator:
        'Households (source not stated in the report); here the ONS 2017-based household projection for 2018, the ' +
        'only household counts available',
      // The value served is Durham's printed one (compute: printed), so the catalogue must not say computable.
      availability: 'published-only',
      availabilityNote:
        'Printed in the Durham report only: the open data have no 2015 household counts, and the report does not ' +
        'name its household source, so the 2016 rate is not rebuilt.',
      datasets: [],
      caveats: [
        ...CRIME_CAVEATS,
        'The Figure 2 header says "Rates per 1,000 population" but this row is per 1,000 households: keep the ' +
          'asterisk and the footnote "The rate of burglary in a dwelling is the rate for 1,000 households, rather ' +
          'than population".',
        'The household denominator here is a 2018 projection, not 2015 households, so rates differ from the report.',
      ],
      publishedFigureIds: [METRIC.crime_rate_burglary_dwelling],
    },
    {
      compute: {
        kind: 'printed',
        whyNotComputed:
          'burglary in a dwelling per 1,000 households cannot be rebuilt for 2016: the only household counts in the ' +
          'open data are a 2018 projection, and the report does not name its household source',
      },
      decimals: 1,
    },
  ),
  crime_rate_trend_5yr: crimeRate(
    {
      id: METRIC.crime_rate_trend_5yr,
      specRef: 'CR-06',
      label: 'Police-recorded crime rates (per 1,000 population) for the five year period to 30 June 2016',
      figure: 1,
      numerator: 'Recorded crimes excluding fraud, for each 12-month period in the five years',
      comparator: HOME_OFFICE,
      exclusions: [BTP_IN_RATES],
      periodType: 'range',
      period: { type: 'range', start: '2011-07-01', end: '2016-06-30' },
      printedDecimals: NOT_PRINTED,
      caveats: [
        ...CRIME_CAVEATS,
        'A chart only: the report prints no values, and does not state the time granularity.',
        'Every year is divided by the mid-2015 population (Annex A: "for all uses … unless otherwise noted"); the ' +
          'revised per-year populations are the variant denominator:mid-year-nearest.',
      ],
    },
    {
      compute: { kind: 'crime-rate', selection: 'total-excl-fraud', method: PEEL_2016_VARIANTS.trend },
      decimals: 1,
      variants: methodVariantRules(PEEL_2016_VARIANTS.trend, ['denominator', 'englandWales']),
    },
  ),
  crime_change_vs_2011: crimeChange(
    {
      id: METRIC.crime_change_vs_2011,
      specRef: 'CR-07',
      label:
        'Change in police-recorded crime (excluding fraud), 12 months to 30 June 2016 compared with 12 months to 30 ' +
        'June 2011',
      numerator: 'Recorded crimes excluding fraud in the later period minus the earlier period',
      denominator: 'Recorded crimes excluding fraud in the 12 months to 30 June 2011',
      caveat:
        'The report does not say whether the change is in counts or rates; the wording suggests volumes (counts).',
    },
    { selection: 'total-excl-fraud', yearsBack: 5 },
  ),
  victim_based_crime_change_vs_2011: crimeChange(
    {
      id: METRIC.victim_based_crime_change_vs_2011,
      specRef: 'CR-08',
      label: 'Change in victim-based crime, 12 months to 30 June 2016 compared with 12 months to 30 June 2011',
      numerator: 'Recorded victim-based crimes in the later period minus the earlier period',
      denominator: 'Recorded victim-based crimes in the 12 months to 30 June 2011',
      caveat: 'The report does not say whether the change is in counts or rates.',
    },
    { selection: 'victim-based', yearsBack: 5 },
  ),
  crime_change_yoy: crimeChange(
    {
      id: METRIC.crime_change_yoy,
      specRef: 'CR-09',
      label:
        'Change in police-recorded crime (excluding fraud), 12 months to 30 June 2016 compared with the previous 12 ' +
        'months',
      numerator: 'Recorded crimes excluding fraud in the 12 months to 30 June 2016 minus the previous 12 months',
      denominator: 'Recorded crimes excluding fraud in the 12 months to 30 June 2015',
      caveat: 'The report does not say whether the change is in counts or rates.',
    },
    { selection: 'total-excl-fraud', yearsBack: 1 },
  ),
  forces_with_annual_crime_increase: crimeRate(
    {
      id: METRIC.forces_with_annual_crime_increase,
      specRef: 'CR-10',
      label:
        'Number of forces showing an annual increase in police-recorded crime (excluding fraud), 12 months to 30 ' +
        'June 2016',
      figure: undefined,
      unit: 'count of forces (out of 43)',
      numerator:
        'Forces whose recorded crime excluding fraud rose in the 12 months to 30 June 2016 compared with the ' +
        'previous 12 months',
      denominator: NO_DENOMINATOR,
      comparator: 'National context, the same sentence in every force report',
      printedDecimals: 0,
      datasets: ['ons-rec-crime-pfa'],
    },
    {
      compute: {
        kind: 'forces-with-increase',
        selection: 'total-excl-fraud',
        yearsBack: 1,
        method: PEEL_2016_VARIANTS.change,
      },
      decimals: 0,
      valueUnit: 'number of forces (rows: each force’s annual change in percent)',
    },
  ),
  asb_rate: publishedOnly(
    {
      id: METRIC.asb_rate,
      specRef: 'ASB-01',
      label: 'Anti-social behaviour incidents recorded per 1,000 population',
      section: 'preventing',
      unit: 'incidents per 1,000 population',
      numerator: 'ASB incidents recorded under the National Standard for Incident Recording (NSIR)',
      denominator: POPULATION,
      periodType: 'rolling-12m',
      period: rolling('2016-03-31'),
      source:
        'Figure 3 cites "Home Office data"; Annex A says Office for National Statistics data tables (inconsistent in ' +
        'the report)',
      comparator: NO_COMPARATOR,
      exclusions: [BTP],
      caveats: [
        'NSIR figures are not subject to the same level of quality assurance as the main recorded crime collection.',
        'Counts are incidents recorded by the police, rather than reflecting the true level of victimisation; ' +
          'incidents reported to other agencies are generally not included.',
      ],
      printedDecimals: 0,
      availabilityNote:
        'The open police.uk aggregates here are calendar years, so the 12 months to 31 March 2016 cannot be rebuilt; ' +
        'the Durham value is printed (durhamPublished).',
      publishedFigureIds: [METRIC.asb_rate],
    },
    { compute: { kind: 'asb-rate' }, decimals: 0 },
  ),
  asb_rate_change_yoy: publishedOnly(
    {
      id: METRIC.asb_rate_change_yoy,
      specRef: 'ASB-02',
      label:
        'Percentage change in the rate of anti-social behaviour incidents (per 1,000 population), 12 months to 31 ' +
        'March 2016 compared with 12 months to 31 March 2015',
      section: 'preventing',
      figure: 3,
      unit: 'percent change',
      numerator: 'ASB rate per 1,000 population in the later period minus the earlier period',
      denominator: 'ASB rate per 1,000 population in the 12 months to 31 March 2015',
      periodType: 'change',
      period: change(rolling('2015-03-31'), rolling('2016-03-31')),
      source: 'Figure 3: "Home Office data"; Annex A: Office for National Statistics data tables',
      comparator: POOLED,
      exclusions: [BTP],
      caveats: [
        'Warwickshire: unidentifiable incidents distributed pro rata (one percent of ASB in 2014-15 and two percent ' +
          'in 2015-16 estimated).',
        'South Yorkshire and Bedfordshire: corrected resubmitted data (November 2016 ONS release).',
      ],
      printedDecimals: 0,
      availabilityNote:
        'Calendar-year police.uk aggregates cannot rebuild years to 31 March; Durham and England and Wales are ' +
        'printed (durhamPublished).',
      publishedFigureIds: [METRIC.asb_rate_change_yoy],
    },
    { compute: { kind: 'asb-change' }, decimals: 0 },
  ),
  cpn_usage: publishedOnly(
    {
      id: METRIC.cpn_usage,
      specRef: 'ASB-03',
      label: 'Use of community protection notices',
      section: 'preventing',
      unit: 'rank statement (no number)',
      numerator: 'Community protection notices issued',
      denominator: NO_DENOMINATOR,
      periodType: 'not-stated',
      period: NOT_STATED,
      source: 'Inspection fieldwork',
      comparator: NO_COMPARATOR,
      exclusions: [],
      caveats: ['The report prints a rank statement only ("the highest user in England and Wales"), no count.'],
      printedDecimals: NOT_PRINTED,
      publishedFigureIds: ['cpn_usage_rank'],
    },
    PRINTED,
  ),
  staff_survey_responses: publishedOnly(
    {
      id: METRIC.staff_survey_responses,
      specRef: 'SV-01',
      label: "Officers and staff responding to HMIC's staff survey",
      section: 'preventing',
      unit: 'count of respondents',
      numerator: 'Survey responses',
      denominator: NO_DENOMINATOR,
      periodType: 'not-stated',
      period: NOT_STATED,
      source: 'HMIC survey of police staff',
      comparator: 'Range across forces (8 to 2,471 responses), no England and Wales value',
      exclusions: [],
      caveats: [
        'Non-statistical voluntary sample: results may not be representative and are not used to assess performance.',
      ],
      printedDecimals: 0,
      publishedFigureIds: [METRIC.staff_survey_responses],
    },
    PRINTED,
  ),
  public_satisfaction_local_policing: publishedOnly(
    {
      id: METRIC.public_satisfaction_local_policing,
      specRef: 'SV-02',
      label: 'Respondents very or fairly satisfied with local policing in their area',
      section: 'preventing',
      unit: 'percent of respondents',
      numerator: 'Respondents very or fairly satisfied',
      denominator: 'Respondents (331 to 429 per force area; weighted by age, gender and work status)',
      periodType: 'range',
      period: { type: 'range', start: '2016-07-01', end: '2016-08-31' },
      source: 'Ipsos MORI survey of public attitudes towards policing, commissioned by HMIC (online panel)',
      comparator: NO_COMPARATOR,
      exclusions: [],
      caveats: ['Only an indication of satisfaction rather than an absolute: show the sample size with the value.'],
      printedDecimals: 0,
      publishedFigureIds: [METRIC.public_satisfaction_local_policing, 'public_satisfaction_sample_size'],
    },
    PRINTED,
  ),
  public_satisfaction_change_vs_2015: publishedOnly(
    {
      id: METRIC.public_satisfaction_change_vs_2015,
      specRef: 'SV-03',
      label: 'Change in public satisfaction with local policing compared with 2015',
      section: 'preventing',
      unit: 'percent (relative change or percentage points: not stated)',
      numerator: 'Satisfaction in 2016 minus satisfaction in 2015',
      denominator: missing('x', 'the report does not say whether the change is relative or in percentage points'),
      periodType: 'change',
      period: missing('x', 'compared with 2015; the 2015 survey period is not described'),
      source: 'Ipsos MORI survey commissioned by HMIC',
      comparator: NO_COMPARATOR,
      exclusions: [],
      caveats: ['Ambiguous: percentage points or relative percent; the 2015 value is not printed.'],
      printedDecimals: 0,
      publishedFigureIds: [METRIC.public_satisfaction_change_vs_2015],
    },
    PRINTED,
  ),
  victim_satisfaction_whole_experience: publishedOnly(
    {
      id: METRIC.victim_satisfaction_whole_experience,
      specRef: 'SV-04',
      label: 'Victims satisfied with the whole experience',
      section: 'force_in_numbers',
      unit: 'percent of surveyed victims',
      numerator:
        'Victims answering satisfied to "Taking the whole experience into account, are you satisfied, dissatisfied, ' +
        'or neither with the service provided by the police in this case?"',
      denominator: 'Victims surveyed (Home Office-required force victim satisfaction surveys)',
      periodType: 'not-stated',
      period: NOT_STATED,
      source: 'Force victim satisfaction surveys required by the Home Office',
      comparator:
        'England and Wales = unweighted mean of the 43 force rates (the only non-pooled comparator in the report)',
      exclusions: [BTP],
      caveats: ['Values exist only in the Force in numbers graphic, which is not in the report text.'],
      printedDecimals: NOT_PRINTED,
      availability: 'not-available',
      availabilityNote: 'No value is printed in the report text and there is no open data for it here.',
      publishedFigureIds: [],
    },
    PRINTED,
  ),
  outcome_proportion: publishedOnly(
    {
      id: METRIC.outcome_proportion,
      specRef: 'OUT-01',
      label: 'Proportion of outcomes assigned to offences recorded in the 12 months to 30 June 2016, by outcome type',
      section: 'investigating',
      figure: 4,
      unit: 'percent of offences recorded in the period',
      numerator: 'Offences recorded in the period and assigned outcome k (each crime tracked to its outcome)',
      denominator: 'All offences recorded in the period (excluding fraud, as for total recorded crime)',
      periodType: 'rolling-12m',
      period: YE_JUNE_2016,
      source: OUTCOMES_SOURCE,
      comparator: `${POOLED}, and excluding Dorset`,
      exclusions: OUTCOME_EXCLUSIONS,
      caveats: [
        'Outcome data are provisional: they change as more crimes are assigned outcomes over time (pinned to the ' +
          'October 2016 release).',
        'Any interpretation of outcomes should take into account that outcomes will vary dependent on the crime ' +
          'types that occur in each force area, and how it deals with offenders for different crimes.',
        'Group rows and totals must be computed from unrounded counts, never by summing printed values.',
        'Not comparable with Figure 7 (domestic abuse outcomes).',
      ],
      banding: true,
      printedDecimals: 1,
      availabilityNote: OUTCOMES_ONLY_2017_18,
      publishedFigureIds: ['outcomes'],
    },
    { compute: { kind: 'outcome-share', row: 'charged-summonsed' }, decimals: 1 },
  ),
  outcomes_assigned_total: outcomeTotal({
    id: METRIC.outcomes_assigned_total,
    specRef: 'OUT-02',
    label: 'Total offences assigned an outcome',
    numerator: 'Offences recorded in the period that have been assigned any outcome',
    row: 'total-assigned',
  }),
  outcomes_not_yet_assigned: outcomeTotal({
    id: METRIC.outcomes_not_yet_assigned,
    specRef: 'OUT-03',
    label: 'Offences not yet assigned an outcome',
    numerator: 'Offences recorded in the period with no outcome yet',
    row: 'not-yet-assigned',
  }),
  evidential_difficulties_victim_not_support_pct: publishedOnly(
    {
      id: METRIC.evidential_difficulties_victim_not_support_pct,
      specRef: 'OUT-04',
      label:
        "Percentage of 'Evidential difficulties; victim does not support action' outcomes assigned to offences " +
        'recorded in the 12 months to 30 June 2016',
      section: 'investigating',
      figure: 5,
      unit: 'percent of offences recorded in the period',
      numerator:
        'Offences assigned outcomes 14 or 16 (evidential difficulties, victim does not support action); outcome ' +
        'numbers inferred from the printed values',
      denominator: 'All offences recorded in the period',
      periodType: 'rolling-12m',
      period: YE_JUNE_2016,
      source: OUTCOMES_SOURCE,
      comparator: `${POOLED}, and excluding Dorset`,
      exclusions: [BTP, "Dorset (on the 2016 report's returns; included in the 2017/18 data computed here)"],
      caveats: [
        'Percentages of evidential difficulties can be affected by the level of certain types of crime within a ' +
          'force, such as domestic abuse related offences.',
        'Not all offences committed in the period were assigned an outcome, so these figures are subject to change ' +
          'over time.',
        'The report says the group also includes outcome 15 (victim supports action), but the printed values equal ' +
          'outcomes 14 + 16 only.',
      ],
      printedDecimals: 1,
      availabilityNote: OUTCOMES_ONLY_2017_18,
      publishedFigureIds: [METRIC.evidential_difficulties_victim_not_support_pct],
    },
    { compute: { kind: 'outcome-share', row: 'evidential-difficulties-victim-does-not-support' }, decimals: 1 },
  ),
  file_review_count: publishedOnly(
    {
      id: METRIC.file_review_count,
      specRef: 'INV-01',
      label: 'Crime files reviewed by HMIC',
      section: 'investigating',
      unit: 'count of files',
      numerator:
        'Files reviewed (robbery, common assault flagged as domestic abuse, GBH, stalking, harassment, rape, ' +
        'domestic burglary)',
      denominator: NO_DENOMINATOR,
      periodType: 'range',
      period: { type: 'range', start: '2016-01-01', end: '2016-03-31' },
      source: 'HMIC case-file review',
      comparator: NO_COMPARATOR,
      exclusions: [],
      caveats: ['The file review is not the sole basis of the assessment.'],
      printedDecimals: 0,
      publishedFigureIds: [METRIC.file_review_count],
    },
    PRINTED,
  ),
  wanted_persons_pnc_rate: publishedOnly(
    {
      id: METRIC.wanted_persons_pnc_rate,
      specRef: 'INV-02',
      label: 'Persons wanted and circulated on the Police National Computer per 10,000 population',
      section: 'investigating',
      unit: 'persons per 10,000 population',
      numerator: 'Persons wanted and circulated on PNC',
      denominator: 'Population (source not stated)',
      periodType: 'not-stated',
      period: NOT_STATED,
      source: 'Not stated in the report',
      comparator: 'Stated only as a comparison ("less than half of the rate for England and Wales")',
      exclusions: [],
      caveats: ['No values printed.'],
      printedDecimals: NOT_PRINTED,
      publishedFigureIds: ['wanted_persons_pnc_rate_comparison'],
    },
    PRINTED,
  ),
  foreign_national_arrests_pct: publishedOnly(
    {
      id: METRIC.foreign_national_arrests_pct,
      specRef: 'INV-03',
      label: 'Arrests of foreign national offenders as a percentage of all arrests',
      section: 'investigating',
      unit: 'percent of arrests',
      numerator: 'Arrests of foreign nationals',
      denominator: 'All arrests',
      periodType: 'not-stated',
      period: NOT_STATED,
      source: 'Data provided by the constabulary',
      comparator: 'England and Wales rate printed (aggregation not stated)',
      exclusions: [],
      caveats: ['Period not stated.'],
      printedDecimals: 0,
      publishedFigureIds: [METRIC.foreign_national_arrests_pct],
    },
    PRINTED,
  ),
  iom_cohort: publishedOnly(
    {
      id: METRIC.iom_cohort,
      specRef: 'INV-04',
      label: 'Integrated offender management cohort size',
      section: 'investigating',
      unit: 'count of people',
      numerator: 'Subjects in the IOM cohort',
      denominator: NO_DENOMINATOR,
      periodType: 'not-stated',
      period: missing('x', "not stated: numbers 'largely unchanged' between 1 July 2015 and 1 July 2016"),
      source: 'Inspection fieldwork',
      comparator: NO_COMPARATOR,
      exclusions: [],
      caveats: [],
      printedDecimals: 0,
      publishedFigureIds: [METRIC.iom_cohort],
    },
    PRINTED,
  ),
  iom_reoffending_target: publishedOnly(
    {
      id: METRIC.iom_reoffending_target,
      specRef: 'INV-05',
      label: 'IOM target reduction in offending',
      section: 'investigating',
      unit: 'percent reduction',
      numerator: 'Target reduction in offending by the IOM cohort',
      denominator: NO_DENOMINATOR,
      periodType: 'rolling-12m',
      period: rolling('2016-03-31'),
      source: 'Inspection fieldwork',
      comparator: NO_COMPARATOR,
      exclusions: [],
      caveats: ["Actual reductions are not printed ('exceed this target')."],
      printedDecimals: 0,
      publishedFigureIds: ['iom_reoffending_reduction_target'],
    },
    PRINTED,
  ),
  vulnerable_victim_crime_pct: publishedOnly(
    {
      id: METRIC.vulnerable_victim_crime_pct,
      specRef: 'VUL-01',
      label: 'Percentage of police-recorded crime with a vulnerable victim identified',
      section: 'vulnerability',
      figure: 6,
      unit: 'percent of recorded crime',
      numerator: 'Recorded crimes with a vulnerable victim identified (HMIC data return)',
      denominator: 'Recorded crime (Home Office data)',
      periodType: 'rolling-12m',
      period: YE_JUNE_2016,
      source: 'HMIC data return, Home Office data',
      comparator: `${POOLED}, excluding the forces that could not provide data`,
      exclusions: [
        BTP,
        'City of London, Devon and Cornwall, Essex, Gloucestershire and Lancashire (could not provide data)',
        'Suffolk: included, eight months of data only',
      ],
      caveats: [
        "The number of offences identified with a vulnerable victim depends on the force's definition of " +
          "vulnerability: show the force's definition or a caveat.",
      ],
      printedDecimals: 1,
      publishedFigureIds: [METRIC.vulnerable_victim_crime_pct],
    },
    PRINTED,
  ),
  da_calls_per_1000: publishedOnly(
    {
      id: METRIC.da_calls_per_1000,
      specRef: 'DA-01',
      label: 'Calls for domestic abuse related incidents per 1,000 population',
      section: 'vulnerability',
      unit: 'calls per 1,000 population',
      numerator: 'Calls for assistance for domestic abuse related incidents',
      denominator: POPULATION,
      periodType: 'rolling-12m',
      period: YE_JUNE_2016,
      source: 'HMIC data collection of calls for assistance from all 43 forces',
      comparator: POOLED,
      exclusions: [BTP],
      caveats: ['The 2016 breakdown of calls differs from 2015: no comparison with 2015.'],
      printedDecimals: 1,
      publishedFigureIds: [METRIC.da_calls_per_1000],
    },
    PRINTED,
  ),
  da_recorded_change: publishedOnly(
    {
      id: METRIC.da_recorded_change,
      specRef: 'DA-02',
      label: 'Change in police-recorded domestic abuse',
      section: 'vulnerability',
      unit: 'percent change',
      numerator: 'Domestic abuse flagged offences in the later period minus the earlier period',
      denominator: 'Domestic abuse flagged offences in the earlier period',
      periodType: 'change',
      period: change(rolling('2015-03-31'), YE_JUNE_2016),
      source: 'Home Office data (domestic abuse flagged offences)',
      comparator: POOLED,
      exclusions: [BTP],
      caveats: [
        'The printed periods do not match (12 months to 30 June 2016 against 12 months to 31 March 2015), and the ' +
          'Home Office only began collecting the domestic abuse flag in April 2015, after the stated baseline.',
      ],
      printedDecimals: 0,
      publishedFigureIds: [METRIC.da_recorded_change],
    },
    PRINTED,
  ),
  da_share_of_recorded_crime: publishedOnly(
    {
      id: METRIC.da_share_of_recorded_crime,
      specRef: 'DA-03',
      label: 'Police-recorded domestic abuse as a percentage of all police-recorded crime',
      section: 'vulnerability',
      unit: 'percent of recorded crime',
      numerator: 'Domestic abuse flagged offences',
      denominator: 'All recorded crime',
      periodType: 'rolling-12m',
      period: YE_JUNE_2016,
      source: 'Home Office data',
      comparator: POOLED,
      exclusions: [BTP],
      caveats: [],
      printedDecimals: 0,
      publishedFigureIds: [METRIC.da_share_of_recorded_crime],
    },
    PRINTED,
  ),
  da_arrest_rate: publishedOnly(
    {
      id: METRIC.da_arrest_rate,
      specRef: 'DA-04',
      label: 'Arrest rate for domestic abuse offences',
      section: 'vulnerability',
      unit: 'arrests per 100 domestic abuse offences (form not stated)',
      numerator: 'Domestic abuse arrests (not tracked to offences)',
      denominator: missing('x', 'not stated; Annex A gives no formula'),
      periodType: 'rolling-12m',
      period: YE_JUNE_2016,
      source: 'HMIC data collection',
      comparator: NO_COMPARATOR,
      exclusions: [BTP],
      caveats: [
        'Durham was one of three forces unable to provide domestic abuse arrest data: show a dash, never 0.',
        'A high arrest rate may suggest that a force prioritises arrests.',
      ],
      printedDecimals: NOT_PRINTED,
      availability: 'not-available',
      availabilityNote: 'Durham could not supply the data and no value is printed for England and Wales.',
      publishedFigureIds: [METRIC.da_arrest_rate, 'forces_unable_to_provide_da_arrests'],
    },
    PRINTED,
  ),
  da_outcome_rate: publishedOnly(
    {
      id: METRIC.da_outcome_rate,
      specRef: 'DA-05',
      label: 'Rate of outcomes recorded in the 12 months to 30 June 2016 for domestic-related offences',
      section: 'vulnerability',
      figure: 7,
      unit: 'outcomes per 100 domestic abuse offences (unit not printed)',
      numerator:
        'Outcomes of each type recorded in the period for domestic abuse flagged offences, whenever the crime was ' +
        'recorded',
      denominator: 'Domestic abuse offences recorded in the period (outcomes are not tracked to the crimes)',
      periodType: 'rolling-12m',
      period: YE_JUNE_2016,
      source: 'HMIC data return, Home Office data',
      comparator: `${POOLED}, excluding Dorset and Nottinghamshire`,
      exclusions: [BTP, 'Dorset and Nottinghamshire (excluded from the graph and England and Wales)'],
      caveats: [
        'Not comparable with Figure 4: direct comparisons should not be made between general outcomes and domestic ' +
          'abuse outcomes.',
        'Any interpretation of outcomes should take into account that outcomes will vary dependent on the crime ' +
          'types that occur in each force area, and how it deals with offenders for different crimes.',
        'Rows need not sum to 100.',
      ],
      banding: true,
      printedDecimals: 1,
      publishedFigureIds: ['domesticAbuseOutcomes'],
    },
    PRINTED,
  ),
  right_to_ask: disclosureScheme({
    id: METRIC.right_to_ask,
    specRef: 'DA-06',
    label: "Domestic Violence Disclosure Scheme 'Right to Ask' applications",
    numerator: "'Right to Ask' disclosures",
    count: PART.right_to_ask_count,
    rate: PART.right_to_ask_rate,
    rateLabel: "Domestic Violence Disclosure Scheme 'Right to Ask' uses",
  }),
  right_to_know: disclosureScheme({
    id: METRIC.right_to_know,
    specRef: 'DA-07',
    label: "Domestic Violence Disclosure Scheme 'Right to Know' disclosures",
    numerator: "'Right to Know' disclosures",
    count: PART.right_to_know_count,
    rate: PART.right_to_know_rate,
    rateLabel: "Domestic Violence Disclosure Scheme 'Right to Know' uses",
  }),
  dvpo_applications: publishedOnly(
    {
      id: METRIC.dvpo_applications,
      specRef: 'DA-08',
      label: 'Domestic violence protection orders applied for',
      section: 'vulnerability',
      unit: 'count of applications',
      numerator: 'DVPO applications',
      denominator: NO_DENOMINATOR,
      periodType: 'rolling-12m',
      period: YE_JUNE_2016,
      source: 'Inspection fieldwork',
      comparator: NO_COMPARATOR,
      exclusions: [],
      caveats: [
        "'A slight decrease' on the previous year (previous value not printed); the report also says 'prevention " +
          "orders'.",
      ],
      printedDecimals: 0,
      publishedFigureIds: [METRIC.dvpo_applications],
    },
    PRINTED,
  ),
  victims_would_call_again_pct: publishedOnly(
    {
      id: METRIC.victims_would_call_again_pct,
      specRef: 'DA-09',
      label: 'Victims who would call the police again',
      section: 'vulnerability',
      unit: 'percent of victims surveyed',
      numerator: 'Victims who would call the police again',
      denominator: 'Victims surveyed (knowledge-transfer-partnership snapshot)',
      periodType: 'change',
      period: missing('x', 'stated only as 2015 to 2016'),
      source: 'Durham knowledge transfer partnership',
      comparator: NO_COMPARATOR,
      exclusions: [],
      caveats: ['Durham-only snapshot.'],
      printedDecimals: 0,
      publishedFigureIds: ['victims_would_call_again_pct_before', 'victims_would_call_again_pct_after'],
    },
    PRINTED,
  ),
  ocgs_per_million: publishedOnly(
    {
      id: METRIC.ocgs_per_million,
      specRef: 'OCG-01',
      label: 'Organised crime groups actively disrupted, investigated or monitored per one million population',
      section: 'serious_organised',
      figure: 8,
      unit: 'OCGs per one million population',
      numerator: 'Active OCGs',
      denominator:
        'ONS mid-2015 population; Warwickshire and West Mercia report one combined total over their combined ' +
        'population',
      periodType: 'snapshot',
      period: { type: 'snapshot', date: '2016-07-01' },
      source: 'HMIC data return (all 43 forces)',
      comparator: `${POOLED}, excluding City of London`,
      exclusions: [BTP, 'City of London (its OCG data are not comparable due to size and national remit)'],
      caveats: [
        'The archiving of OCGs was suspended from 1 September 2014 to 31 December 2015: do not compare with OCG ' +
          'figures from previous years.',
        'The report also writes "12 months to June 2016" for this measure.',
      ],
      printedDecimals: 0,
      publishedFigureIds: [METRIC.ocgs_per_million],
    },
    PRINTED,
  ),
  ocg_predominant_crime_type_share: publishedOnly(
    {
      id: METRIC.ocg_predominant_crime_type_share,
      specRef: 'OCG-02',
      label: 'Active organised crime groups by predominant crime type',
      section: 'serious_organised',
      figure: 9,
      unit: 'percent of active OCGs',
      numerator: 'Active OCGs with predominant crime type k',
      denominator: 'Active OCGs',
      periodType: 'snapshot',
      period: { type: 'snapshot', date: '2016-07-01' },
      source: 'HMIC data return',
      comparator: `${POOLED}, excluding Humberside`,
      exclusions: [BTP, 'Humberside (could not provide full data)'],
      caveats: [
        'Figures may not sum to 100 percent due to rounding.',
        'No percentages are printed in the text; only the most common type is stated.',
      ],
      printedDecimals: NOT_PRINTED,
      publishedFigureIds: ['ocg_most_common_predominant_crime_type'],
    },
    PRINTED,
  ),
  calls_for_assistance_per_1000: publishedOnly(
    {
      id: METRIC.calls_for_assistance_per_1000,
      specRef: 'CALL-01',
      label: 'Calls for assistance per 1,000 population',
      section: 'force_in_numbers',
      unit: 'calls per 1,000 population',
      numerator: 'Calls for assistance (including those for domestic abuse)',
      denominator: POPULATION,
      periodType: 'not-stated',
      period: NOT_STATED,
      source: 'HMIC data collection from all 43 forces',
      comparator: POOLED,
      exclusions: [BTP],
      caveats: ['The 2016 breakdown differs from 2015: direct comparisons with 2015 are not advised.'],
      printedDecimals: NOT_PRINTED,
      availability: 'not-available',
      availabilityNote:
        'No value is printed in the report text (Force in numbers graphic only) and there is no open data here.',
      publishedFigureIds: [],
    },
    PRINTED,
  ),
} as const satisfies Record<MetricId, MetricSpec>;
