// Forces, zod-free (the zod schemas are in schema/force.ts).
import type { Missing } from './missing.ts';
import type { SourceId } from './provenance.ts';

/**
 * What a row of the forces table stands for.
 * @example FORCE_KINDS.includes(getForce('btp')!.kind) // true
 */
export const FORCE_KINDS = ['territorial', 'england-and-wales', 'british-transport-police'] as const;
/** Kind of a forces-table row. */
export type ForceKind = (typeof FORCE_KINDS)[number];

/**
 * Countries a force can belong to.
 * @example COUNTRIES[1] // 'Wales'
 */
export const COUNTRIES = ['England', 'Wales', 'England and Wales'] as const;
/** Country of a force (BTP and the aggregate: England and Wales). */
export type Country = (typeof COUNTRIES)[number];

/**
 * A police force (or the England and Wales aggregate). `aliases` holds the exact name each source uses,
 * so joins are explicit: a name that is in no alias table is an error, never a fuzzy match.
 */
export type Force = {
  /** data.police.uk force id (the datahub `id` column), e.g. `durham`; `england-and-wales` for the aggregate. */
  slug: string;
  /** ONS code: E23…/W15… for police force areas, K04000001 for England and Wales; Missing for BTP. */
  code: string | Missing;
  /** The force's own name as data.police.uk reports it, e.g. `Durham Constabulary`. */
  name: string;
  /** The area name ONS uses for the police force area, e.g. `Durham`, `Devon and Cornwall`. */
  shortName: string;
  kind: ForceKind;
  /** ONS region (from the recorded-crime file), `Wales` for Welsh forces; Missing where no region applies. */
  region: string | Missing;
  country: Country;
  aliases: Partial<Record<SourceId, string>>;
};
