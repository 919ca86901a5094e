// peel-data: typed PEEL 2016 datasets with provenance. The per-dataset entries (entries/*) are re-exported whole;
// everything else by name.
export { MISSING_CODES, MISSING_CODE_LABELS, formatMissing, isMissing, missing } from './types/missing.ts';
export type { Missing, MissingCode, NumberOrMissing } from './types/missing.ts';
export { formatDate, formatPeriod } from './types/period.ts';
export type {
  CalendarYearPeriod,
  ChangePeriod,
  FinancialYearPeriod,
  MidYearPeriod,
  Period,
  ProjectionPeriod,
  RangePeriod,
  Rolling12mPeriod,
  SnapshotPeriod,
} from './types/period.ts';
export { DENOMINATOR_KINDS, SOURCE_IDS } from './types/provenance.ts';
export type { DenominatorKind, Provenance, RatioCounts, Source, SourceId } from './types/provenance.ts';
export * from './entries/forces.ts';
export * from './entries/population.ts';
export * from './entries/recorded-crime.ts';
export * from './entries/judgments.ts';
export * from './entries/catalogue.ts';
export {
  NOT_YET_ASSIGNED_HAS_NO_OUTCOME_DATE,
  OUTCOME_MEASURES,
  OUTCOME_OFFENCE_CODES_KEPT,
  OUTCOME_OFFENCE_GROUP_TO_RECORDED_CRIME,
  OUTCOME_PRESENTATION_GROUPS,
  OUTCOME_TYPES,
  OUTCOME_TYPES_NOT_IN_REPORT,
  outcomeCount,
  outcomeTypes,
  outcomeTypesOfGroup,
  sumCounts,
} from './datasets/outcomes.ts';
export type {
  MappingBasis,
  OutcomeMeasure,
  OutcomeOffenceCode,
  OutcomeOffenceGroup,
  OutcomePresentationGroup,
  OutcomeQuery,
  OutcomeTypeDefinition,
  OutcomeTypeInfo,
  OutcomesDataset,
  OutcomesImportReport,
} from './datasets/outcomes.ts';
export { hoOutcomes201718 } from './generated/outcomes.ts';
export { ASB_CRIME_TYPE, NO_OUTCOME_LABEL, asbIncidents, policeUkCrimes, streetCount } from './datasets/police-uk.ts';
export type {
  PoliceUkAggregatesDataset,
  PoliceUkImportReport,
  PoliceUkStreetCountsDataset,
} from './datasets/police-uk.ts';
export { policeUkAggregates20122016 } from './generated/police-uk.ts';
export { getSource, sources } from './datasets/sources.ts';
export { bundledRelease } from './release.ts';
export type { PeelRelease } from './release.ts';
export { countDiff, diffReleases, isEmptyDiff } from './diff.ts';
export type { ComparableRelease, DiffOptions, ReleaseDiff, RowChange, ValueChange } from './diff.ts';
