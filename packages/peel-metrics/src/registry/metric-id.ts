/**
 * Every metric and part id as a named constant: the only place an id is spelled. Import it as a namespace
 * (`import * as METRIC from './metric-id.ts'`) so a bundler keeps only the ids a module names.
 */
export const crime_rate_total_excl_fraud = 'crime_rate_total_excl_fraud';
export const crime_rate_victim_based = 'crime_rate_victim_based';
export const crime_rate_sexual_offences = 'crime_rate_sexual_offences';
export const crime_rate_assault_with_injury = 'crime_rate_assault_with_injury';
export const crime_rate_burglary_dwelling = 'crime_rate_burglary_dwelling';
export const crime_rate_trend_5yr = 'crime_rate_trend_5yr';
export const crime_change_vs_2011 = 'crime_change_vs_2011';
export const victim_based_crime_change_vs_2011 = 'victim_based_crime_change_vs_2011';
export const crime_change_yoy = 'crime_change_yoy';
export const forces_with_annual_crime_increase = 'forces_with_annual_crime_increase';
export const asb_rate = 'asb_rate';
export const asb_rate_change_yoy = 'asb_rate_change_yoy';
export const cpn_usage = 'cpn_usage';
export const staff_survey_responses = 'staff_survey_responses';
export const public_satisfaction_local_policing = 'public_satisfaction_local_policing';
export const public_satisfaction_change_vs_2015 = 'public_satisfaction_change_vs_2015';
export const victim_satisfaction_whole_experience = 'victim_satisfaction_whole_experience';
export const outcome_proportion = 'outcome_proportion';
export const outcomes_assigned_total = 'outcomes_assigned_total';
export const outcomes_not_yet_assigned = 'outcomes_not_yet_assigned';
export const evidential_difficulties_victim_not_support_pct = 'evidential_difficulties_victim_not_support_pct';
export const file_review_count = 'file_review_count';
export const wanted_persons_pnc_rate = 'wanted_persons_pnc_rate';
export const foreign_national_arrests_pct = 'foreign_national_arrests_pct';
export const iom_cohort = 'iom_cohort';
export const iom_reoffending_target = 'iom_reoffending_target';
export const vulnerable_victim_crime_pct = 'vulnerable_victim_crime_pct';
export const da_calls_per_1000 = 'da_calls_per_1000';
export const da_recorded_change = 'da_recorded_change';
export const da_share_of_recorded_crime = 'da_share_of_recorded_crime';
export const da_arrest_rate = 'da_arrest_rate';
export const da_outcome_rate = 'da_outcome_rate';
export const right_to_ask = 'right_to_ask';
export const right_to_know = 'right_to_know';
export const dvpo_applications = 'dvpo_applications';
export const victims_would_call_again_pct = 'victims_would_call_again_pct';
export const ocgs_per_million = 'ocgs_per_million';
export const ocg_predominant_crime_type_share = 'ocg_predominant_crime_type_share';
export const calls_for_assistance_per_1000 = 'calls_for_assistance_per_1000';
