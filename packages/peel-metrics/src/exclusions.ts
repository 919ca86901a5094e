/**
 * The exclusion registry of the PEEL 2016 effectiveness report.
 *
 * Method: "England and Wales" is the 43 territorial forces; British Transport Police is never in it. Some
 * forces are further left out of, combined in, or flagged on particular measures, as Annex A and the
 * figure footnotes state. Each rule names the force (peel-data slug), what happens to it and why:
 *   - excluded: not ranked, not banded, not in the England and Wales value (its own value may still be shown);
 *   - combined: its count is pooled with another force's over their combined population;
 *   - flagged: included, with a caveat the caller must show (partial year, pilot scheme, adjusted data,
 *     a population that differs from the open data).
 * Rules belong to an edition (the 2016 report); the report model applies them to any data vintage it
 * shows (e.g. the 2017/18 outcomes), so its comparisons are made on the report's terms.
 */

/** peel-data slug of British Transport Police, which no England and Wales figure includes. */
export const BRITISH_TRANSPORT_POLICE = 'btp';

/** How a rule treats a force. */
export const EXCLUSION_TREATMENTS = ['excluded', 'combined', 'flagged'] as const;
export type ExclusionTreatment = (typeof EXCLUSION_TREATMENTS)[number];

/** One force's special treatment on some measures. */
export interface ExclusionRule {
  force: string;
  treatment: ExclusionTreatment;
  reason: string;
  /** Spec metric ids the rule applies to. */
  metrics: readonly string[];
  /** For `combined`: the force it is pooled with. */
  combinedWith?: string;
}

const RECORDED_CRIME_RATES = [
  'crime_rate_total_excl_fraud',
  'crime_rate_victim_based',
  'crime_rate_sexual_offences',
  'crime_rate_assault_with_injury',
  'crime_rate_burglary_dwelling',
  'crime_rate_trend_5yr',
];
const GENERAL_OUTCOMES = [
  'outcome_proportion',
  'outcomes_assigned_total',
  'outcomes_not_yet_assigned',
  'evidential_difficulties_victim_not_support_pct',
];
const POPULATION_RATES = [
  ...RECORDED_CRIME_RATES,
  'asb_rate',
  'da_calls_per_1000',
  'right_to_ask_rate',
  'right_to_know_rate',
  'right_to_ask',
  'right_to_know',
  'ocgs_per_million',
];

const CITY_POPULATION =
  "the report divided City of London's figures by its resident plus transient population, which the open data do not have; rates here use the resident population only, so they are much higher than the printed ones";

/**
 * Every rule of the 2016 report (BTP is handled everywhere and not listed).
 * @example EXCLUSION_REGISTRY_2016.filter((rule) => rule.force === 'dorset').map((rule) => rule.treatment) // ['excluded', 'excluded']
 */
export const EXCLUSION_REGISTRY_2016: readonly ExclusionRule[] = [
  {
    force: 'dorset',
    treatment: 'excluded',
    reason:
      'Dorset Police could not supply outcomes data for the 2016 report, so it is excluded from outcomes tables and from England and Wales',
    metrics: GENERAL_OUTCOMES,
  },
  {
    force: 'dorset',
    treatment: 'excluded',
    reason: 'Dorset Police could not submit domestic abuse outcomes data for the 2016 report',
    metrics: ['da_outcome_rate'],
  },
  {
    force: 'nottinghamshire',
    treatment: 'excluded',
    reason:
      'Nottinghamshire Police could not submit domestic abuse outcomes data in time; the report left its later figures out for consistency',
    metrics: ['da_outcome_rate'],
  },
  {
    force: 'derbyshire',
    treatment: 'flagged',
    reason:
      'in the 2016 report Derbyshire supplied only the first three quarters of outcomes data; its proportions used those quarters',
    metrics: GENERAL_OUTCOMES,
  },
  {
    force: 'suffolk',
    treatment: 'flagged',
    reason:
      'in the 2016 report Suffolk supplied only the first three quarters of outcomes data; its proportions used those quarters',
    metrics: GENERAL_OUTCOMES,
  },
  ...(['leicestershire', 'staffordshire', 'west-yorkshire'] as const).map((force) => ({
    force,
    treatment: 'flagged' as const,
    reason:
      'in the Ministry of Justice out-of-court disposals pilot (no simple cautions or cannabis/khat warnings; restricted penalty notices for adults), so its outcomes should be read with this in mind',
    metrics: [...GENERAL_OUTCOMES, 'da_outcome_rate'],
  })),
  ...(['city-of-london', 'devon-and-cornwall', 'essex', 'gloucestershire', 'lancashire'] as const).map((force) => ({
    force,
    treatment: 'excluded' as const,
    reason: 'could not provide data on crimes with a vulnerable victim',
    metrics: ['vulnerable_victim_crime_pct'],
  })),
  {
    force: 'suffolk',
    treatment: 'flagged',
    reason: 'only eight months of vulnerable-victim data to 30 June 2016 (a change of recording system)',
    metrics: ['vulnerable_victim_crime_pct'],
  },
  {
    force: 'city-of-london',
    treatment: 'excluded',
    reason:
      "City of London's organised crime group data are not comparable with other forces because of its size and wider national remit",
    metrics: ['ocgs_per_million'],
  },
  {
    force: 'warwickshire',
    treatment: 'combined',
    combinedWith: 'west-mercia',
    reason:
      'Warwickshire and West Mercia report one combined count of organised crime groups; the rate uses their combined population',
    metrics: ['ocgs_per_million'],
  },
  {
    force: 'west-mercia',
    treatment: 'combined',
    combinedWith: 'warwickshire',
    reason:
      'Warwickshire and West Mercia report one combined count of organised crime groups; the rate uses their combined population',
    metrics: ['ocgs_per_million'],
  },
  {
    force: 'humberside',
    treatment: 'excluded',
    reason: 'Humberside could not provide full data on organised crime group crime types',
    metrics: ['ocg_predominant_crime_type_share'],
  },
  {
    force: 'warwickshire',
    treatment: 'flagged',
    reason:
      'incidents that could not be attributed to a force were shared pro rata: about 1% (2014-15) and 2% (2015-16) of its anti-social behaviour is estimated',
    metrics: ['asb_rate', 'asb_rate_change_yoy'],
  },
  {
    force: 'south-yorkshire',
    treatment: 'flagged',
    reason: 'anti-social behaviour data were corrected and resubmitted (November 2016 release)',
    metrics: ['asb_rate', 'asb_rate_change_yoy'],
  },
  {
    force: 'bedfordshire',
    treatment: 'flagged',
    reason:
      'anti-social behaviour data were resubmitted because one quarter had been double counted (November 2016 release)',
    metrics: ['asb_rate', 'asb_rate_change_yoy'],
  },
  {
    force: 'durham',
    treatment: 'excluded',
    reason:
      'Durham Constabulary was one of three forces unable to provide data on domestic abuse arrests (the other two are not named)',
    metrics: ['da_arrest_rate'],
  },
  { force: 'city-of-london', treatment: 'flagged', reason: CITY_POPULATION, metrics: POPULATION_RATES },
];

/**
 * The rules that apply to one metric.
 * @example exclusionsFor('da_outcome_rate').filter((rule) => rule.treatment === 'excluded').map((rule) => rule.force) // ['dorset', 'nottinghamshire']
 */
export function exclusionsFor(
  metricId: string,
  registry: readonly ExclusionRule[] = EXCLUSION_REGISTRY_2016,
): ExclusionRule[] {
  // Metric ids such as 'outcome_proportion:charged-summonsed' take the rules of their base id.
  const baseId = metricId.split(':')[0] as string;
  let byMetric = registryIndex.get(registry);
  if (!byMetric) registryIndex.set(registry, (byMetric = new Map()));
  let rules = byMetric.get(baseId);
  if (!rules) byMetric.set(baseId, (rules = registry.filter((rule) => rule.metrics.includes(baseId))));
  return [...rules];
}

const registryIndex = new WeakMap<readonly ExclusionRule[], Map<string, ExclusionRule[]>>();

/**
 * The rule (if any) for one force on one metric, most severe treatment first (excluded > combined > flagged).
 * @example ruleFor('ocgs_per_million', 'city-of-london')?.treatment // 'excluded'
 */
export function ruleFor(
  metricId: string,
  force: string,
  registry: readonly ExclusionRule[] = EXCLUSION_REGISTRY_2016,
): ExclusionRule | undefined {
  const rules = exclusionsFor(metricId, registry).filter((rule) => rule.force === force);
  return rules.sort((a, b) => EXCLUSION_TREATMENTS.indexOf(a.treatment) - EXCLUSION_TREATMENTS.indexOf(b.treatment))[0];
}
