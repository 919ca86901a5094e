// The zod schemas of the outcomes dataset (types/outcomes.ts has the types; schema-types.test.ts checks they agree).
import { z } from 'zod';
import { OUTCOME_MEASURES } from '../types/outcomes.ts';
import { ForceSlugSchema } from './force.ts';
import { NumberOrMissingSchema } from './missing.ts';
import { FinancialYearPeriodSchema } from './period.ts';
import { SourceIdSchema } from './provenance.ts';

/**
 * Outcome type numbers in the Home Office framework: 0 (not yet assigned) to 21.
 * @example OutcomeTypeNumberSchema.safeParse(22).success // false
 */
export const OutcomeTypeNumberSchema = z.number().int().min(0).max(21);

/**
 * An outcome type as the imported file names it (`outcome_description`, `outcome_group`).
 * @example
 * OutcomeTypeInfoSchema.parse({ type: 1, description: 'Charged/Summonsed', homeOfficeGroup: 'Charged/Summonsed' })
 */
export const OutcomeTypeInfoSchema = z
  .object({ type: OutcomeTypeNumberSchema, description: z.string().min(1), homeOfficeGroup: z.string().min(1) })
  .strict();

/**
 * A Home Office offence group (`offence_group`), with a kebab-case id made from its name.
 * @example OutcomeOffenceGroupSchema.parse({ id: 'robbery', name: 'Robbery' })
 */
export const OutcomeOffenceGroupSchema = z
  .object({ id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), name: z.string().min(1) })
  .strict();

/**
 * A Home Office offence code kept separately (e.g. `8N` assault with injury).
 * @example
 * hoOutcomes201718.offenceCodes[0]
 * // { code: '8N', description: 'Assault with injury', offenceGroup: 'violence-against-the-person', offenceSubgroup:
 * 'Violence with injury' }
 */
export const OutcomeOffenceCodeSchema = z
  .object({
    code: z.string().min(1),
    description: z.string().min(1),
    offenceGroup: z.string().min(1),
    offenceSubgroup: z.string().min(1),
  })
  .strict();

const CellsSchema = z
  .object({ byOffenceGroup: z.array(NumberOrMissingSchema), byOffenceCode: z.array(NumberOrMissingSchema) })
  .strict();

/**
 * Schema of an outcomes dataset (bundled or imported); validation runs at generation, import and loadRelease.
 * @example OutcomesDatasetSchema.safeParse(hoOutcomes201718).success // true
 */
export const OutcomesDatasetSchema = z
  .object({
    kind: z.literal('ho-outcomes'),
    source: SourceIdSchema,
    /** The file the dataset was imported from (name only). */
    file: z.string().min(1),
    period: FinancialYearPeriodSchema,
    quarters: z.array(z.number().int().min(1).max(4)).min(1),
    forces: z.array(ForceSlugSchema).min(1),
    offenceGroups: z.array(OutcomeOffenceGroupSchema).min(1),
    offenceCodes: z.array(OutcomeOffenceCodeSchema),
    outcomeTypes: z.array(OutcomeTypeInfoSchema).min(1),
    counts: z
      .object({ 'offences-recorded-in-quarter': CellsSchema, 'outcomes-recorded-in-quarter': CellsSchema })
      .strict(),
    notes: z.array(z.string()),
  })
  .strict()
  .superRefine((dataset, context) => {
    const perForce = dataset.outcomeTypes.length * dataset.quarters.length * dataset.forces.length;
    for (const measure of OUTCOME_MEASURES) {
      const cells = dataset.counts[measure];
      const expectations = [
        ['byOffenceGroup', perForce * dataset.offenceGroups.length],
        ['byOffenceCode', perForce * dataset.offenceCodes.length],
      ] as const;
      for (const [level, expected] of expectations) {
        if (cells[level].length !== expected) {
          context.addIssue({
            code: 'custom',
            path: ['counts', measure, level],
            message:
              `expected ${expected} cells (forces × ` +
              `${level === 'byOffenceGroup' ? 'offence groups' : 'offence codes'} × outcome types × quarters), found ` +
              `${cells[level].length}`,
          });
        }
      }
    }
  });

/**
 * What the importer skipped, and why (kept beside the bundled dataset).
 * @example OutcomesImportReportSchema.parse(hoOutcomesImportReport201718).skipped.length // 1
 */
export const OutcomesImportReportSchema = z
  .object({
    file: z.string(),
    rowsRead: z.number().int(),
    rowsUsed: z.number().int(),
    skipped: z.array(z.object({ row: z.number().int(), reason: z.string() }).strict()),
    blankLines: z.number().int(),
    /** Cells below zero: Home Office net adjustments, kept as published. */
    negativeValues: z.number().int(),
  })
  .strict();
export type OutcomesImportReport = z.infer<typeof OutcomesImportReportSchema>;
