// The report for a period (issue 15): the periods list, a report for a covered quarter end, a 404 problem naming the
// periods for one the release does not cover, and a release folder from `peel-data import` whose recorded crime
// stops at December 2017 (the raw Home Office file with its 2018 rows cut), served as PEEL_DATA_DIR serves it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledRelease } from 'peel-data';
import { importIntoRelease, loadRelease } from 'peel-data/node';
import {
  buildForceReport,
  expandReport,
  type LeanReport,
  reportMetrics,
  reportPeriods,
  reportValues,
} from 'peel-metrics';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { overlayRelease } from '../lib/release.ts';
import { ReportResponseSchema } from './reports.ts';
import { LeanReportResponseSchema } from './schemas.ts';

const RAW = fileURLToPath(
  new URL('../../../../packages/peel-data/data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv', import.meta.url),
);
const app = createApp();
const json = async (path: string) => {
  const response = await app.request(path);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
};

describe('GET /v1/reports/peel-effectiveness', () => {
  it('lists the quarter ends of the bundled release, the latest, and the 2016 edition', async () => {
    const { status, body } = await json('/v1/reports/peel-effectiveness');
    expect(status).toBe(200);
    expect(body.periods).toEqual(reportPeriods());
    expect(body.latest).toBe(bundledRelease.recordedCrime.periods.at(-1));
    expect(body.published).toEqual({ periodEnd: '2016-06-30', url: '/v1/reports/peel-2016-effectiveness/{force}' });
  });
});

describe('GET /v1/reports/peel-effectiveness/{force}', () => {
  it("serves peel-metrics' report for the 12 months to 30 June 2018, marked as not published by HMIC", async () => {
    const { status, body: lean } = await json('/v1/reports/peel-effectiveness/durham?period=2018-06-30&view=full');
    expect(status).toBe(200);
    const model = buildForceReport('durham', { periodEnd: '2018-06-30' });
    // Lean like the 2016 edition (issue 13): the documented lean schema, and expanded, exactly the model.
    const parsed = LeanReportResponseSchema.safeParse(lean);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    const body = expandReport<import('zod').infer<typeof ReportResponseSchema>>(lean as LeanReport);
    expect(body).toEqual(JSON.parse(JSON.stringify({ ...model, metrics: reportMetrics(model) })));
    expect(body.regeneration).toEqual(model.regeneration);
    expect(body.crimeChange.yearOnYear.force.value).toBe(model.crimeChange.yearOnYear.force.value);
    expect(body.metrics.crime_rate_total_excl_fraud.period).toEqual({ type: 'rolling-12m', end: '2018-06-30' });
  });

  it('defaults to the latest period, and takes an ONS code', async () => {
    const { body } = await json('/v1/reports/peel-effectiveness/E23000008');
    // The values view by default (issue 13): the model's values, lean.
    const model = buildForceReport('durham', { periodEnd: reportPeriods().at(-1) });
    expect(expandReport(body)).toEqual(
      JSON.parse(JSON.stringify(reportValues({ ...model, metrics: reportMetrics(model) }))),
    );
    expect(body.regeneration.periodEnd).toBe(reportPeriods().at(-1));
  });

  it('answers a period the release does not cover with a 404 problem naming the periods that exist', async () => {
    const { status, type, body } = await json('/v1/reports/peel-effectiveness/durham?period=2019-06-30');
    expect([status, type]).toEqual([404, 'application/problem+json']);
    expect(body).toMatchObject({ code: 'unknown-period', parameter: 'period', validValues: reportPeriods() });
    expect(body.detail).toMatch(/2019-06-30.*2018-12-31/);
  });

  it('answers a period that is not a date with a 400 problem', async () => {
    const { status, body } = await json('/v1/reports/peel-effectiveness/durham?period=June%202018');
    expect(status).toBe(400);
    expect(body.parameter).toBe('period');
  });

  it('serves CSV with one row per metric value', async () => {
    const response = await app.request('/v1/reports/peel-effectiveness/durham.csv?period=2018-06-30');
    const lines = (await response.text()).trimEnd().split('\n');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(lines.find((line) => line.startsWith('durham,crime_rate_total_excl_fraud,'))).toContain('2018');
  });

  it('leaves the 2016 edition as HMIC published it, with no regeneration', async () => {
    const { body } = await json('/v1/reports/peel-2016-effectiveness/durham');
    expect(body.regeneration).toBeUndefined();
    expect(body.judgments.overall.grade).toBe(buildForceReport('durham').judgments.overall.grade);
  });
});

describe('a release folder from peel-data import', () => {
  const work = mkdtempSync(join(tmpdir(), 'peel-period-reports-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives the periods its recorded crime covers, and a 404 naming them beyond', async () => {
    const [header, ...rows] = readFileSync(RAW, 'utf8').trimEnd().split(/\r?\n/);
    const trimmed = join(work, 'rec-crime-pfa-to-2017.csv');
    // The raw file's dates are dd-mm-yyyy: cut every 12 months ending in 2018.
    writeFileSync(trimmed, `${[header, ...rows.filter((row) => !/^\d\d-\d\d-2018,/.test(row))].join('\n')}\n`);
    const dir = join(work, 'release');
    const written = await importIntoRelease('recorded-crime', trimmed, dir);
    if (!written.ok) throw new Error(written.message);
    const served = createApp({ release: overlayRelease(bundledRelease, await loadRelease(dir), dir) });

    const periods = (await (await served.request('/v1/reports/peel-effectiveness')).json()) as { periods: string[] };
    expect(periods.periods.at(-1)).toBe('2017-12-31');
    expect(periods.periods).not.toContain('2018-03-31');

    const latest = (await (await served.request('/v1/reports/peel-effectiveness/durham')).json()) as {
      regeneration: { periodEnd: string };
    };
    expect(latest.regeneration.periodEnd).toBe('2017-12-31');

    const beyond = await served.request('/v1/reports/peel-effectiveness/durham?period=2018-06-30');
    expect(beyond.status).toBe(404);
    const problem = (await beyond.json()) as { validValues: string[]; detail: string };
    expect(problem.validValues).toEqual(periods.periods);
    expect(problem.detail).toContain('2017-12-31');
    // Importing the whole file takes seconds on a loaded two-core machine.
  }, 60_000);
});
