/**
 * Each zod schema of `peel-metrics/schemas` outputs exactly its hand-written type (src/model/types.ts and friends).
 * Two layers: `objectSchema<T>()` / `schemaOf<T>()` refuse to compile a schema whose own output is not T (TypeScript's
 * identity relation: both directions, optional fields included; the `@ts-expect-error` cases below show it biting),
 * and the checks here show the exported schemas' outputs are those types. `pnpm check` (tsc) runs the type-level
 * part; the runtime part parses real models of every territorial force with the schemas.
 */
import { bundledRelease, territorialForces } from 'peel-data';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { LeftOut } from '../aggregate.ts';
import type { Band } from '../banding.ts';
import type { Comparison } from '../compare.ts';
import { metricForAllForces, metricSeries } from '../metrics/metric-table.ts';
import type { ReconciliationRow } from '../model/reconciliation.ts';
import type {
  AnyPeriod,
  BandingSummary,
  BandResult,
  ByForceFigure,
  EnglandWalesValue,
  Figure,
  ForceBar,
  ForceInNumbersArea,
  ForceRef,
  ForceReport,
  GradeHistory,
  JudgmentEntry,
  JudgmentValue,
  MeasuredValue,
  MetricDefinitionRef,
  MetricFigure,
  MetricRow,
  MetricSeries,
  MetricTable,
  PublishedBand,
  PublishedComparison,
  ReportEdition,
  Sentence,
  SentenceValue,
  SeriesFigure,
  SeriesPoint,
  TableFigure,
  TableRow,
} from '../model/types.ts';
import { METRIC } from '../registry/ids.ts';
import type { MetricDefinition } from '../registry/definition.ts';
import { metricDefinitions } from '../registry/registry.ts';
import { buildForceReport } from '../report/build-force-report.ts';
import { gradeHistory } from '../report/grade-history.ts';
import { reportMetrics, type ReportMetric, type ReportMetricRow } from '../report/report-metrics.ts';
import { MetricDefinitionSchema } from './metric-definition.ts';
import { ReconciliationRowSchema } from './reconciliation.ts';
import * as report from './report.ts';
import { ReportMetricRowSchema, ReportMetricSchema, ReportMetricsSchema } from './report-metrics.ts';
import { objectSchema, schemaOf } from './typed.ts';

type Out<S extends z.ZodType> = z.output<S>;

describe('each schema outputs its hand-written type', () => {
  it('values, bands and comparisons', () => {
    expectTypeOf<Out<typeof report.ReportEditionSchema>>().toEqualTypeOf<ReportEdition>();
    expectTypeOf<Out<typeof report.JudgmentValueSchema>>().toEqualTypeOf<JudgmentValue>();
    expectTypeOf<Out<typeof report.AnyPeriodSchema>>().toEqualTypeOf<AnyPeriod>();
    expectTypeOf<Out<typeof report.ForceRefSchema>>().toEqualTypeOf<ForceRef>();
    expectTypeOf<Out<typeof report.MeasuredValueSchema>>().toEqualTypeOf<MeasuredValue>();
    expectTypeOf<Out<typeof report.LeftOutSchema>>().toEqualTypeOf<LeftOut>();
    expectTypeOf<Out<typeof report.EnglandWalesValueSchema>>().toEqualTypeOf<EnglandWalesValue>();
    expectTypeOf<Out<typeof report.BandSchema>>().toEqualTypeOf<Band>();
    expectTypeOf<Out<typeof report.ComparisonSchema>>().toEqualTypeOf<Comparison>();
    expectTypeOf<Out<typeof report.BandResultSchema>>().toEqualTypeOf<BandResult>();
    expectTypeOf<Out<typeof report.BandingSummarySchema>>().toEqualTypeOf<BandingSummary>();
    expectTypeOf<Out<typeof report.PublishedComparisonSchema>>().toEqualTypeOf<PublishedComparison>();
    expectTypeOf<Out<typeof report.PublishedBandSchema>>().toEqualTypeOf<PublishedBand>();
    expectTypeOf<Out<typeof report.MetricFigureSchema>>().toEqualTypeOf<MetricFigure>();
  });

  it('figures, sentences and the report', () => {
    expectTypeOf<Out<typeof report.SentenceValueSchema>>().toEqualTypeOf<SentenceValue>();
    expectTypeOf<Out<typeof report.SentenceSchema>>().toEqualTypeOf<Sentence>();
    expectTypeOf<Out<typeof report.SeriesPointSchema>>().toEqualTypeOf<SeriesPoint>();
    expectTypeOf<Out<typeof report.ForceBarSchema>>().toEqualTypeOf<ForceBar>();
    expectTypeOf<Out<typeof report.SeriesFigureSchema>>().toEqualTypeOf<SeriesFigure>();
    expectTypeOf<Out<typeof report.TableRowSchema>>().toEqualTypeOf<TableRow>();
    expectTypeOf<Out<typeof report.TableFigureSchema>>().toEqualTypeOf<TableFigure>();
    expectTypeOf<Out<typeof report.ByForceFigureSchema>>().toEqualTypeOf<ByForceFigure>();
    expectTypeOf<Out<typeof report.FigureSchema>>().toEqualTypeOf<Figure>();
    expectTypeOf<Out<typeof report.JudgmentEntrySchema>>().toEqualTypeOf<JudgmentEntry>();
    expectTypeOf<Out<typeof report.ForceInNumbersAreaSchema>>().toEqualTypeOf<ForceInNumbersArea>();
    expectTypeOf<Out<typeof report.ForceReportSchema>>().toEqualTypeOf<ForceReport>();
    expectTypeOf<Out<typeof ReconciliationRowSchema>>().toEqualTypeOf<ReconciliationRow>();
  });

  it('tables, series, grade history, the catalogue and its map', () => {
    expectTypeOf<Out<typeof report.MetricRowSchema>>().toEqualTypeOf<MetricRow>();
    expectTypeOf<Out<typeof report.MetricDefinitionRefSchema>>().toEqualTypeOf<MetricDefinitionRef>();
    expectTypeOf<Out<typeof report.MetricTableSchema>>().toEqualTypeOf<MetricTable>();
    expectTypeOf<Out<typeof report.MetricSeriesSchema>>().toEqualTypeOf<MetricSeries>();
    expectTypeOf<Out<typeof report.GradeHistorySchema>>().toEqualTypeOf<GradeHistory>();
    expectTypeOf<Out<typeof MetricDefinitionSchema>>().toEqualTypeOf<MetricDefinition>();
    expectTypeOf<Out<typeof ReportMetricRowSchema>>().toEqualTypeOf<ReportMetricRow>();
    expectTypeOf<Out<typeof ReportMetricSchema>>().toEqualTypeOf<ReportMetric>();
    expectTypeOf<Out<typeof ReportMetricsSchema>>().toEqualTypeOf<ReturnType<typeof reportMetrics>>();
  });

  it('objectSchema and schemaOf refuse a schema whose output differs from the type, either way', () => {
    type Row = { a: string; b?: number | undefined };
    const exact = objectSchema<Row>()(z.object({ a: z.string(), b: z.number().optional() }).strict());
    expect(exact.parse({ a: 'x' })).toEqual({ a: 'x' });
    // @ts-expect-error the schema lacks the type's optional field `b`
    objectSchema<Row>()(z.object({ a: z.string() }).strict());
    // @ts-expect-error the schema has a field `c` the type lacks
    objectSchema<Row>()(z.object({ a: z.string(), b: z.number().optional(), c: z.string() }).strict());
    // @ts-expect-error the schema's `a` is narrower than the type's
    objectSchema<Row>()(z.object({ a: z.literal('x'), b: z.number().optional() }).strict());
    // @ts-expect-error the schema's `b` is required where the type's is optional
    objectSchema<Row>()(z.object({ a: z.string(), b: z.number() }).strict());
    // @ts-expect-error a union schema wider than its type
    schemaOf<'a' | 'b'>()(z.enum(['a', 'b', 'c']));
    expect(schemaOf<'a' | 'b'>()(z.enum(['a', 'b'])).safeParse('c').success).toBe(false);
  });
});

describe('the schemas accept the models this package builds', () => {
  it.each(territorialForces.map((force) => force.slug))('%s: report, catalogue map, grade history', (slug) => {
    const model = buildForceReport(slug);
    expect(report.ForceReportSchema.safeParse(model).error).toBeUndefined();
    expect(ReportMetricsSchema.safeParse(reportMetrics(model)).error).toBeUndefined();
    expect(report.GradeHistorySchema.safeParse(gradeHistory(slug)).error).toBeUndefined();
  });

  it('metric tables and series, and the catalogue entries', () => {
    for (const definition of metricDefinitions()) {
      expect(MetricDefinitionSchema.safeParse(definition).error).toBeUndefined();
    }
    const table = metricForAllForces(METRIC.crime_rate_total_excl_fraud, { release: bundledRelease });
    expect(report.MetricTableSchema.safeParse(table).error).toBeUndefined();
    const series = metricSeries(METRIC.crime_rate_total_excl_fraud, 'durham');
    expect(report.MetricSeriesSchema.safeParse(series).error).toBeUndefined();
  });

  it('and reject a model with a field changed (the strict schemas can fail)', () => {
    const model = buildForceReport('durham');
    expect(report.ForceReportSchema.safeParse({ ...model, extra: true }).success).toBe(false);
    expect(report.ForceReportSchema.safeParse({ ...model, edition: 'peel-2017' }).success).toBe(false);
  });
});
