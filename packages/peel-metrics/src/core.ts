// peel-metrics/core: HMIC's method as pure functions only (no dataset is read or bundled). Named re-exports only.
export { roundHalfAwayFromZero } from './format/round.ts';
export { DISPLAY_UNITS, formatValue } from './format/format-value.ts';
export { RATE_SCALE, RATE_UNITS, RATE_UNIT_LABEL, computeRate, populationYearForPeriodEnd } from './rate.ts';
export type { RateUnit } from './rate.ts';
export { CHANGE_BASES, changeBetween, percentChange } from './change.ts';
export type { ChangeBasis, CountWithDenominator } from './change.ts';
export { meanOfForceRates, poolEnglandWales } from './aggregate.ts';
export type { EnglandWalesAggregate, LeftOut, PoolInput } from './aggregate.ts';
export {
  BRITISH_TRANSPORT_POLICE,
  EXCLUSION_REGISTRY_2016,
  EXCLUSION_TREATMENTS,
  exclusionsFor,
  ruleFor,
} from './exclusions.ts';
export type { ExclusionRule, ExclusionTreatment } from './exclusions.ts';
export { BANDING_RULE, BANDS, BAND_LABEL, bandForces, tailSize } from './banding.ts';
export type { Band, BandedForce, Banding } from './banding.ts';
export { COMPARISONS, COMPARISON_LABEL, compareWithEnglandWales } from './compare.ts';
export type { Comparison } from './compare.ts';
export { proportionsWithGroups } from './proportions.ts';
export type { ProportionGroup, ProportionRow, ProportionTable } from './proportions.ts';
