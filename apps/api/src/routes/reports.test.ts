import {
  buildForceReport,
  expandReport,
  type LeanReport,
  metricForAllForces,
  reportMetrics,
  metricDefinitions,
  reportValues,
} from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { expectProblem } from '../../test/helpers.ts';
import { ReportResponseSchema } from './reports.ts';
import { LeanReportResponseSchema, ReportValuesResponseSchema } from './schemas.ts';

const metricCatalogue = metricDefinitions();

const app = createApp();
type Report = import('zod').infer<typeof ReportResponseSchema>;
const getLean = async (force: string, view = 'full') =>
  (await (await app.request(`/v1/reports/peel-2016-effectiveness/${force}?view=${view}`)).json()) as LeanReport;
/** The full model from the lean body (issue 13), as a client gets it with peel-metrics' expandReport. */
const getReport = async (force: string) => expandReport<Report>(await getLean(force));

describe('GET /v1/reports/peel-2016-effectiveness/{force}', () => {
  it('matches the documented schema (so /openapi.json tells the truth)', async () => {
    const parsed = LeanReportResponseSchema.safeParse(await getLean('durham'));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    // Expanded, it is the full model the schema of peel-metrics describes.
    const full = ReportResponseSchema.safeParse(await getReport('durham'));
    expect(full.success, full.success ? '' : JSON.stringify(full.error.issues.slice(0, 3))).toBe(true);
  });

  it("answers with the report's values by default (issue 13), as peel-metrics' reportValues gives them", async () => {
    const response = await app.request('/v1/reports/peel-2016-effectiveness/durham');
    const body = (await response.json()) as LeanReport;
    const parsed = ReportValuesResponseSchema.safeParse(body);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    const model = buildForceReport('durham');
    expect(expandReport(body)).toEqual(
      JSON.parse(JSON.stringify(reportValues({ ...model, metrics: reportMetrics(model) }))),
    );
    // The same as asking for it by name, and a different body (and ETag) from the full view.
    const named = await app.request('/v1/reports/peel-2016-effectiveness/durham?view=values');
    expect(named.headers.get('etag')).toBe(response.headers.get('etag'));
    const full = await app.request('/v1/reports/peel-2016-effectiveness/durham?view=full');
    expect(full.headers.get('etag')).not.toBe(response.headers.get('etag'));
    expect(JSON.stringify(body).length).toBeLessThan((await full.text()).length * 0.7);
  });

  it('answers an unknown view with a 400 problem naming the views, and the CSV the same in either view', async () => {
    const problem = await app.request('/v1/reports/peel-2016-effectiveness/durham?view=summary');
    const body = await expectProblem(problem, 400);
    expect(JSON.stringify(body)).toMatch(/view/);
    expect(JSON.stringify(body)).toMatch(/values.*full/);
    const csv = async (view: string) =>
      (await app.request(`/v1/reports/peel-2016-effectiveness/durham.csv${view}`)).text();
    expect(await csv('?view=full')).toBe(await csv(''));
  });

  it("carries Durham's judgments as printed in its report (spec §a.3)", async () => {
    const report = await getReport('E23000008');
    expect(report.force.slug).toBe('durham');
    expect(report.judgments.overall.grade).toBe('outstanding');
    expect(report.judgments.questions.map((q) => q.grade)).toEqual([
      'outstanding',
      'good',
      'good',
      'outstanding',
      'ungraded',
    ]);
  });

  it('holds every catalogue metric under its spec id', async () => {
    const report = await getReport('durham');
    expect(Object.keys(report.metrics).sort()).toEqual(metricCatalogue.map((m) => m.id).sort());
    for (const [id, metric] of Object.entries(report.metrics)) {
      expect(metric.metricId, id).toBe(id);
      expect(
        typeof metric.value === 'number' || ('missing' in metric.value && metric.value.reason.length > 0),
        id,
      ).toBe(true);
    }
  });

  it('serves the value peel-metrics computes (the API computes nothing)', async () => {
    const report = await getReport('durham');
    const table = metricForAllForces('crime_rate_total_excl_fraud');
    const durham = table.rows.find((row) => row.force.slug === 'durham');
    expect(report.metrics.crime_rate_total_excl_fraud?.value).toBe(durham?.value);
    const ew = report.metrics.crime_rate_total_excl_fraud?.englandWales;
    expect(ew && 'value' in ew ? ew.value : undefined).toBe(table.englandWales.value);
  });

  it("serves peel-metrics' reportMetrics map unchanged (the API re-indexes nothing)", async () => {
    const served = (await getReport('kent')).metrics;
    expect(served).toEqual(JSON.parse(JSON.stringify(reportMetrics(buildForceReport('kent')))));
  });

  it(
    'serves a published-only metric as printed, saying so ' +
      'in its provenance (spec §b.1 CR-04: Durham 6.7, E&W 7.0)',
    async () => {
      const metric = (await getReport('durham')).metrics.crime_rate_assault_with_injury;
      expect(metric?.value).toBe(6.7);
      expect(metric?.provenance).toMatchObject({ source: 'peel-2016-durham-report' });
      expect(metric?.englandWales).toMatchObject({ value: 7.0, method: 'published' });
    },
  );

  it('gives another force a marker with a reason where only Durham has a printed value', async () => {
    const value = (await getReport('kent')).metrics.crime_rate_assault_with_injury?.value;
    expect(value).toMatchObject({ missing: expect.stringMatching(/^[xzcu]$/), reason: expect.any(String) });
  });

  it('answers tidy CSV: one row per metric value, every missing value marked with its reason', async () => {
    const res = await app.request('/v1/reports/peel-2016-effectiveness/durham.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = (await res.text()).trimEnd().split('\r\n');
    expect(header).toMatch(
      /^force,metric_id,row_id,label,unit,period,period_missing_reason,value,value_missing_reason,/,
    );
    expect(rows.length).toBeGreaterThan(metricCatalogue.length);
    expect(rows.some((row) => row.includes(',[x],'))).toBe(true);
    // A marker is always followed by a non-empty reason.
    for (const row of rows) expect(row).not.toMatch(/,\[[xzcu]\],(,|$)/);
  });

  it.each([
    { force: 'durhm', status: 404, code: 'unknown-force' },
    { force: 'btp', status: 404, code: 'not-a-territorial-force' },
    { force: 'england-and-wales', status: 404, code: 'not-a-territorial-force' },
  ])('$force -> $status $code', async ({ force, status, code }) => {
    expect((await expectProblem(await app.request(`/v1/reports/peel-2016-effectiveness/${force}`), status)).code).toBe(
      code,
    );
  });

  it('404s an unknown edition like any unknown route', async () => {
    await expectProblem(await app.request('/v1/reports/peel-2015-effectiveness/durham'), 404);
  });

  it('answers 304 to its own ETag', async () => {
    const etag = (await app.request('/v1/reports/peel-2016-effectiveness/durham')).headers.get('etag')!;
    expect(
      (await app.request('/v1/reports/peel-2016-effectiveness/durham', { headers: { 'If-None-Match': etag } })).status,
    ).toBe(304);
  });
});
