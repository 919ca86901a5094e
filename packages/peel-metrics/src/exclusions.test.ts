import { describe, expect, it } from 'vitest';
import { EXCLUSION_REGISTRY_2016, exclusionsFor, ruleFor } from './exclusions.ts';
import type { MetricKey } from './registry/ids.ts';

const excludedFrom = (metric: MetricKey) =>
  exclusionsFor(metric)
    .filter((rule) => rule.treatment === 'excluded')
    .map((rule) => rule.force)
    .sort();

describe('exclusion registry 2016', () => {
  it.each([
    { metric: 'outcome_proportion', forces: ['dorset'] },
    { metric: 'evidential_difficulties_victim_not_support_pct', forces: ['dorset'] },
    { metric: 'da_outcome_rate', forces: ['dorset', 'nottinghamshire'] },
    {
      metric: 'vulnerable_victim_crime_pct',
      forces: ['city-of-london', 'devon-and-cornwall', 'essex', 'gloucestershire', 'lancashire'],
    },
    { metric: 'ocgs_per_million', forces: ['city-of-london'] },
    { metric: 'ocg_predominant_crime_type_share', forces: ['humberside'] },
    { metric: 'crime_rate_total_excl_fraud', forces: [] },
  ] satisfies { metric: MetricKey; forces: string[] }[])('$metric excludes $forces', ({ metric, forces }) => {
    expect(excludedFrom(metric)).toEqual(forces);
  });

  it('flags partial-year and pilot forces on outcomes without excluding them', () => {
    expect(ruleFor('outcome_proportion', 'derbyshire')).toMatchObject({
      treatment: 'flagged',
      reason: expect.stringContaining('three quarters'),
    });
    expect(ruleFor('outcome_proportion', 'west-yorkshire')?.treatment).toBe('flagged');
  });

  it('combines Warwickshire and West Mercia for OCGs, each pointing at the other', () => {
    expect(ruleFor('ocgs_per_million', 'warwickshire')).toMatchObject({
      treatment: 'combined',
      combinedWith: 'west-mercia',
    });
    expect(ruleFor('ocgs_per_million', 'west-mercia')).toMatchObject({
      treatment: 'combined',
      combinedWith: 'warwickshire',
    });
  });

  it('prefers the most severe rule when a force has two on one metric', () => {
    // City of London: excluded from OCGs and also flagged for its population on every population rate.
    expect(ruleFor('ocgs_per_million', 'city-of-london')?.treatment).toBe('excluded');
    expect(ruleFor('crime_rate_total_excl_fraud', 'city-of-london')?.treatment).toBe('unranked');
  });

  it('gives every rule a reason and at least one metric', () => {
    for (const rule of EXCLUSION_REGISTRY_2016) {
      expect(rule.reason.length).toBeGreaterThan(20);
      expect(rule.metrics.length).toBeGreaterThan(0);
    }
  });
});
