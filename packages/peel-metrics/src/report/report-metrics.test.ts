import { durhamPublished, getPublishedFigure, isMissing, SOURCE_IDS, territorialForces } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { buildForceReport } from './build-force-report.ts';
import { METRIC_IDS } from '../registry/ids.ts';
import { createRegistry, METRIC_REGISTRY, metricDefinitions } from '../registry/registry.ts';
import { ReportMetricsSchema } from '../schema/report-metrics.ts';
import { type ReportMetric, type ReportMetrics, reportMetrics } from './report-metrics.ts';
import type { ForceReport } from '../model/types.ts';

const reports = new Map<string, ForceReport>(
  territorialForces.map((force) => [force.slug, buildForceReport(force.slug)]),
);
const maps = new Map<string, ReportMetrics>([...reports].map(([slug, report]) => [slug, reportMetrics(report)]));
const durham = maps.get('durham') as ReportMetrics;
const kent = maps.get('kent') as ReportMetrics;
const printed = (id: string) => getPublishedFigure(durhamPublished, id);

/** A value is a finite number whose provenance names a known source, or a marker with a reason. */
function checkValue(where: string, entry: Pick<ReportMetric, 'value' | 'provenance'>) {
  if (typeof entry.value === 'number') {
    expect(Number.isFinite(entry.value), where).toBe(true);
    expect(isMissing(entry.provenance), `${where}: a number needs provenance`).toBe(false);
    if (!isMissing(entry.provenance))
      expect(SOURCE_IDS, `${where}.provenance.source`).toContain(entry.provenance.source);
  } else {
    expect(entry.value.reason.length, `${where}: a marker needs a reason`).toBeGreaterThan(0);
  }
}

describe('reportMetrics', () => {
  it('holds every catalogue id, and nothing else, for each of the 43 forces (schema-valid)', () => {
    expect(maps.size).toBe(43);
    for (const [slug, metrics] of maps) {
      expect(Object.keys(metrics), slug).toEqual([...METRIC_IDS]);
      const parsed = ReportMetricsSchema.safeParse(metrics);
      expect(parsed.success, `${slug}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`).toBe(true);
      for (const [id, metric] of Object.entries(metrics)) expect(metric.metricId, `${slug} ${id}`).toBe(id);
    }
  });

  it('gives every entry and every row a number with provenance, or a missing marker with a reason', () => {
    for (const [slug, metrics] of maps) {
      for (const [id, metric] of Object.entries(metrics)) {
        checkValue(`${slug} ${id}`, metric);
        for (const [index, row] of (metric.rows ?? []).entries()) checkValue(`${slug} ${id}.rows[${index}]`, row);
      }
    }
  });

  it(
    "holds Durham's printed values under the spec ids (spec " +
      '§b.1 CR-04: assault with injury 6.7, England and Wales 7.0)',
    () => {
      const assault = durham.crime_rate_assault_with_injury;
      expect(assault.value).toBe(6.7);
      expect(assault.englandWales).toMatchObject({ value: 7.0, method: 'published' });
      expect(assault.provenance).toMatchObject({ source: 'peel-2016-durham-report' });
      for (const id of [
        'crime_rate_burglary_dwelling',
        'vulnerable_victim_crime_pct',
        'ocgs_per_million',
        'da_calls_per_1000',
        'da_share_of_recorded_crime',
        'da_recorded_change',
        'staff_survey_responses',
        'file_review_count',
        'dvpo_applications',
      ] as const) {
        expect(durham[id].value, id).toBe(printed(id)?.durham.value);
      }
    },
  );

  it('finds a printed figure the catalogue links under another id (IOM target, Right to Ask count and rate)', () => {
    expect(durham.iom_reoffending_target.value).toBe(printed('iom_reoffending_reduction_target')?.durham.value);
    expect(durham.iom_reoffending_target.label).toBe(
      metricDefinitions().find((m) => m.id === 'iom_reoffending_target')?.label,
    );
    expect(durham.right_to_ask.value).toMatchObject({ missing: 'z' });
    expect(durham.right_to_ask.rows?.map((row) => row.metricId)).toEqual(['right_to_ask_count', 'right_to_ask_rate']);
    expect(durham.right_to_ask.rows?.[0]?.value).toBe(printed('right_to_ask_count')?.durham.value);
  });

  it("gives other forces a marker with a reason where only Durham's report has a value", () => {
    for (const id of [
      'crime_rate_assault_with_injury',
      'vulnerable_victim_crime_pct',
      'iom_reoffending_target',
    ] as const) {
      expect(kent[id].value, id).toMatchObject({ missing: 'x', reason: expect.any(String) });
    }
  });

  it('takes the recomputed values from the report model, never re-deriving them', () => {
    for (const [slug, report] of reports) {
      const metrics = maps.get(slug) as ReportMetrics;
      const figure2 = report.figures.find((figure) => figure.number === 2);
      const figure4 = report.figures.find((figure) => figure.number === 4);
      if (figure2?.kind !== 'table' || figure4?.kind !== 'table') throw new Error('figures 2 and 4 are tables');
      expect(metrics.crime_rate_total_excl_fraud.value, slug).toBe(figure2.rows[0]?.force.value);
      expect(metrics.crime_change_vs_2011.value, slug).toBe(report.crimeChange.vs2011.force.value);
      expect(metrics.outcomes_assigned_total.value, slug).toBe(
        figure4.rows.find((row) => row.metricId === 'outcome_proportion:total-assigned')?.force.value,
      );
      expect(metrics.outcomes_not_yet_assigned.value, slug).toBe(
        figure4.rows.find((row) => row.metricId === 'outcome_proportion:not-yet-assigned')?.force.value,
      );
      // Every Figure 4 row once (the Force in numbers panel repeats Charged/Summonsed).
      expect(
        metrics.outcome_proportion.rows?.map((row) => row.metricId),
        slug,
      ).toEqual(figure4.rows.map((row) => row.metricId));
      expect(metrics.forces_with_annual_crime_increase.value, slug).toBe(
        report.crimeChange.forcesWithAnnualIncrease.value,
      );
    }
  });

  it('points the five-year trend to its series, and says why a national count has no comparator', () => {
    expect(durham.crime_rate_trend_5yr.value).toMatchObject({
      missing: 'z',
      reason: expect.stringContaining('figure 1'),
    });
    expect(durham.forces_with_annual_crime_increase.englandWales).toMatchObject({ missing: 'z' });
    expect(durham.forces_with_annual_crime_increase.caveats[0]).toBe('out of 43 forces');
  });

  it("carries Figure 7's printed bands as published bands, not as recomputed ones", () => {
    const rows = durham.da_outcome_rate.rows ?? [];
    expect(rows).toHaveLength(durhamPublished.domesticAbuseOutcomes.length);
    for (const [index, row] of rows.entries()) {
      const band = durhamPublished.domesticAbuseOutcomes[index]?.band;
      if (band) {
        expect(row.publishedBand, row.label).toMatchObject({
          printed: band,
          band: band.replaceAll(' ', '-'),
          provenance: { source: 'peel-2016-durham-report' },
        });
        expect(row.band, row.label).toMatchObject({ missing: 'x' });
      } else {
        expect(row.publishedBand, row.label).toBeUndefined();
      }
    }
    for (const row of kent.da_outcome_rate.rows ?? []) expect(row.publishedBand).toBeUndefined();
  });

  it('names the period the data cover in every label (outcomes are 2017/18, not the report year)', () => {
    expect(durham.outcome_proportion.label).toContain('2017/18');
    expect(durham.outcome_proportion.label).not.toContain('30 June 2016');
    expect(durham.asb_rate_change_yoy.label).toMatch(/calendar year 2015 compared with calendar year 2014/);
  });

  it('reads the registry it is given: one entry per registry metric, no other key', () => {
    const registry = createRegistry(METRIC_REGISTRY.metrics.filter((metric) => metric.id !== 'asb_rate'));
    const metrics = reportMetrics(reports.get('durham') as ForceReport, { registry });
    expect(Object.keys(metrics)).toEqual(METRIC_IDS.filter((id) => id !== 'asb_rate'));
    expect(metrics.crime_rate_total_excl_fraud).toEqual(durham.crime_rate_total_excl_fraud);
  });
});
