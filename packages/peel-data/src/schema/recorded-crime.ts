import { z } from 'zod';
import { NumberOrMissingSchema } from './missing.ts';
import { SourceIdSchema } from './provenance.ts';
import { OFFENCE_GROUPS, type OffenceGroupId } from '../types/recorded-crime.ts';

// The plain parts live in types/recorded-crime.ts (no zod), re-exported here for the import parsers.
export { FRAUD_BODIES, OFFENCE_CATEGORIES, OFFENCE_GROUPS } from '../types/recorded-crime.ts';
export type {
  FraudBodyId,
  OffenceCategory,
  OffenceGroup,
  OffenceGroupId,
  RecordedCrimeDataset,
  RecordedCrimeNote,
} from '../types/recorded-crime.ts';

/**
 * Validates an offence group id.
 * @example OffenceGroupIdSchema.parse('sexual-offences') // 'sexual-offences'
 */
export const OffenceGroupIdSchema = z.enum(
  OFFENCE_GROUPS.map((group) => group.id) as [OffenceGroupId, ...OffenceGroupId[]],
);

/**
 * A flag on published counts: kept as published, but a reader should know.
 * @example RecordedCrimeNoteSchema.parse(recordedCrime.notes[0]).kind // 'negative-count'
 */
export const RecordedCrimeNoteSchema = z
  .object({
    kind: z.enum(['negative-count', 'partial-year']),
    /** Omitted when the note applies to every series. */
    series: z.string().optional(),
    offenceGroup: OffenceGroupIdSchema,
    periodEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    text: z.string().min(1),
  })
  .strict();

/**
 * Police recorded crime, rolling 12-month counts. `periods` are the ISO end dates of the 12 months
 * (ascending); each series (force slug, `btp`, or fraud body id) holds one array per offence group,
 * aligned to `periods`. A Missing with code `z` means the group did not apply in that period (its
 * offences are counted in another group), so a total over groups can skip it; `x` means not available.
 * @example RecordedCrimeDatasetSchema.safeParse(recordedCrime).success // true
 */
export const RecordedCrimeDatasetSchema = z
  .object({
    source: SourceIdSchema,
    periods: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).min(1),
    series: z.record(z.string(), z.partialRecord(OffenceGroupIdSchema, z.array(NumberOrMissingSchema))),
    notes: z.array(RecordedCrimeNoteSchema),
  })
  .strict()
  .superRefine((dataset, context) => {
    const sorted = [...dataset.periods].sort();
    if (sorted.some((period, index) => period !== dataset.periods[index]) || new Set(sorted).size !== sorted.length) {
      context.addIssue({ code: 'custom', path: ['periods'], message: 'periods must be ascending and distinct' });
    }
    for (const [series, groups] of Object.entries(dataset.series)) {
      for (const [group, counts] of Object.entries(groups)) {
        if (counts?.length !== dataset.periods.length) {
          context.addIssue({
            code: 'custom',
            path: ['series', series, group],
            message: `${counts?.length} counts for ${dataset.periods.length} periods`,
          });
        }
      }
    }
  });
