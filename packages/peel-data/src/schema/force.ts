import { z } from 'zod';
import { MissingSchema } from './missing.ts';
import { COUNTRIES, FORCE_KINDS } from '../types/force.ts';
import { SOURCE_IDS } from '../types/provenance.ts';

// The plain parts live in types/force.ts (no zod), re-exported here for the import parsers.
export { COUNTRIES, FORCE_KINDS } from '../types/force.ts';
export type { Country, Force, ForceKind } from '../types/force.ts';

/**
 * A data.police.uk force id, e.g. `durham`, `devon-and-cornwall`, `btp`.
 * @example ForceSlugSchema.parse('devon-and-cornwall') // 'devon-and-cornwall'
 */
export const ForceSlugSchema = z
  .string()
  .regex(/^[a-z]+(-[a-z]+)*$/, 'expected a kebab-case force slug such as "devon-and-cornwall"');

/**
 * A police force (or the England and Wales aggregate). `aliases` holds the exact name each source uses,
 * so joins are explicit: a name that is in no alias table is an error, never a fuzzy match.
 * @example ForceSchema.parse(getForce('durham')).code // 'E23000008'
 */
export const ForceSchema = z
  .object({
    /** data.police.uk force id (the datahub `id` column), e.g. `durham`; `england-and-wales` for the aggregate. */
    slug: ForceSlugSchema,
    /** ONS code: E23…/W15… for police force areas, K04000001 for England and Wales; Missing for BTP. */
    code: z.union([z.string().regex(/^(E23|W15|K04)\d{6}$/), MissingSchema]),
    /** The force's own name as data.police.uk reports it, e.g. `Durham Constabulary`. */
    name: z.string().min(1),
    /** The area name ONS uses for the police force area, e.g. `Durham`, `Devon and Cornwall`. */
    shortName: z.string().min(1),
    kind: z.enum(FORCE_KINDS),
    /** ONS region (from the recorded-crime file), `Wales` for Welsh forces; Missing where no region applies. */
    region: z.union([z.string().min(1), MissingSchema]),
    country: z.enum(COUNTRIES),
    aliases: z.partialRecord(z.enum(SOURCE_IDS), z.string().min(1)),
  })
  .strict();
