// Issue 10: callers choose the method variants and rank City of London on the metric table, series and tidy
// endpoints; every answer says which method made it. Expected values are summed here from the counts each row serves.
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { expectProblem } from '../../test/helpers.ts';
import { TidyMetricSchema } from './schemas.ts';

const app = createApp();
type Counts = { numerator: number; denominator: number; populationYear?: number };
type Row = {
  force: { slug: string };
  value: number;
  rank?: number;
  band?: string;
  caveats: string[];
  provenance: { counts?: Counts };
};
type Table = {
  rows: Row[];
  englandWales: {
    value: number;
    included: string[];
    provenance: { variants?: Record<string, string>; counts?: Counts };
  };
  banding: { n: number; notRanked: { force: string }[] };
};
const get = async <T>(path: string): Promise<T> => {
  const res = await app.request(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const RATE = '/v1/metrics/crime_rate_total_excl_fraud';

describe('method variants on the metric endpoints', () => {
  it("gives Annex A's 43-force England and Wales when asked, summed from the forces' own counts", async () => {
    const table = await get<Table>(`${RATE}?englandWales=annex-a-43-forces`);
    const numerator = table.rows.reduce((sum, row) => sum + row.provenance.counts!.numerator, 0);
    const denominator = table.rows.reduce((sum, row) => sum + row.provenance.counts!.denominator, 0);
    expect(table.englandWales.value).toBeCloseTo((numerator / denominator) * 1000, 9);
    expect(table.englandWales.included).not.toContain('btp');
    expect(table.englandWales.provenance.variants?.englandWales).toBe('annex-a-43-forces');
    const byDefault = await get<Table>(RATE);
    expect(byDefault.englandWales.provenance.variants?.englandWales).toBe('home-office-incl-btp');
    expect(byDefault.englandWales.value).toBeGreaterThan(table.englandWales.value);
  });

  it('combines two choices on a change, and names both in the answer', async () => {
    const path = '/v1/metrics/crime_change_vs_2011?englandWales=home-office-incl-btp&fraudBase=excluded';
    const table = await get<Table>(path);
    expect(table.englandWales.provenance.variants).toMatchObject({
      englandWales: 'home-office-incl-btp',
      fraudBase: 'excluded',
    });
    expect(table.englandWales.included).toContain('btp');
    const counts = table.englandWales.provenance.counts!;
    expect(table.englandWales.value).toBeCloseTo((counts.numerator / counts.denominator) * 100, 9);
  });

  it("answers the metric's default choice byte for byte as the default answer", async () => {
    for (const [chosen, plain] of [
      [`${RATE}?englandWales=home-office-incl-btp`, RATE],
      [`${RATE}.csv?englandWales=home-office-incl-btp&rankCityOfLondon=false`, `${RATE}.csv`],
    ] as const)
      expect(await (await app.request(chosen)).text()).toBe(await (await app.request(plain)).text());
  });

  it('divides every year by its own mid-year on the five-year series when asked (tidy)', async () => {
    type Tidy = {
      rows: { force: string; period_key: string; population_year: number }[];
      metadata: { methodVariant: { name: string } };
    };
    const tidy = await get<Tidy>('/v1/metrics/crime_rate_trend_5yr/tidy?denominator=mid-year-nearest');
    expect(TidyMetricSchema.safeParse(tidy).success).toBe(true);
    expect(tidy.metadata.methodVariant.name).toBe('denominator:mid-year-nearest');
    const durham = tidy.rows.find((row) => row.force === 'Durham Constabulary' && row.period_key === '2012-06-30');
    expect(durham?.population_year).toBe(2011);
    const plain = await get<Tidy>('/v1/metrics/crime_rate_trend_5yr/tidy');
    const plainDurham = plain.rows.find(
      (row) => row.force === 'Durham Constabulary' && row.period_key === '2012-06-30',
    );
    expect(plainDurham?.population_year).toBe(2015);
  });

  it('says the method on a series and in its CSV', async () => {
    const path = '/v1/metrics/crime_rate_victim_based/series/durham';
    type Series = { series: { englandWales: { provenance: { variants: Record<string, string> } } }[] };
    const series = await get<Series>(`${path}?englandWales=annex-a-43-forces`);
    for (const point of series.series)
      expect(point.englandWales.provenance.variants.englandWales).toBe('annex-a-43-forces');
    const [header, first] = (await (await app.request(`${path}.csv?englandWales=annex-a-43-forces`)).text()).split(
      '\r\n',
    );
    expect(header?.split(',').at(-1)).toBe('method');
    expect(first?.split(',').at(-1)).toBe('englandWales=annex-a-43-forces');
  });

  it.each([
    { path: `${RATE}?englandWales=btp`, parameter: 'englandWales' },
    { path: '/v1/metrics/asb_rate?englandWales=annex-a-43-forces', parameter: 'englandWales' },
    { path: `${RATE}?fraudBase=forces-own-fraud-in-base`, parameter: 'fraudBase' },
    { path: `${RATE}/tidy?rankCityOfLondon=yes`, parameter: 'rankCityOfLondon' },
    { path: `${RATE}/series/durham?denominator=mid-2016`, parameter: 'denominator' },
  ])('$path -> 400 naming $parameter', async ({ path, parameter }) => {
    const problem = await expectProblem(await app.request(path), 400);
    expect(problem.parameter).toBe(parameter);
  });
});

describe('rankCityOfLondon', () => {
  it('ranks and bands City of London on a population rate only when asked, and says so on its value', async () => {
    const byDefault = await get<Table>(RATE);
    const city = (table: Table) => table.rows.find((row) => row.force.slug === 'city-of-london')!;
    expect(city(byDefault).rank).toBeUndefined();
    expect(byDefault.banding.notRanked.map((row) => row.force)).toContain('city-of-london');
    const ranked = await get<Table & { rows: (Row & { caveats: string[] })[] }>(`${RATE}?rankCityOfLondon=true`);
    const highest = Math.max(...ranked.rows.map((row) => row.value));
    expect(city(ranked).value).toBe(highest);
    expect(city(ranked).rank).toBe(1);
    expect(ranked.banding.n).toBe(byDefault.banding.n + 1);
    expect(ranked.rows.find((row) => row.force.slug === 'city-of-london')?.caveats.join(' ')).toContain(
      "ranked and banded here at the caller's request",
    );
    expect(ranked.englandWales.value).toBe(byDefault.englandWales.value);
  });
});

describe('the OpenAPI spec', () => {
  it('lists the method parameters as enums on the table, series and tidy endpoints', async () => {
    type Spec = { paths: Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }> };
    const spec = await get<Spec>('/openapi.json');
    for (const path of ['/v1/metrics/{metric}', '/v1/metrics/{metric}/series/{force}', '/v1/metrics/{metric}/tidy']) {
      const parameters = spec.paths[path]!.get.parameters;
      const enumOf = (name: string) => parameters.find((parameter) => parameter.name === name)?.schema.enum;
      expect(enumOf('englandWales'), path).toEqual(['home-office-incl-btp', 'annex-a-43-forces']);
      expect(enumOf('fraudBase'), path).toEqual(['forces-own-fraud-in-base', 'excluded']);
      expect(enumOf('denominator'), path).toEqual(['mid-2015', 'mid-year-nearest']);
      expect(enumOf('rankCityOfLondon'), path).toEqual(['true', 'false']);
    }
  });
});

describe("City of London's caveat travels with its value", () => {
  it('to the table, series, tidy and report answers, JSON and CSV', async () => {
    const { parseCsv } = await import('peel-data/node');
    const rows = async (path: string) => {
      const [header, ...records] = parseCsv(await (await app.request(path)).text(), path);
      return records.map((record) => Object.fromEntries(header!.map((name, i) => [name, record[i] ?? ''])));
    };
    const CITY = /resident plus transient population/;
    const table = await get<{ rows: (Row & { caveats: string[] })[] }>(RATE);
    expect(table.rows.find((row) => row.force.slug === 'city-of-london')?.caveats.join(' ')).toMatch(CITY);
    expect((await rows(`${RATE}.csv`)).find((row) => row['force'] === 'city-of-london')?.['caveats']).toMatch(CITY);
    expect((await rows(`${RATE}/series/city-of-london.csv`))[0]?.['caveats']).toMatch(CITY);
    const tidy = await rows(`${RATE}/tidy.csv`);
    expect(tidy.find((row) => row['force'] === 'City of London Police')?.['caveats']).toMatch(CITY);
    expect(tidy.find((row) => row['force'] === 'Durham Constabulary')?.['caveats']).toBe('');
    const report = await rows('/v1/reports/peel-2016-effectiveness/city-of-london.csv');
    expect(report.find((row) => row['metric_id'] === 'crime_rate_total_excl_fraud')?.['caveats']).toMatch(CITY);
  });
});
