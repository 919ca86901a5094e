import { gzipSync } from 'node:zlib';
import { territorialForces } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { ForceReportSchema } from '../schema/report.ts';
import { ReportMetricsSchema } from '../schema/report-metrics.ts';
import { reportPayloadSchema } from '../schema/report-views.ts';
import { buildForceReport } from './build-force-report.ts';
import { expandReport } from './lean-report.ts';
import { reportPeriods } from './periods.ts';
import { reportMetrics } from './report-metrics.ts';
import {
  METHOD_CHOICE_KEYS,
  METHOD_TEXT_FIELDS,
  METHOD_TEXT_KEYS,
  reportPayload,
  reportValues,
} from './report-views.ts';

type Json = Record<string, unknown>;
/** A report as the API builds it (the model plus `metrics`), through JSON. */
function apiReport(slug: string, periodEnd?: string): Json {
  const report = buildForceReport(slug, periodEnd ? { periodEnd } : {});
  return JSON.parse(JSON.stringify({ ...report, metrics: reportMetrics(report) })) as Json;
}
const sent = (value: unknown) => JSON.parse(JSON.stringify(value)) as ReturnType<typeof reportPayload>;
const FullModelSchema = ForceReportSchema.extend({ metrics: ReportMetricsSchema });

/** Every [key, value] pair under `value`, depth first. */
function* entries(value: unknown, key = ''): Generator<[string, unknown]> {
  yield [key, value];
  if (Array.isArray(value)) for (const item of value) yield* entries(item, key);
  else if (typeof value === 'object' && value !== null) {
    for (const [field, item] of Object.entries(value)) yield* entries(item, field);
  }
}
const textsUnder = (value: unknown, keys: string[]) =>
  [...entries(value)]
    .filter(([key, item]) => keys.includes(key) && (typeof item === 'string' || Array.isArray(item)))
    .flatMap(([, item]) => (Array.isArray(item) ? item : [item]))
    .filter((item): item is string => typeof item === 'string')
    .sort();

type Bar = { force: { slug: string }; value: unknown; band?: Json; caveats: string[] };
type ValuesBar = { force: string; value: unknown; band?: unknown; rank?: number; caveats: string[] };
type ByForce = { kind: 'by-force'; bars: Bar[]; banding: Json };

describe('report views', () => {
  const durham = apiReport('durham');
  const values = sent(reportPayload(durham, { view: 'values' }));
  const expanded = expandReport<Json>(values);

  it('full is the lean model: it expands back to the model with `metrics`', () => {
    expect(expandReport(sent(reportPayload(durham, { view: 'full' })))).toEqual(durham);
  });

  it('values expands to the model without the method text: no sources, footnotes, exclusion notes or metrics', () => {
    expect(expanded).toEqual(reportValues(durham));
    for (const field of METHOD_TEXT_FIELDS) expect(expanded).not.toHaveProperty(field);
    const methodText = [...entries(expanded)].filter(
      ([key, item]) => (METHOD_TEXT_KEYS as readonly string[]).includes(key) && typeof item === 'string',
    );
    // Such a key stays only in a record of method choices (`variants.denominator: 'mid-year-nearest'`).
    const choices: readonly string[] = METHOD_CHOICE_KEYS;
    const variantValues = new Set(
      [...entries(expanded)]
        .filter(([key, value]) => choices.includes(key) && typeof value === 'object' && value !== null)
        .flatMap(([, v]) => Object.values(v as Json)),
    );
    expect(methodText.filter(([, item]) => !variantValues.has(item))).toEqual([]);
  });

  it('values keeps every caveat and every reason a missing value gives, as the full model has them', () => {
    const body = Object.fromEntries(
      Object.entries(durham).filter(([field]) => !(METHOD_TEXT_FIELDS as readonly string[]).includes(field)),
    );
    expect(textsUnder(expanded, ['caveats', 'reason'])).toEqual(textsUnder(body, ['caveats', 'reason']));
    expect(textsUnder(expanded, ['reason']).length).toBeGreaterThan(10);
  });

  it("values keeps every figure value; a bar's band and rank are the model's, other band fields the figure's", () => {
    const modelFigures = (durham.figures as ByForce[]).filter((figure) => figure.kind === 'by-force');
    const valueFigures = (expanded.figures as { kind: string; bars: ValuesBar[] }[]).filter(
      (figure) => figure.kind === 'by-force',
    );
    expect(valueFigures).toHaveLength(modelFigures.length);
    let banded = 0;
    modelFigures.forEach((figure, index) => {
      const bars = valueFigures[index]?.bars ?? [];
      expect(bars.map((bar) => [bar.force, bar.value, bar.caveats])).toEqual(
        figure.bars.map((bar) => [bar.force.slug, bar.value, bar.caveats]),
      );
      figure.bars.forEach((bar, at) => {
        const band = bar.band;
        if (band && typeof band.band === 'string') {
          banded += 1;
          expect([bars[at]?.band, bars[at]?.rank]).toEqual([band.band, band.rank]);
          // What the values view leaves out of a bar is restated by the figure's banding (or derived from it).
          const { n, k, cutoffs, direction } = figure.banding;
          expect({ n: band.n, k: band.k, cutoffs: band.cutoffs, direction: band.direction }).toEqual({
            n,
            k,
            cutoffs,
            direction,
          });
          expect(band.rankFromBottom).toBe((band.n as number) + 1 - (band.rank as number));
        } else expect(bars[at]?.band).toEqual(band);
      });
    });
    // More than one figure banded its 43 bars.
    expect(banded).toBeGreaterThan(43);
  });

  it('values payloads are self-contained: every id a payload writes is in its own maps', () => {
    expect(() => expandReport(values)).not.toThrow();
    const noteIds = textsUnder(values, ['reason', 'caveats']);
    for (const id of noteIds) expect(values.notes).toHaveProperty(id);
  });

  it('rejects an unknown view, naming the views', () => {
    expect(() => reportPayload(durham, { view: 'compact' as never })).toThrow(/unknown view 'compact'.*values, full/);
  });

  // Issue 13's budget for a force report as the API sends it by default; sizes are deterministic, so a test.
  it.each(territorialForces.map((force) => force.slug))(
    '%s: the values payload fits the schema and the budget (≤ 150,000 bytes of JSON, ≤ 20,000 gzip)',
    (slug) => {
      const report = apiReport(slug);
      const payload = reportPayload(report, { view: 'values' });
      const json = JSON.stringify(payload);
      expect(reportPayloadSchema(FullModelSchema, { view: 'values' }).safeParse(JSON.parse(json)).error).toBe(
        undefined,
      );
      expect(json.length).toBeLessThanOrEqual(150_000);
      expect(gzipSync(json, { level: 6 }).length).toBeLessThanOrEqual(20_000);
      expect(
        reportPayloadSchema(FullModelSchema, { view: 'full' }).safeParse(sent(reportPayload(report, { view: 'full' })))
          .error,
      ).toBe(undefined);
    },
  );

  it('a regenerated report (the latest period) has the same two views, each matching its schema', () => {
    const latest = reportPeriods().at(-1);
    const report = apiReport('durham', latest);
    for (const view of ['values', 'full'] as const) {
      const payload = sent(reportPayload(report, { view }));
      expect(reportPayloadSchema(FullModelSchema, { view }).safeParse(payload).error).toBe(undefined);
    }
    expect(expandReport(sent(reportPayload(report, { view: 'values' })))).toEqual(reportValues(report));
  });
});
