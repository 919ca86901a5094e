import { z } from 'zod';
import { MISSING_CODES } from '../types/missing.ts';

// The plain parts live in types/missing.ts (no zod), re-exported here for the import parsers.
export { MISSING_CODES, MISSING_CODE_LABELS, formatMissing, isMissing, missing } from '../types/missing.ts';
export type { Missing, MissingCode, NumberOrMissing } from '../types/missing.ts';

/**
 * Validates a Missing marker: a code and a non-empty reason.
 * @example MissingSchema.parse({ missing: 'x', reason: 'not published for this force' }).missing // 'x'
 */
export const MissingSchema = z
  .object({
    missing: z.enum(MISSING_CODES),
    reason: z.string().min(1, 'a missing value must say why it is missing'),
  })
  .strict();

/**
 * A number, or a missing marker with its reason.
 * @example NumberOrMissingSchema.safeParse(Number.NaN).success // false
 */
export const NumberOrMissingSchema = z.union([z.number().finite(), MissingSchema]);
