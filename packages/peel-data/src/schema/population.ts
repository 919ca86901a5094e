import { z } from 'zod';
import { ForceSlugSchema } from './force.ts';
import { ProjectionPeriodSchema } from './period.ts';
import { SourceIdSchema } from './provenance.ts';

// The types live in types/population.ts (no zod), re-exported here for the import parsers.
export type { HouseholdsDataset, PopulationDataset } from '../types/population.ts';

/**
 * ONS mid-year population estimates by police force area, one array per force aligned to `years`
 * (persons, all ages, as at 30 June). `england-and-wales` is the sum of the 43 territorial forces.
 * @example PopulationDatasetSchema.safeParse(population).success // true
 */
export const PopulationDatasetSchema = z
  .object({
    source: SourceIdSchema,
    years: z.array(z.number().int()).min(1),
    values: z.record(ForceSlugSchema, z.array(z.number().int().positive())),
    /** Per-force warnings a reader of a rate must see (e.g. City of London's resident-only population). */
    caveats: z.record(ForceSlugSchema, z.string().min(1)),
  })
  .strict()
  .superRefine((dataset, context) => {
    for (const [slug, series] of Object.entries(dataset.values)) {
      if (series.length !== dataset.years.length) {
        context.addIssue({
          code: 'custom',
          path: ['values', slug],
          message: `${slug} has ${series.length} values for ${dataset.years.length} years`,
        });
      }
    }
  });

/**
 * ONS 2017-based household projections for 2018 by police force area (the only household counts available).
 * @example HouseholdsDatasetSchema.safeParse(households).success // true
 */
export const HouseholdsDatasetSchema = z
  .object({
    source: SourceIdSchema,
    period: ProjectionPeriodSchema,
    /** How the published values are rounded. */
    rounding: z.string().min(1),
    values: z.record(ForceSlugSchema, z.number().int().positive()),
    caveats: z.array(z.string().min(1)),
  })
  .strict();
