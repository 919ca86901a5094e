// peel-data: typed PEEL 2016 datasets with provenance. Named re-exports only.
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
export { COUNTRIES, FORCE_KINDS } from './types/force.ts';
export type { Country, Force, ForceKind } from './types/force.ts';
export {
  ENGLAND_AND_WALES,
  UnknownForceError,
  UnknownForceNameError,
  findForce,
  forces,
  getForce,
  resolveForce,
  resolveForceName,
  territorialForces,
} from './datasets/forces.ts';
export type { HouseholdsDataset, PopulationDataset } from './types/population.ts';
export { POPULATION_YEARS, households, householdsOf, population, populationOf } from './datasets/population.ts';
export { FRAUD_BODIES, OFFENCE_CATEGORIES, OFFENCE_GROUPS } from './types/recorded-crime.ts';
export type {
  FraudBodyId,
  OffenceCategory,
  OffenceGroup,
  OffenceGroupId,
  RecordedCrimeDataset,
  RecordedCrimeNote,
} from './types/recorded-crime.ts';
export { recordedCrime, recordedCrimeCount } from './datasets/recorded-crime.ts';
export { GRADES, JUDGMENT_QUESTIONS, JUDGMENT_YEARS } from './types/judgment.ts';
export type { Grade, Judgment, JudgmentQuestion, JudgmentSource, JudgmentYear } from './types/judgment.ts';
export { judgmentOf, judgments } from './datasets/judgments.ts';
export type {
  DurhamPublished,
  PrintedPeriod,
  PublishedFigure,
  PublishedOutcomeRow,
  PublishedTableMeta,
  PublishedValue,
} from './types/published.ts';
export { durhamPublished, getPublishedFigure } from './datasets/durham-published.ts';
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
