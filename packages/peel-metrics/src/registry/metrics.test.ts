import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { durhamPublished } from 'peel-data';
import { MetricDefinitionSchema } from '../schema/metric-definition.ts';
import { METRIC_IDS } from './ids.ts';
import { metricDefinition, metricDefinitions } from './registry.ts';

const PEEL_DATA_DIR = fileURLToPath(new URL('../../../peel-data/', import.meta.url));
const spec = readFileSync(join(PEEL_DATA_DIR, 'data', 'spec', 'peel-2016-effectiveness.md'), 'utf8');
const metricCatalogue = metricDefinitions();
const getMetricDefinition = (id: string) => metricDefinition(id);
const specEntries = [...spec.matchAll(/\*\*([A-Z]+-\d{2}) `([a-z0-9_]+)`/g)].map((match) => ({
  specRef: match[1]!,
  id: match[2]!,
}));

describe("the registry's catalogue text (metricDefinitions)", () => {
  it('validates every definition', () => {
    for (const metric of metricCatalogue) {
      const parsed = MetricDefinitionSchema.safeParse(metric);
      expect(parsed.success, `${metric.id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('has exactly the spec §b metrics, under the spec ids and references, in the spec order', () => {
    expect(specEntries.length).toBeGreaterThan(30);
    expect(metricCatalogue.map(({ specRef, id }) => ({ specRef, id }))).toEqual(specEntries);
    expect(metricCatalogue.map((metric) => metric.id)).toEqual([...METRIC_IDS]);
  });

  it('applies banding exactly to Figures 4 and 7, as the report states', () => {
    expect(metricCatalogue.filter((metric) => metric.banding).map((metric) => metric.figure)).toEqual([4, 7]);
  });

  it('links only to figures that exist in durhamPublished', () => {
    const known = new Set([
      ...durhamPublished.figures.map((figure) => figure.id),
      ...durhamPublished.categorical.map((item) => item.id),
      'outcomes',
      'domesticAbuseOutcomes',
    ]);
    for (const metric of metricCatalogue)
      for (const id of metric.publishedFigureIds) expect(known.has(id), `${metric.id} → ${id}`).toBe(true);
  });

  it('names the raw datasets of every computable metric, and always excludes BTP from rates', () => {
    for (const metric of metricCatalogue) {
      if (metric.availability === 'computable') expect(metric.datasets.length, metric.id).toBeGreaterThan(0);
      else expect(metric.datasets, metric.id).toEqual([]);
    }
    const computable = metricCatalogue
      .filter((metric) => metric.availability === 'computable')
      .map((metric) => metric.specRef);
    // Burglary (CR-05) serves its printed value, so it is published-only (issue 10).
    expect(computable).toEqual(['CR-01', 'CR-02', 'CR-03', 'CR-06', 'CR-07', 'CR-08', 'CR-09', 'CR-10']);
    for (const metric of metricCatalogue.filter(
      (candidate) =>
        candidate.comparator !== null &&
        typeof candidate.comparator === 'string' &&
        candidate.comparator.includes('pooled') &&
        !candidate.comparator.includes('Home Office'),
    )) {
      expect(
        metric.exclusions.some((exclusion) => exclusion.startsWith('British Transport Police')),
        metric.id,
      ).toBe(true);
    }
  });

  it('marks burglary as per households and keeps the crime-data caveat on recorded-crime rates', () => {
    expect(getMetricDefinition('crime_rate_burglary_dwelling')?.unit).toBe('crimes per 1,000 households');
    expect(getMetricDefinition('crime_rate_total_excl_fraud')?.caveats.join(' ')).toMatch(
      /national inspection of crime data in 2014/,
    );
    expect(getMetricDefinition('victim_satisfaction_whole_experience')?.comparator).toMatch(/unweighted mean/);
    expect(getMetricDefinition('nope')).toBeUndefined();
  });
});
