/**
 * The public ids of the metrics, in the spec's catalogue order (spec §b). Ids are spelled once, in metric-id.ts and
 * part-id.ts; everything else refers to one through `METRIC` / `PART` (or the registry), so a renamed id is one edit
 * and a typo is a type error. Kept apart from the registry so the pure core (exclusion rules) can name metrics
 * without loading it.
 */
import * as ID from './metric-id.ts';
import * as PART_ID from './part-id.ts';

/**
 * Every metric id of the catalogue, in the spec's order.
 * @example METRIC_IDS[0] // 'crime_rate_total_excl_fraud'
 */
export const METRIC_IDS = [
  ID.crime_rate_total_excl_fraud,
  ID.crime_rate_victim_based,
  ID.crime_rate_sexual_offences,
  ID.crime_rate_assault_with_injury,
  ID.crime_rate_burglary_dwelling,
  ID.crime_rate_trend_5yr,
  ID.crime_change_vs_2011,
  ID.victim_based_crime_change_vs_2011,
  ID.crime_change_yoy,
  ID.forces_with_annual_crime_increase,
  ID.asb_rate,
  ID.asb_rate_change_yoy,
  ID.cpn_usage,
  ID.staff_survey_responses,
  ID.public_satisfaction_local_policing,
  ID.public_satisfaction_change_vs_2015,
  ID.victim_satisfaction_whole_experience,
  ID.outcome_proportion,
  ID.outcomes_assigned_total,
  ID.outcomes_not_yet_assigned,
  ID.evidential_difficulties_victim_not_support_pct,
  ID.file_review_count,
  ID.wanted_persons_pnc_rate,
  ID.foreign_national_arrests_pct,
  ID.iom_cohort,
  ID.iom_reoffending_target,
  ID.vulnerable_victim_crime_pct,
  ID.da_calls_per_1000,
  ID.da_recorded_change,
  ID.da_share_of_recorded_crime,
  ID.da_arrest_rate,
  ID.da_outcome_rate,
  ID.right_to_ask,
  ID.right_to_know,
  ID.dvpo_applications,
  ID.victims_would_call_again_pct,
  ID.ocgs_per_million,
  ID.ocg_predominant_crime_type_share,
  ID.calls_for_assistance_per_1000,
] as const;

/** One of METRIC_IDS. */
export type MetricId = (typeof METRIC_IDS)[number];

/**
 * A row of a metric that has rows, e.g. `outcome_proportion:charged-summonsed` (one outcome type of Figure 4).
 * @example const id: RowMetricId = 'outcome_proportion:charged-summonsed';
 */
export type RowMetricId = `${MetricId}:${string}`;

/** What the metric functions accept: a metric id, or one row of a metric with rows. */
export type MetricKey = MetricId | RowMetricId;

/**
 * Ids of the parts a metric is shown as (a printed count and the rate rebuilt from it). They are also the ids of the
 * printed figures in peel-data's `durhamPublished`.
 * @example PART_IDS.includes('right_to_ask_rate') // true
 */
export const PART_IDS = [
  PART_ID.right_to_ask_count,
  PART_ID.right_to_ask_rate,
  PART_ID.right_to_know_count,
  PART_ID.right_to_know_rate,
] as const;

/** One of PART_IDS. */
export type PartId = (typeof PART_IDS)[number];

/**
 * Every metric id by name, so code names a metric without spelling it as a string.
 * @example METRIC.asb_rate // 'asb_rate'
 */
export const METRIC: typeof ID = ID;

/**
 * Every part id by name.
 * @example PART.right_to_ask_rate // 'right_to_ask_rate'
 */
export const PART: typeof PART_ID = PART_ID;

/**
 * Whether a string is a metric id.
 * @example isMetricId('asb_rate') // true
 */
export function isMetricId(id: string): id is MetricId {
  return (METRIC_IDS as readonly string[]).includes(id);
}
