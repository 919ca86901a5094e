import { territorialForces } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { expectProblem } from '../../test/helpers.ts';

const app = createApp();

describe('GET /v1/forces', () => {
  it('lists the 43 territorial forces, without BTP or the England and Wales row', async () => {
    const res = await app.request('/v1/forces');
    expect(res.status).toBe(200);
    const { forces } = (await res.json()) as { forces: Array<{ slug: string; code: string }> };
    expect(forces).toHaveLength(43);
    expect(forces.map((f) => f.slug)).toContain('durham');
    expect(forces.map((f) => f.slug)).not.toContain('btp');
    expect(forces.map((f) => f.slug)).not.toContain('england-and-wales');
  });

  it.each([
    { label: '.csv suffix', path: '/v1/forces.csv', headers: {} as Record<string, string> },
    { label: 'Accept: text/csv', path: '/v1/forces', headers: { Accept: 'text/csv' } as Record<string, string> },
  ])('answers tidy CSV for $label', async ({ path, headers }) => {
    const res = await app.request(path, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'slug,code,code_missing_reason,name,short_name,region,region_missing_reason,country,' +
        'grade_2016_overall,grade_2016_overall_missing_reason,' +
        'grade_2016_preventing,grade_2016_preventing_missing_reason,' +
        'grade_2016_investigating,grade_2016_investigating_missing_reason,' +
        'grade_2016_vulnerability,grade_2016_vulnerability_missing_reason,' +
        'grade_2016_serious_organised,grade_2016_serious_organised_missing_reason,' +
        'grade_2016_specialist,grade_2016_specialist_missing_reason',
    );
    expect(lines).toHaveLength(1 + territorialForces.length);
    // Durham's 2016 grades as printed in its report (spec §a.3): outstanding overall; Q1 outstanding, Q2 good, Q3 good,
    // Q4 outstanding, Q5 ungraded.
    expect(lines).toContain(
      'durham,E23000008,,Durham Constabulary,Durham,North ' +
        'East,,England,outstanding,,outstanding,,good,,good,,outstanding,,ungraded,',
    );
  });

  it('gives JSON and CSV different ETags and varies on Accept', async () => {
    const json = await app.request('/v1/forces');
    const csv = await app.request('/v1/forces.csv');
    expect(json.headers.get('etag')).not.toBe(csv.headers.get('etag'));
    expect(json.headers.get('vary')).toBe('Accept');
  });

  it('rejects an unknown query parameter, naming it', async () => {
    const problem = await expectProblem(await app.request('/v1/forces?sort=name'), 400);
    expect(problem.parameter).toBe('sort');
    expect(problem.detail).toMatch(/'sort'.*takes no query parameters/);
  });
});

describe('GET /v1/forces/{force}', () => {
  it.each(['durham', 'E23000008', 'e23000008', 'DURHAM', 'Durham%20Constabulary'])(
    'finds Durham by %s',
    async (param) => {
      const res = await app.request(`/v1/forces/${param}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ slug: 'durham', code: 'E23000008', name: 'Durham Constabulary' });
    },
  );

  it('carries the judgments with their sources, Durham 2016 overall outstanding', async () => {
    const durham = (await (await app.request('/v1/forces/durham')).json()) as {
      judgments: Array<{ year: number; question: string; grade: unknown; source?: { url: string } }>;
    };
    const overall2016 = durham.judgments.find((j) => j.year === 2016 && j.question === 'overall');
    expect(overall2016?.grade).toBe('outstanding');
    expect(overall2016?.source?.url).toMatch(/^https?:\/\//);
    expect(durham.judgments).toHaveLength(18);
  });

  it('answers CSV for /v1/forces/durham.csv: one row per judgment, missing grades marked with a reason', async () => {
    const res = await app.request('/v1/forces/durham.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('durham.csv');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('force,year,question,grade,grade_missing_reason,source_url,source_publisher');
    expect(lines).toHaveLength(19);
    expect(lines.find((l) => l.startsWith('durham,2016,specialist,'))).toMatch(/^durham,2016,specialist,ungraded,,/);
    for (const line of lines.slice(1).filter((l) => l.includes(',[x],'))) expect(line).toMatch(/,\[x\],[^,]+,/);
  });

  it('suggests the closest slugs for an unknown force', async () => {
    const problem = await expectProblem(await app.request('/v1/forces/durhm'), 404);
    expect(problem).toMatchObject({ code: 'unknown-force', parameter: 'force' });
    expect(problem.suggestions?.[0]).toBe('durham');
    expect(problem.detail).toContain("Did you mean 'durham'");
  });

  it('explains that British Transport Police is not a PEEL force', async () => {
    const problem = await expectProblem(await app.request('/v1/forces/btp'), 404);
    expect(problem.code).toBe('not-a-territorial-force');
    expect(problem.detail).toContain('British Transport Police');
  });

  it('answers 304 when the ETag matches', async () => {
    const etag = (await app.request('/v1/forces/durham')).headers.get('etag')!;
    const res = await app.request('/v1/forces/durham', { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(etag);
  });
});
