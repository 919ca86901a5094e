/**
 * Each zod schema's output is exactly its hand-written type (types/*.ts). The checks are type-level: `pnpm check`
 * (tsc) fails when a schema and its type drift apart; the runtime part parses the bundled data with each schema.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { forceBoundaries } from '../datasets/boundaries.ts';
import { durhamPublished } from '../datasets/durham-published.ts';
import { forces } from '../datasets/forces.ts';
import { judgments } from '../datasets/judgments.ts';
import { households, population } from '../datasets/population.ts';
import { recordedCrime } from '../datasets/recorded-crime.ts';
import { sources } from '../datasets/sources.ts';
import { hoOutcomes201718 } from '../generated/outcomes.ts';
import { policeUkAggregates20122016 } from '../generated/police-uk.ts';
import type { BoundaryCollection, BoundaryFeature, MultiPolygon, Polygon } from '../types/boundary.ts';
import type { Force } from '../types/force.ts';
import type { Grade, Judgment, JudgmentSource } from '../types/judgment.ts';
import type { Missing, NumberOrMissing } from '../types/missing.ts';
import type { ChangePeriod, FinancialYearPeriod, Period, ProjectionPeriod } from '../types/period.ts';
import type { HouseholdsDataset, PopulationDataset } from '../types/population.ts';
import type {
  OutcomeOffenceCode,
  OutcomeOffenceGroup,
  OutcomeTypeInfo,
  OutcomesDataset,
  OutcomesImportReport,
} from '../types/outcomes.ts';
import type { PoliceUkAggregatesDataset, PoliceUkStreetCountsDataset } from '../types/police-uk.ts';
import type { Provenance, RatioCounts, Source, SourceId } from '../types/provenance.ts';
import type {
  DurhamPublished,
  PrintedPeriod,
  PublishedFigure,
  PublishedOutcomeRow,
  PublishedTableMeta,
  PublishedValue,
} from '../types/published.ts';
import type { OffenceGroupId, RecordedCrimeDataset, RecordedCrimeNote } from '../types/recorded-crime.ts';
import { BoundaryCollectionSchema, BoundaryFeatureSchema, MultiPolygonSchema, PolygonSchema } from './boundary.ts';
import { ForceSchema } from './force.ts';
import { GradeSchema, JudgmentSchema, JudgmentSourceSchema } from './judgment.ts';
import { MissingSchema, NumberOrMissingSchema } from './missing.ts';
import { ChangePeriodSchema, FinancialYearPeriodSchema, PeriodSchema, ProjectionPeriodSchema } from './period.ts';
import { HouseholdsDatasetSchema, PopulationDatasetSchema } from './population.ts';
import {
  OutcomeOffenceCodeSchema,
  OutcomeOffenceGroupSchema,
  OutcomeTypeInfoSchema,
  OutcomesDatasetSchema,
  OutcomesImportReportSchema,
} from './outcomes.ts';
import { PoliceUkAggregatesDatasetSchema, PoliceUkStreetCountsDatasetSchema } from './police-uk.ts';
import { ProvenanceSchema, RatioCountsSchema, SourceIdSchema, SourceSchema } from './provenance.ts';
import {
  DurhamPublishedSchema,
  PrintedPeriodSchema,
  PublishedFigureSchema,
  PublishedOutcomeRowSchema,
  PublishedTableMetaSchema,
  PublishedValueSchema,
} from './published.ts';
import { OffenceGroupIdSchema, RecordedCrimeDatasetSchema, RecordedCrimeNoteSchema } from './recorded-crime.ts';

describe('each schema outputs its hand-written type', () => {
  it('missing markers and periods', () => {
    expectTypeOf<z.output<typeof MissingSchema>>().toEqualTypeOf<Missing>();
    expectTypeOf<z.output<typeof NumberOrMissingSchema>>().toEqualTypeOf<NumberOrMissing>();
    expectTypeOf<z.output<typeof PeriodSchema>>().toEqualTypeOf<Period>();
    expectTypeOf<z.output<typeof ChangePeriodSchema>>().toEqualTypeOf<ChangePeriod>();
    expectTypeOf<z.output<typeof FinancialYearPeriodSchema>>().toEqualTypeOf<FinancialYearPeriod>();
    expectTypeOf<z.output<typeof ProjectionPeriodSchema>>().toEqualTypeOf<ProjectionPeriod>();
  });

  it('sources, provenance and forces', () => {
    expectTypeOf<z.output<typeof SourceIdSchema>>().toEqualTypeOf<SourceId>();
    expectTypeOf<z.output<typeof SourceSchema>>().toEqualTypeOf<Source>();
    expectTypeOf<z.output<typeof ProvenanceSchema>>().toEqualTypeOf<Provenance>();
    expectTypeOf<z.output<typeof RatioCountsSchema>>().toEqualTypeOf<RatioCounts>();
    expectTypeOf<z.output<typeof ForceSchema>>().toEqualTypeOf<Force>();
  });

  it('datasets', () => {
    expectTypeOf<z.output<typeof OffenceGroupIdSchema>>().toEqualTypeOf<OffenceGroupId>();
    expectTypeOf<z.output<typeof RecordedCrimeNoteSchema>>().toEqualTypeOf<RecordedCrimeNote>();
    expectTypeOf<z.output<typeof RecordedCrimeDatasetSchema>>().toEqualTypeOf<RecordedCrimeDataset>();
    expectTypeOf<z.output<typeof PopulationDatasetSchema>>().toEqualTypeOf<PopulationDataset>();
    expectTypeOf<z.output<typeof HouseholdsDatasetSchema>>().toEqualTypeOf<HouseholdsDataset>();
    expectTypeOf<z.output<typeof JudgmentSourceSchema>>().toEqualTypeOf<JudgmentSource>();
    expectTypeOf<z.output<typeof JudgmentSchema>>().toEqualTypeOf<Judgment>();
    expectTypeOf<z.output<typeof GradeSchema>>().toEqualTypeOf<Grade>();
    expectTypeOf<Extract<Judgment['grade'], string>>().toEqualTypeOf<Grade | 'ungraded'>();
    expectTypeOf<z.output<typeof OutcomeTypeInfoSchema>>().toEqualTypeOf<OutcomeTypeInfo>();
    expectTypeOf<z.output<typeof OutcomeOffenceGroupSchema>>().toEqualTypeOf<OutcomeOffenceGroup>();
    expectTypeOf<z.output<typeof OutcomeOffenceCodeSchema>>().toEqualTypeOf<OutcomeOffenceCode>();
    expectTypeOf<z.output<typeof OutcomesDatasetSchema>>().toEqualTypeOf<OutcomesDataset>();
    expectTypeOf<z.output<typeof OutcomesImportReportSchema>>().toEqualTypeOf<OutcomesImportReport>();
    expectTypeOf<z.output<typeof PoliceUkAggregatesDatasetSchema>>().toEqualTypeOf<PoliceUkAggregatesDataset>();
    expectTypeOf<z.output<typeof PoliceUkStreetCountsDatasetSchema>>().toEqualTypeOf<PoliceUkStreetCountsDataset>();
  });

  it('boundaries and the printed report', () => {
    expectTypeOf<z.output<typeof PolygonSchema>>().toEqualTypeOf<Polygon>();
    expectTypeOf<z.output<typeof MultiPolygonSchema>>().toEqualTypeOf<MultiPolygon>();
    expectTypeOf<z.output<typeof BoundaryFeatureSchema>>().toEqualTypeOf<BoundaryFeature>();
    expectTypeOf<z.output<typeof BoundaryCollectionSchema>>().toEqualTypeOf<BoundaryCollection>();
    expectTypeOf<z.output<typeof PrintedPeriodSchema>>().toEqualTypeOf<PrintedPeriod>();
    expectTypeOf<z.output<typeof PublishedValueSchema>>().toEqualTypeOf<PublishedValue>();
    expectTypeOf<z.output<typeof PublishedFigureSchema>>().toEqualTypeOf<PublishedFigure>();
    expectTypeOf<z.output<typeof PublishedOutcomeRowSchema>>().toEqualTypeOf<PublishedOutcomeRow>();
    expectTypeOf<z.output<typeof PublishedTableMetaSchema>>().toEqualTypeOf<PublishedTableMeta>();
    expectTypeOf<z.output<typeof DurhamPublishedSchema>>().toEqualTypeOf<DurhamPublished>();
  });

  it('the bundled data, shipped without validation at import, passes every schema', () => {
    for (const force of forces) expect(ForceSchema.safeParse(force).error).toBeUndefined();
    for (const judgment of judgments) expect(JudgmentSchema.safeParse(judgment).error).toBeUndefined();
    for (const source of sources) expect(SourceSchema.safeParse(source).error).toBeUndefined();
    expect(RecordedCrimeDatasetSchema.safeParse(recordedCrime).error).toBeUndefined();
    expect(PopulationDatasetSchema.safeParse(population).error).toBeUndefined();
    expect(HouseholdsDatasetSchema.safeParse(households).error).toBeUndefined();
    expect(BoundaryCollectionSchema.safeParse(forceBoundaries).error).toBeUndefined();
    expect(DurhamPublishedSchema.safeParse(durhamPublished).error).toBeUndefined();
    expect(OutcomesDatasetSchema.safeParse(hoOutcomes201718).error).toBeUndefined();
    expect(PoliceUkAggregatesDatasetSchema.safeParse(policeUkAggregates20122016).error).toBeUndefined();
  });
});
