import { metricForAllForces, metricPeriods, metricDefinitions } from 'peel-metrics';
import { MetricSeriesSchema, MetricTableSchema } from 'peel-metrics/schemas';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { expectProblem } from '../../test/helpers.ts';

const metricCatalogue = metricDefinitions();

const app = createApp();
const json = async (path: string) => {
  const res = await app.request(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
};
const CRIME = 'crime_rate_total_excl_fraud';

describe('GET /v1/metrics', () => {
  it('lists the whole catalogue', async () => {
    const body = (await json('/v1/metrics')) as { metrics: Array<{ id: string }> };
    expect(body.metrics.map((m) => m.id)).toEqual(metricCatalogue.map((m) => m.id));
  });

  it('answers CSV, one row per metric', async () => {
    const lines = (await (await app.request('/v1/metrics.csv')).text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + metricCatalogue.length);
    expect(lines[0]).toMatch(/^id,spec_ref,label,/);
  });
});

describe('GET /v1/metrics/{metric}', () => {
  it('gives all 43 forces with England and Wales, matching the documented schema', async () => {
    const body = await json(`/v1/metrics/${CRIME}`);
    expect(MetricTableSchema.safeParse(body).success).toBe(true);
    expect((body.rows as unknown[]).length).toBe(43);
  });

  it('serves the period asked for', async () => {
    const body = await json(`/v1/metrics/${CRIME}?period=2015-06-30`);
    expect(body.period).toEqual({ type: 'rolling-12m', end: '2015-06-30' });
    expect(body).toEqual(
      JSON.parse(JSON.stringify(metricForAllForces(CRIME, { period: { type: 'rolling-12m', end: '2015-06-30' } }))),
    );
  });

  it('answers a bad period with the valid ones, naming the parameter', async () => {
    const problem = await expectProblem(await app.request(`/v1/metrics/${CRIME}?period=2016`), 400);
    expect(problem).toMatchObject({ code: 'invalid-period', parameter: 'period' });
    expect(problem.validValues).toContain('2016-06-30');
    expect(problem.validValues).toHaveLength(metricPeriods(CRIME).length);
    expect(problem.detail).toMatch(/Did you mean '2016-/);
  });

  it('names an unknown query parameter and offers the right one', async () => {
    const problem = await expectProblem(await app.request(`/v1/metrics/${CRIME}?perod=2016-06-30`), 400);
    expect(problem).toMatchObject({ parameter: 'perod', suggestions: ['period'] });
  });

  it('suggests the closest metric ids', async () => {
    const problem = await expectProblem(await app.request('/v1/metrics/crime_rate_totl_excl_fraud'), 404);
    expect(problem.suggestions?.[0]).toBe(CRIME);
  });

  it('answers tidy CSV: 43 forces and an England and Wales row', async () => {
    const lines = (await (await app.request(`/v1/metrics/${CRIME}.csv?period=2016-06-30`)).text())
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 43 + 1);
    // Value, then the counts behind it (numerator, population and its mid-year), then rank [z] (not ranked).
    const ew = new RegExp(
      '^crime_rate_total_excl_fraud,12 months to 30 June 2016,england-and-wales,England and Wales,' +
        '([\\d.]+),,(\\d+),,(\\d+),,2015,,\\[z\\],',
    ).exec(lines.at(-1) ?? '');
    expect(ew).not.toBeNull();
    const [, value, numerator, denominator] = ew!.map(Number);
    expect((numerator! / denominator!) * 1000).toBeCloseTo(value!, 9);
  });

  it.each(metricCatalogue.map((m) => m.id))('%s answers 200 for every force', async (id) => {
    const body = (await json(`/v1/metrics/${id}`)) as { rows: unknown[] };
    expect(body.rows).toHaveLength(43);
  });
});

describe('GET /v1/metrics/{metric}/series/{force}', () => {
  it('has one point per period of the metric', async () => {
    const body = await json(`/v1/metrics/${CRIME}/series/durham`);
    expect(MetricSeriesSchema.safeParse(body).success).toBe(true);
    expect((body.series as unknown[]).length).toBe(metricPeriods(CRIME).length);
  });

  it('is a [z] marker for a single-period metric', async () => {
    const body = await json('/v1/metrics/ocgs_per_million/series/durham');
    expect(body.series).toMatchObject({ missing: 'z' });
  });

  it('answers CSV with a period key per row', async () => {
    const lines = (await (await app.request(`/v1/metrics/${CRIME}/series/E23000008.csv`)).text())
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'metric_id,force,period,period_key,value,value_missing_reason,numerator,numerator_missing_reason,denominator,' +
        'denominator_missing_reason,population_year,population_year_missing_reason,england_wales,' +
        'england_wales_missing_reason,england_wales_numerator,england_wales_numerator_missing_reason,' +
        'england_wales_denominator,england_wales_denominator_missing_reason,england_wales_population_year,' +
        'england_wales_population_year_missing_reason,caveats',
    );
    expect(lines.some((line) => line.startsWith(`${CRIME},durham,12 months to 30 June 2016,2016-06-30,`))).toBe(true);
  });

  it.each([
    { path: '/v1/metrics/nope/series/durham', code: 'unknown-metric' },
    { path: `/v1/metrics/${CRIME}/series/durhm`, code: 'unknown-force' },
  ])('$path -> 404 $code', async ({ path, code }) => {
    expect((await expectProblem(await app.request(path), 404)).code).toBe(code);
  });
});

describe('GET /v1/compare', () => {
  it('keeps the order asked for, with ranks from all 43 forces', async () => {
    const body = (await json(`/v1/compare?metric=${CRIME}&forces=durham,E23000013,northumbria`)) as {
      rows: Array<{ force: { slug: string }; rank?: number }>;
    };
    expect(body.rows.map((r) => r.force.slug)).toEqual(['durham', 'cleveland', 'northumbria']);
    const all = metricForAllForces(CRIME);
    for (const row of body.rows) expect(row.rank).toBe(all.rows.find((r) => r.force.slug === row.force.slug)?.rank);
  });

  it.each([
    { query: `metric=${CRIME}`, parameter: 'forces' },
    { query: 'forces=durham', parameter: 'metric' },
    { query: `metric=${CRIME}&forces=durham,,kent`, parameter: 'forces' },
    { query: `metric=${CRIME}&forces=durham,durham`, parameter: 'forces' },
    { query: `metric=${CRIME}&forces=durham,kentt`, parameter: 'forces' },
    { query: 'metric=crime&forces=durham', parameter: 'metric' },
    { query: `metric=${CRIME}&forces=durham&period=1999`, parameter: 'period' },
    { query: `metric=${CRIME}&forces=durham&colour=red`, parameter: 'colour' },
  ])('?$query -> 400 naming $parameter', async ({ query, parameter }) => {
    expect((await expectProblem(await app.request(`/v1/compare?${query}`), 400)).parameter).toBe(parameter);
  });

  it('answers CSV', async () => {
    const lines = (await (await app.request(`/v1/compare.csv?metric=${CRIME}&forces=durham,kent`)).text())
      .trimEnd()
      .split('\r\n');
    expect(lines.map((l) => l.split(',')[2])).toEqual(['force', 'durham', 'kent', 'england-and-wales']);
  });
});

describe('GET /v1/metrics/{metric}/periods', () => {
  it("lists every period with the key `period` accepts, and the report's period", async () => {
    const body = (await json(`/v1/metrics/${CRIME}/periods`)) as {
      reportPeriod: string;
      periods: { key: string; label: string }[];
    };
    expect(body.periods).toHaveLength(metricPeriods(CRIME).length);
    expect(body.reportPeriod).toBe('2016-06-30');
    for (const { key } of [body.periods[0]!, body.periods.at(-1)!])
      expect((await app.request(`/v1/metrics/${CRIME}?period=${key}`)).status).toBe(200);
  });

  it('gives calendar-year keys for a metric counted by calendar year', async () => {
    const body = (await json('/v1/metrics/asb_rate/periods')) as { periods: { key: string }[] };
    expect(body.periods.map((p) => p.key)).toContain('2015');
    expect((await app.request('/v1/metrics/asb_rate?period=2015')).status).toBe(200);
  });
});

describe('GET /v1/metrics/{metric}/series/{force}?from=&to=', () => {
  it('keeps the points from `from` to `to`, inclusive', async () => {
    const body = (await json(`/v1/metrics/${CRIME}/series/durham?from=2015-06-30&to=2016-06-30`)) as {
      series: { period: { end: string } }[];
    };
    const ends = body.series.map((point) => point.period.end);
    // Quarter ends from June 2015 to June 2016: five windows.
    expect(ends).toEqual(['2015-06-30', '2015-09-30', '2015-12-31', '2016-03-31', '2016-06-30']);
  });

  it('answers a bad `from` naming the parameter, with the valid periods', async () => {
    const problem = await expectProblem(await app.request(`/v1/metrics/${CRIME}/series/durham?from=2015`), 400);
    expect(problem).toMatchObject({ parameter: 'from', code: 'invalid-period' });
    expect(problem.validValues).toContain('2015-06-30');
  });
});

describe('GET /v1/metrics/{metric}/tidy', () => {
  it('answers JSON with rows for every force and England and Wales, and the sidecar', async () => {
    const body = (await json('/v1/metrics/asb_rate/tidy')) as {
      rows: { force_code: string; period_key: string }[];
      metadata: { unit: string; periodCoverage: { count: number } };
    };
    expect(body.rows).toHaveLength(body.metadata.periodCoverage.count * 44);
    expect(body.rows.some((row) => row.force_code === 'K04000001')).toBe(true);
  });

  it('answers tidy CSV at .csv with a numeric-or-empty value column', async () => {
    const res = await app.request('/v1/metrics/asb_rate/tidy.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...lines] = (await res.text()).trimEnd().split('\r\n');
    expect(header).toBe(
      'force_code,force,period_key,period_label,value,status,status_reason,numerator,denominator,' +
        'population_year,unit,caveats',
    );
    // No force name holds a comma, so the fifth field is the value.
    for (const line of lines) expect(line.split(',')[4]).toMatch(/^(-?\d+(\.\d+)?)?$/);
  });
});
