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
    expect(lines[0]).toBe('slug,code,code_missing_reason,name,short_name,region,region_missing_reason,country');
    expect(lines).toHaveLength(1 + territorialForces.length);
    expect(lines).toContain('durham,E23000008,,Durham Constabulary,Durham,North East,,England');
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
  it.each(['durham', 'E23000008', 'e23000008', 'DURHAM'])('finds Durham by %s', async (param) => {
    const res = await app.request(`/v1/forces/${param}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slug: 'durham', code: 'E23000008', name: 'Durham Constabulary' });
  });

  it('answers CSV for /v1/forces/durham.csv', async () => {
    const res = await app.request('/v1/forces/durham.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('durham.csv');
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
