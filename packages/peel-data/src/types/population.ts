// Population and households, zod-free (the zod schemas are in schema/population.ts).
import type { ProjectionPeriod } from './period.ts';
import type { SourceId } from './provenance.ts';

/**
 * ONS mid-year population estimates by police force area, one array per force aligned to `years`
 * (persons, all ages, as at 30 June). `england-and-wales` is the sum of the 43 territorial forces.
 */
export type PopulationDataset = {
  source: SourceId;
  years: number[];
  /** Force slug → one value per year of `years`. */
  values: Record<string, number[]>;
  /** Per-force warnings a reader of a rate must see (e.g. City of London's resident-only population). */
  caveats: Record<string, string>;
};

/** ONS 2017-based household projections for 2018 by police force area (the only household counts available). */
export type HouseholdsDataset = {
  source: SourceId;
  period: ProjectionPeriod;
  /** How the published values are rounded. */
  rounding: string;
  /** Force slug → households. */
  values: Record<string, number>;
  caveats: string[];
};
