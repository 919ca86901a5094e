/**
 * The exclusion registry of the PEEL 2016 effectiveness report.
 *
 * Method: "England and Wales" is the 43 territorial forces; British Transport Police is never in it. Some
 * forces are further left out of, combined in, or flagged on particular measures, as Annex A and the
 * figure footnotes state. Each rule names the force (peel-data slug), what happens to it and why:
 *   - excluded: not ranked, not banded, not in the England and Wales value (its own value may still be shown);
 *   - combined: its count is pooled with another force's over their combined population;
 *   - unranked: in the England and Wales value, but not ranked or banded, with a caveat the caller must show
 *     (City of London on population rates: its resident-only rates are 5–10 times any other force's);
 *   - flagged: included, with a caveat the caller must show (partial year, pilot scheme, adjusted data,
 *     a population that differs from the open data).
 * Rules belong to an edition (the 2016 report) and hold for the data their evidence covers (`scope`): Dorset's
 * exclusion and the Derbyshire and Suffolk flags come from the 2016 report's outcomes returns for the 12 months to
 * 30 June 2016, so they hold for those (and for the values the report printed), not for the 2017/18 outcomes the
 * open data have nor for a report regenerated for another period; there the rule's `otherwise` says what applies
 * instead and why. A rule without a scope is about the force itself and holds for every period (City of London's
 * resident-only population).
 */

import type { ChangePeriod, Period } from 'peel-data';
import type { MetricKey, MetricId, PartId } from './registry/ids.ts';
import * as METRIC from './registry/metric-id.ts';
import * as PART from './registry/part-id.ts';

/** peel-data slug of British Transport Police, which no England and Wales figure includes. */
export const BRITISH_TRANSPORT_POLICE = 'btp';

/** How a rule treats a force. */
export const EXCLUSION_TREATMENTS = ['excluded', 'combined', 'unranked', 'flagged'] as const;
export type ExclusionTreatment = (typeof EXCLUSION_TREATMENTS)[number];

/** The data a rule's evidence covers: the edition it comes from, the periods of its data, what applies elsewhere. */
export interface ExclusionScope {
  /** The report whose data returns or notes the rule comes from; that report's printed values always take it. */
  edition: 'peel-2016-effectiveness';
  /** The periods of the data the evidence covers; a value computed for any other period does not take the rule. */
  periods: readonly (Period | ChangePeriod)[];
  /** What applies instead to values of other periods (e.g. "none"), and why, as a caveat a reader can follow. */
  otherwise: string;
}

/** One force's special treatment on some measures. */
export interface ExclusionRule {
  force: string;
  treatment: ExclusionTreatment;
  reason: string;
  /** Metric (and part) ids the rule applies to. */
  metrics: readonly (MetricId | PartId)[];
  /** For `combined`: the force it is pooled with. */
  combinedWith?: string;
  /** The data the rule's evidence covers; without one the rule holds for every period. */
  scope?: ExclusionScope;
}

/** Which values a rule is asked about: their period, and whether they are the edition's printed values. */
export interface RuleAt {
  /** The period of the values (undefined: values for no period, e.g. a figure the data cannot give). */
  period?: Period | ChangePeriod | undefined;
  /** The values are those the edition printed (its rules hold for them whatever the period). */
  printed?: boolean;
}

const REPORT_WINDOW: Period = { type: 'rolling-12m', end: '2016-06-30' };
const samePeriod = (a: Period | ChangePeriod, b: Period | ChangePeriod): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether a rule holds for values of a period: it has no scope, the values are its edition's printed ones, or the
 * period is one its evidence covers.
 * @example
 * const dorset = EXCLUSION_REGISTRY_2016[0];
 * ruleHolds(dorset, { period: { type: 'financial-year', startYear: 2017 } }) // false
 */
export function ruleHolds(rule: ExclusionRule, at: RuleAt): boolean {
  if (!rule.scope || at.printed) return true;
  const { period } = at;
  return period !== undefined && rule.scope.periods.some((covered) => samePeriod(covered, period));
}

/** The 2016 report's data returns for its window: the scope of rules that come from them. */
const RETURNS_2016 = (otherwise: string): ExclusionScope => ({
  edition: 'peel-2016-effectiveness',
  periods: [REPORT_WINDOW],
  otherwise,
});
// Kept short: the core bundle carries these (the caveat around them is composed in metrics/compute.ts).
const OUTCOMES_OTHERWISE =
  "none: the Home Office outcomes data for other periods hold all four quarters of the force's returns";
const PRINTED_ONLY_OTHERWISE = 'none: HMIC collected these data for its 2016 report only';

const RECORDED_CRIME_RATES: readonly MetricId[] = [
  METRIC.crime_rate_total_excl_fraud,
  METRIC.crime_rate_victim_based,
  METRIC.crime_rate_sexual_offences,
  METRIC.crime_rate_assault_with_injury,
  METRIC.crime_rate_burglary_dwelling,
  METRIC.crime_rate_trend_5yr,
];
const GENERAL_OUTCOMES: readonly MetricId[] = [
  METRIC.outcome_proportion,
  METRIC.outcomes_assigned_total,
  METRIC.outcomes_not_yet_assigned,
  METRIC.evidential_difficulties_victim_not_support_pct,
];
const POPULATION_RATES: readonly (MetricId | PartId)[] = [
  ...RECORDED_CRIME_RATES,
  METRIC.asb_rate,
  METRIC.da_calls_per_1000,
  PART.right_to_ask_rate,
  PART.right_to_know_rate,
  METRIC.right_to_ask,
  METRIC.right_to_know,
  METRIC.ocgs_per_million,
];

const CITY_RESIDENTS =
  "the report divided City of London's figures by its resident plus transient population, which the open data do not " +
  'have; rates here use the resident population only, so they are much higher than the printed ones';
const CITY_POPULATION =
  `${CITY_RESIDENTS}, and City of London is left out of the ranks and bands of population rates (its offences and ` +
  'residents stay in England and Wales); a caller can rank it with createRegistry(metrics, rankingCityOfLondon(rules))';
/** The reason City of London's rule gives once a caller ranks it (rankingCityOfLondon). */
export const CITY_OF_LONDON_RANKED = `${CITY_RESIDENTS}; it is ranked and banded here at the caller's request`;

/**
 * The anti-social behaviour notes: about the Home Office's returns for the years to March 2015 and 2016, which the
 * 2016 edition shows as data.police.uk's calendar 2015 (and its change from 2014), the nearest open-data stand-ins.
 */
const ASB_2016: ExclusionScope = {
  edition: 'peel-2016-effectiveness',
  periods: [
    { type: 'calendar-year', year: 2015 },
    { type: 'change', from: { type: 'calendar-year', year: 2014 }, to: { type: 'calendar-year', year: 2015 } },
  ],
  otherwise: "none: the report's note is about the years to March 2015 and 2016 only",
};

/**
 * Every rule of the 2016 report (BTP is handled everywhere and not listed).
 * @example
 * EXCLUSION_REGISTRY_2016.filter((rule) => rule.force === 'dorset').map((rule) => rule.treatment)
 * // ['excluded', 'excluded']
 */
export const EXCLUSION_REGISTRY_2016: readonly ExclusionRule[] = [
  {
    force: 'dorset',
    treatment: 'excluded',
    // As the report words it (footnote 16); it gives no reason beyond this.
    reason:
      'Dorset Police is excluded from the table. Therefore figures for England and Wales will differ from those ' +
      'published by the Home Office.',
    metrics: GENERAL_OUTCOMES,
    scope: RETURNS_2016(OUTCOMES_OTHERWISE),
  },
  {
    force: 'dorset',
    treatment: 'excluded',
    // Footnote 31's words: Dorset and Nottinghamshire "were unable to submit domestic abuse outcomes data".
    reason: 'Dorset Police was unable to submit domestic abuse outcomes data',
    metrics: [METRIC.da_outcome_rate],
    scope: RETURNS_2016(PRINTED_ONLY_OTHERWISE),
  },
  {
    force: 'nottinghamshire',
    treatment: 'excluded',
    reason:
      'Nottinghamshire Police could not submit domestic abuse outcomes data in time; the report left its later ' +
      'figures out for consistency',
    metrics: [METRIC.da_outcome_rate],
    scope: RETURNS_2016(PRINTED_ONLY_OTHERWISE),
  },
  {
    force: 'derbyshire',
    treatment: 'flagged',
    reason:
      'in the 2016 report Derbyshire supplied only the first three quarters of outcomes data; its proportions used ' +
      'those quarters',
    metrics: GENERAL_OUTCOMES,
    scope: RETURNS_2016(OUTCOMES_OTHERWISE),
  },
  {
    force: 'suffolk',
    treatment: 'flagged',
    reason:
      'in the 2016 report Suffolk supplied only the first three quarters of outcomes data; its proportions used ' +
      'those quarters',
    metrics: GENERAL_OUTCOMES,
    scope: RETURNS_2016(OUTCOMES_OTHERWISE),
  },
  ...(['leicestershire', 'staffordshire', 'west-yorkshire'] as const).map((force): ExclusionRule => ({
    force,
    treatment: 'flagged' as const,
    reason:
      'in the Ministry of Justice out-of-court disposals pilot (no simple cautions or cannabis/khat warnings; ' +
      'restricted penalty notices for adults), so its outcomes should be read with this in mind',
    metrics: [...GENERAL_OUTCOMES, METRIC.da_outcome_rate],
    scope: RETURNS_2016('none: the report flags the pilot for outcomes to 30 June 2016 only'),
  })),
  ...(['city-of-london', 'devon-and-cornwall', 'essex', 'gloucestershire', 'lancashire'] as const).map(
    (force): ExclusionRule => ({
      force,
      treatment: 'excluded' as const,
      reason: 'could not provide data on crimes with a vulnerable victim',
      metrics: [METRIC.vulnerable_victim_crime_pct],
      scope: RETURNS_2016(PRINTED_ONLY_OTHERWISE),
    }),
  ),
  {
    force: 'suffolk',
    treatment: 'flagged',
    reason: 'only eight months of vulnerable-victim data to 30 June 2016 (a change of recording system)',
    metrics: [METRIC.vulnerable_victim_crime_pct],
    scope: RETURNS_2016(PRINTED_ONLY_OTHERWISE),
  },
  {
    force: 'city-of-london',
    treatment: 'excluded',
    reason:
      "City of London's organised crime group data are not comparable with other forces because of its size and " +
      'wider national remit',
    metrics: [METRIC.ocgs_per_million],
    scope: RETURNS_2016(PRINTED_ONLY_OTHERWISE),
  },
  // One rule each way: each force's row is the pair's combined rate.
  ...(
    [
      ['warwickshire', 'west-mercia'],
      ['west-mercia', 'warwickshire'],
    ] as const
  ).map(([force, combinedWith]): ExclusionRule => ({
    force,
    treatment: 'combined',
    combinedWith,
    reason:
      'Warwickshire and West Mercia report one combined count of organised crime groups; the rate uses their ' +
      'combined population',
    metrics: [METRIC.ocgs_per_million],
    scope: RETURNS_2016(PRINTED_ONLY_OTHERWISE),
  })),
  {
    force: 'humberside',
    treatment: 'excluded',
    reason: 'Humberside could not provide full data on organised crime group crime types',
    metrics: [METRIC.ocg_predominant_crime_type_share],
    scope: RETURNS_2016(PRINTED_ONLY_OTHERWISE),
  },
  {
    force: 'warwickshire',
    treatment: 'flagged',
    reason:
      'incidents that could not be attributed to a force were shared pro rata: about 1% (2014-15) and 2% (2015-16) ' +
      'of its anti-social behaviour is estimated',
    metrics: [METRIC.asb_rate, METRIC.asb_rate_change_yoy],
    scope: ASB_2016,
  },
  {
    force: 'south-yorkshire',
    treatment: 'flagged',
    reason: 'anti-social behaviour data were corrected and resubmitted (November 2016 release)',
    metrics: [METRIC.asb_rate, METRIC.asb_rate_change_yoy],
    scope: ASB_2016,
  },
  {
    force: 'bedfordshire',
    treatment: 'flagged',
    reason:
      'anti-social behaviour data were resubmitted because one quarter had been double counted (November 2016 release)',
    metrics: [METRIC.asb_rate, METRIC.asb_rate_change_yoy],
    scope: ASB_2016,
  },
  {
    force: 'durham',
    treatment: 'excluded',
    reason:
      'Durham Constabulary was one of three forces unable to provide data on domestic abuse arrests (the other two ' +
      'are not named)',
    metrics: [METRIC.da_arrest_rate],
    scope: RETURNS_2016(PRINTED_ONLY_OTHERWISE),
  },
  { force: 'city-of-london', treatment: 'unranked', reason: CITY_POPULATION, metrics: POPULATION_RATES },
];

/**
 * The same rules with City of London ranked and banded on population rates (flagged, not unranked): the opt-in for a
 * caller who wants it ranked despite its resident-only population. Pass the result to `createRegistry`.
 * @example
 * const rules = rankingCityOfLondon(EXCLUSION_REGISTRY_2016);
 * rules.find((rule) => rule.force === 'city-of-london' && rule.metrics.includes('asb_rate'))?.treatment // 'flagged'
 */
export function rankingCityOfLondon(rules: readonly ExclusionRule[]): ExclusionRule[] {
  return rules.map((rule) =>
    rule.force === 'city-of-london' && rule.treatment === 'unranked'
      ? { ...rule, treatment: 'flagged', reason: CITY_OF_LONDON_RANKED }
      : rule,
  );
}

/**
 * The rules that apply to one metric (a row `<id>:<row>` takes its metric's rules), in registry order.
 * @example
 * exclusionsFor('da_outcome_rate').filter((rule) => rule.treatment === 'excluded').map((rule) => rule.force)
 * // ['dorset', 'nottinghamshire']
 */
export function exclusionsFor(
  metricId: MetricKey | PartId,
  registry: readonly ExclusionRule[] = EXCLUSION_REGISTRY_2016,
): ExclusionRule[] {
  return rulesOf(metricId, registry);
}

/**
 * exclusionsFor for any key the engine resolves (printed figure ids have no rules); with `at`, only the rules that
 * hold for values of that period (ruleHolds).
 */
export function rulesOf(key: string, registry: readonly ExclusionRule[], at?: RuleAt): ExclusionRule[] {
  const baseId = key.split(':')[0] as string;
  return registry.filter(
    (rule) => (rule.metrics as readonly string[]).includes(baseId) && (at === undefined || ruleHolds(rule, at)),
  );
}

/**
 * The rules of a metric that do NOT hold for values of a period: their `scope.otherwise` says what applies instead.
 * @example
 * rulesSetAside('outcome_proportion', EXCLUSION_REGISTRY_2016, { period: { type: 'financial-year', startYear: 2017 } })
 *   .map((rule) => rule.force).slice(0, 3)
 * // ['dorset', 'derbyshire', 'suffolk']
 */
export function rulesSetAside(key: string, registry: readonly ExclusionRule[], at: RuleAt): ExclusionRule[] {
  return rulesOf(key, registry).filter((rule) => !ruleHolds(rule, at));
}

/**
 * The rule (if any) for one force on one metric, most severe treatment first (excluded > combined > flagged).
 * @example ruleFor('ocgs_per_million', 'city-of-london')?.treatment // 'excluded'
 */
export function ruleFor(
  metricId: MetricKey | PartId,
  force: string,
  registry: readonly ExclusionRule[] = EXCLUSION_REGISTRY_2016,
): ExclusionRule | undefined {
  return ruleOf(metricId, force, registry);
}

/** ruleFor for any key the engine resolves. */
export function ruleOf(key: string, force: string, registry: readonly ExclusionRule[]): ExclusionRule | undefined {
  const rules = rulesOf(key, registry).filter((rule) => rule.force === force);
  return rules.sort((a, b) => EXCLUSION_TREATMENTS.indexOf(a.treatment) - EXCLUSION_TREATMENTS.indexOf(b.treatment))[0];
}
