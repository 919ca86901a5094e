import { formatPeriod, territorialForces } from 'peel-data';
import { reportPeriods } from 'peel-metrics';
import { describe, expect, it } from 'vitest';
import { latestPeriodEnd, periodLinks, reportView } from './reports.ts';

// The latest period the bundled data cover, from peel-metrics (the last quarter end a report can be built for).
const latest = reportPeriods().at(-1)!;

describe('periodLinks', () => {
  it('offers the 2016 edition, the latest period and the comparison over time, as plain paths', () => {
    expect(latestPeriodEnd()).toBe(latest);
    for (const { slug } of territorialForces) {
      const links = periodLinks(slug, 'edition-2016');
      expect(links.map((link) => link.href)).toEqual([
        `/forces/${slug}`,
        `/forces/${slug}/${latest}`,
        `/forces/${slug}/over-time`,
      ]);
      expect(links.map((link) => link.current)).toEqual([true, false, false]);
    }
  });

  it('names the latest period in words and says it is not an HMIC publication', () => {
    const link = periodLinks('durham', 'over-time')[1]!;
    expect(link.label).toBe(formatPeriod({ type: 'rolling-12m', end: latest }));
    expect(link.note).toMatch(/not published by HMIC/);
    expect(periodLinks('durham', 'over-time').map((candidate) => candidate.current)).toEqual([false, false, true]);
  });

  it('adds the period shown when it is not the latest, marked current', () => {
    const earlier = reportPeriods().at(-3)!;
    const links = periodLinks('dorset', { periodEnd: earlier });
    expect(links.map((link) => link.href)).toEqual([
      '/forces/dorset',
      `/forces/dorset/${latest}`,
      `/forces/dorset/${earlier}`,
      '/forces/dorset/over-time',
    ]);
    expect(links.filter((link) => link.current).map((link) => link.href)).toEqual([`/forces/dorset/${earlier}`]);
    expect(periodLinks('dorset', { periodEnd: latest }).filter((link) => link.current)).toHaveLength(1);
  });
});

describe('reportView for a period', () => {
  it('marks a regenerated report as such and keeps the 2016 edition unmarked', () => {
    expect(reportView('durham').regeneration).toBeUndefined();
    const view = reportView('durham', latest);
    expect(view.regeneration?.periodEnd).toBe(latest);
    expect(view.regeneration?.notice).toMatch(/^HMIC did not publish this report/);
    // No printed value reaches a regenerated report: nothing to reconcile, no printed-and-recomputed differences.
    expect(view.reconciliation.rows).toEqual([]);
    expect(view.differences).toEqual([]);
    expect(view.figures.flatMap((figure) => figure.differences)).toEqual([]);
  });
});
