// The zod schema of a reconciliation row (model/reconciliation.ts has the type and the causes).
import { NumberOrMissingSchema } from 'peel-data/schemas';
import { z } from 'zod';
import { RECONCILIATION_CAUSES, type ReconciliationRow } from '../model/reconciliation.ts';
import { objectSchema, type ObjectSchema } from './typed.ts';

/**
 * Validates a reconciliation row.
 * @example ReconciliationRowSchema.shape.cause.safeParse('rounding').success // true
 */
export const ReconciliationRowSchema: ObjectSchema<ReconciliationRow> = objectSchema<ReconciliationRow>()(
  z
    .object({
      figureId: z.string(),
      label: z.string(),
      unit: z.string(),
      area: z.enum(['force', 'england-and-wales']),
      printed: z.object({ value: z.number(), text: z.string(), decimals: z.number().int().min(0) }).strict(),
      recomputed: NumberOrMissingSchema,
      difference: NumberOrMissingSchema,
      method: z.record(z.string(), z.string()),
      otherVariants: z.array(z.object({ variant: z.string(), value: NumberOrMissingSchema }).strict()),
      cause: z.enum(RECONCILIATION_CAUSES),
      evidence: z.string().min(1),
    })
    .strict(),
);
