/**
 * The exported typed client (hono/client) against a running server: paths, parameters and JSON bodies are
 * typed from the server's own route definitions, so these calls are checked by `tsc` as well as run.
 */
import { expandReport, type ForceReport, type LeanReport, type ReportMetrics } from 'peel-metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../test/server.ts';
import { createClient } from './client.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let api: ReturnType<typeof createClient>;
beforeAll(async () => {
  server = await startServer();
  api = createClient(server.origin);
});
afterAll(() => server?.close());

describe('createClient (hono/client)', () => {
  it('gets a force by ONS code, typed', async () => {
    const res = await api.v1.forces[':force'].$get({ param: { force: 'E23000008' } });
    expect(res.status).toBe(200);
    if (res.status === 200) {
      const force = await res.json();
      expect(force.slug).toBe('durham');
      expect(
        force.judgments.some((j) => j.year === 2016 && j.question === 'overall' && j.grade === 'outstanding'),
      ).toBe(true);
    }
  });

  it('gets the full report with its metrics by spec id in one call', async () => {
    const res = await api.v1.reports['peel-2016-effectiveness'][':force'].$get({
      param: { force: 'durham' },
      query: { view: 'full' },
    });
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    // The full view is lean (provenance and notes by id); expandReport gives back the full model.
    const report = expandReport<ForceReport & { metrics: ReportMetrics }>((await res.json()) as LeanReport);
    expect(report.metrics.ocgs_per_million?.metricId).toBe('ocgs_per_million');
  });

  it("gets the report's values by default, every id resolved from the payload's own maps", async () => {
    const res = await api.v1.reports['peel-2016-effectiveness'][':force'].$get({
      param: { force: 'durham' },
      query: {},
    });
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    const body = (await res.json()) as LeanReport;
    expect(body).not.toHaveProperty('metrics');
    expect(body).not.toHaveProperty('sources');
    const report = expandReport<ForceReport>(body);
    expect(report.judgments.overall.grade).toBe('outstanding');
  });

  it('passes query parameters and reads problems', async () => {
    const ok = await api.v1.compare.$get({ query: { metric: 'asb_rate', forces: 'durham,kent' } });
    if (ok.status !== 200) throw new Error(`status ${ok.status}`);
    expect((await ok.json()).rows).toHaveLength(2);
    const bad = await api.v1.metrics[':metric'].$get({
      param: { metric: 'crime_rate_total_excl_fraud' },
      query: { period: 'never' },
    });
    expect(bad.status).toBe(400);
  });
});
