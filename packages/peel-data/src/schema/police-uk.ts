// The zod schemas of the police.uk datasets (types/police-uk.ts has the types; schema-types.test.ts checks they
// agree).
import { z } from 'zod';
import { ForceSlugSchema } from './force.ts';
import { NumberOrMissingSchema } from './missing.ts';
import { SourceIdSchema } from './provenance.ts';

/**
 * Schema of the police.uk aggregates by force × calendar year.
 * @example PoliceUkAggregatesDatasetSchema.safeParse(policeUkAggregates20122016).success // true
 */
export const PoliceUkAggregatesDatasetSchema = z
  .object({
    kind: z.literal('policeuk-aggregates'),
    source: SourceIdSchema,
    file: z.string().min(1),
    years: z.array(z.number().int()).min(1),
    forces: z.array(ForceSlugSchema).min(1),
    /** police.uk crime types other than anti-social behaviour, as labelled in the file. */
    crimeTypes: z.array(z.string().min(1)),
    /** police.uk last outcome categories, plus `NO_OUTCOME_LABEL`. */
    outcomeCategories: z.array(z.string().min(1)),
    /** [force][year] */
    asbIncidents: z.array(NumberOrMissingSchema),
    /** [force][crime type][year] */
    crimesByType: z.array(NumberOrMissingSchema),
    /** [force][outcome category][year], crimes only (ASB has no outcome). */
    crimesByLastOutcome: z.array(NumberOrMissingSchema),
    notes: z.array(z.string()),
  })
  .strict()
  .superRefine((dataset, context) => {
    const perType = dataset.forces.length * dataset.years.length;
    const expect = (path: 'asbIncidents' | 'crimesByType' | 'crimesByLastOutcome', cells: number) => {
      if (dataset[path].length !== cells)
        context.addIssue({
          code: 'custom',
          path: [path],
          message: `expected ${cells} cells, found ${dataset[path].length}`,
        });
    };
    expect('asbIncidents', perType);
    expect('crimesByType', perType * dataset.crimeTypes.length);
    expect('crimesByLastOutcome', perType * dataset.outcomeCategories.length);
  });

/** One count of street-level records: indexes into the dataset's axes, then the count. */
const StreetCellSchema = z.tuple([
  z.number().int().min(0),
  z.number().int().min(0),
  z.number().int().min(0),
  z.number().int().min(0),
  z.number().int().min(1),
]);

/**
 * Schema of street-level counts by force × month × crime type × last outcome (`peel-data import --format
 * police-uk-street`).
 * @example PoliceUkStreetCountsDatasetSchema.safeParse((await loadRelease(dir)).policeUkStreet).success // true
 */
export const PoliceUkStreetCountsDatasetSchema = z
  .object({
    kind: z.literal('policeuk-street-counts'),
    source: SourceIdSchema,
    /** Files counted, one entry per import. */
    files: z.array(z.string().min(1)).min(1),
    /** Which force × month pairs the files cover (counts outside these are Missing, inside them absent = 0). */
    coverage: z.array(z.object({ force: ForceSlugSchema, month: z.string().regex(/^\d{4}-\d{2}$/) }).strict()).min(1),
    forces: z.array(ForceSlugSchema),
    months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
    crimeTypes: z.array(z.string().min(1)),
    outcomeCategories: z.array(z.string().min(1)),
    /** [force index, month index, crime type index, outcome index, count]; only non-zero counts. */
    cells: z.array(StreetCellSchema),
  })
  .strict()
  .superRefine((dataset, context) => {
    const limits = [
      dataset.forces.length,
      dataset.months.length,
      dataset.crimeTypes.length,
      dataset.outcomeCategories.length,
    ];
    dataset.cells.forEach((cell, index) => {
      for (let axis = 0; axis < 4; axis++) {
        if (cell[axis]! >= limits[axis]!)
          context.addIssue({
            code: 'custom',
            path: ['cells', index, axis],
            message: `index ${cell[axis]} is outside its axis (${limits[axis]} entries)`,
          });
      }
    });
  });
