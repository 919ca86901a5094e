// peel-data/schemas: the zod schemas of every dataset, for validating data you bring (the bundled datasets were
// validated when they were generated, so nothing else in peel-data loads zod). Named re-exports only.
export { MissingSchema, NumberOrMissingSchema } from '../schema/missing.ts';
export {
  CalendarYearPeriodSchema,
  ChangePeriodSchema,
  FinancialYearPeriodSchema,
  MidYearPeriodSchema,
  PeriodSchema,
  ProjectionPeriodSchema,
  RangePeriodSchema,
  Rolling12mPeriodSchema,
  SnapshotPeriodSchema,
} from '../schema/period.ts';
export { ProvenanceSchema, RatioCountsSchema, SourceIdSchema, SourceSchema } from '../schema/provenance.ts';
export { ForceSchema, ForceSlugSchema } from '../schema/force.ts';
export { HouseholdsDatasetSchema, PopulationDatasetSchema } from '../schema/population.ts';
export { OffenceGroupIdSchema, RecordedCrimeDatasetSchema, RecordedCrimeNoteSchema } from '../schema/recorded-crime.ts';
export { GradeSchema, JudgmentSchema, JudgmentSourceSchema } from '../schema/judgment.ts';
export {
  DurhamPublishedSchema,
  PrintedPeriodSchema,
  PublishedFigureSchema,
  PublishedOutcomeRowSchema,
  PublishedTableMetaSchema,
  PublishedValueSchema,
} from '../schema/published.ts';
export {
  BoundaryCollectionSchema,
  BoundaryFeatureSchema,
  MultiPolygonSchema,
  PolygonSchema,
} from '../schema/boundary.ts';
export {
  OutcomeOffenceCodeSchema,
  OutcomeOffenceGroupSchema,
  OutcomeTypeInfoSchema,
  OutcomeTypeNumberSchema,
  OutcomesDatasetSchema,
  OutcomesImportReportSchema,
} from '../schema/outcomes.ts';
export { PoliceUkAggregatesDatasetSchema, PoliceUkStreetCountsDatasetSchema } from '../schema/police-uk.ts';
