import { buildForceReport, renderReport } from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { createApp } from '../app.ts';

const app = createApp();

describe('GET /v1/reports/peel-2016-effectiveness/{force}.md', () => {
  it("serves Durham's report as text/markdown, as peel-metrics renders it", async () => {
    const res = await app.request('/v1/reports/peel-2016-effectiveness/durham.md');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await res.text()).toBe(renderReport(buildForceReport('durham')));
  });

  it('takes an ONS code, and answers an unknown force with the closest slugs', async () => {
    const byCode = await app.request('/v1/reports/peel-2016-effectiveness/E23000008.md');
    expect((await byCode.text()).split('\n')[0]).toBe(`# ${buildForceReport('durham').title}`);
    const problem = await expectProblem(await app.request('/v1/reports/peel-2016-effectiveness/durhm.md'), 404);
    expect(problem.suggestions).toContain('durham');
  });

  it('leaves the JSON report where it was', async () => {
    const res = await app.request('/v1/reports/peel-2016-effectiveness/durham');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
