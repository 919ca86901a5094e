/** Every peel-metrics function that takes a force reads it through peel-data's one resolver (findForce). */
import { describe, expect, it } from 'vitest';
import { forces, judgmentOf, judgments } from 'peel-data';
import { metricSeries } from '../metrics/metric-table.ts';
import { buildForceReport } from '../report/build-force-report.ts';
import { gradeHistory } from '../report/grade-history.ts';
import { resolveRelease, resolveTerritorialForce } from './release.ts';

// The identifiers of one force as the forces table spells them: slug, ONS code, name, short name, any case.
const identifiersOf = (slug: string) => {
  const force = forces.find((row) => row.slug === slug)!;
  return [force.slug, String(force.code), force.name, force.shortName, force.name.toLowerCase()];
};

describe('one force resolver across peel-metrics', () => {
  it.each(identifiersOf('durham'))('resolveTerritorialForce(%j) is Durham', (identifier) => {
    expect(resolveTerritorialForce(identifier, resolveRelease()).slug).toBe('durham');
  });

  it('rejects what names no territorial force, saying which forms are accepted', () => {
    expect(() => resolveTerritorialForce('Atlantis', resolveRelease())).toThrow(
      /Unknown territorial force "Atlantis": expected the slug, ONS code, name or short name/,
    );
    expect(() => resolveTerritorialForce('British Transport Police', resolveRelease())).toThrow(
      /is not a territorial force/,
    );
  });

  it('buildForceReport takes a force by name as by slug', () => {
    const bySlug = buildForceReport('durham');
    for (const identifier of identifiersOf('durham').slice(1))
      expect(buildForceReport(identifier).force, identifier).toEqual(bySlug.force);
  });

  it('metricSeries takes a force by name (it threw for "Cumbria Constabulary")', () => {
    const byName = metricSeries('crime_rate_total_excl_fraud', 'Cumbria Constabulary');
    expect(byName.force.slug).toBe('cumbria');
    expect(byName).toEqual(metricSeries('crime_rate_total_excl_fraud', 'cumbria'));
  });

  it('gradeHistory and judgmentOf take a force by name (judgmentOf returned undefined for "Durham")', () => {
    expect(gradeHistory('Durham Constabulary')).toEqual(gradeHistory('durham'));
    expect(judgmentOf(judgments, 'Durham', 2016, 'overall')).toBe(judgmentOf(judgments, 'durham', 2016, 'overall'));
  });
});
