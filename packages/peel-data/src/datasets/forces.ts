/**
 * The forces table: 43 territorial forces, the England and Wales aggregate and British Transport Police,
 * with lookups by slug or ONS code and an explicit (never fuzzy) name resolver per source.
 */
import { forceRows } from '../generated/forces.ts';
import type { Force } from '../schema/force.ts';
import type { SourceId } from '../schema/provenance.ts';

/**
 * All 45 rows: the 43 territorial forces in ONS code order, then England and Wales, then British Transport Police.
 * @example forces.length // 45
 */
export const forces: readonly Force[] = forceRows;

/**
 * The 43 territorial police forces of England and Wales (PEEL's scope), in ONS code order (E23…, then W15…).
 * @example territorialForces[0]?.slug // 'metropolitan' (E23000001)
 */
export const territorialForces: readonly Force[] = /* @__PURE__ */ forceRows.filter(
  (force) => force.kind === 'territorial',
);

/**
 * The England and Wales aggregate row (slug `england-and-wales`, code `K04000001`). In PEEL it always means
 * the 43 territorial forces: British Transport Police is never included.
 * @example ENGLAND_AND_WALES.code // 'K04000001'
 */
export const ENGLAND_AND_WALES: Force = /* @__PURE__ */ forceRows.find((force) => force.kind === 'england-and-wales')!;

// Lookups are built on first use, so importing the table costs nothing; this module imports no zod
// schema, so a bundle that only needs forces stays small (see test/bundle.test.ts).
let bySlugOrCode: Map<string, Force> | undefined;

/**
 * A force by slug or ONS code, case-insensitive; undefined when there is none.
 * @example getForce('durham')?.code // 'E23000008'
 * @example getForce('e23000008')?.slug // 'durham'
 */
export function getForce(slugOrCode: string): Force | undefined {
  bySlugOrCode ??= new Map(
    forceRows.flatMap((force) => [
      [force.slug, force] as const,
      ...(typeof force.code === 'string' ? [[force.code.toLowerCase(), force] as const] : []),
    ]),
  );
  return bySlugOrCode.get(slugOrCode.trim().toLowerCase());
}

/**
 * Thrown by resolveForceName when a source's force name is not in the alias table.
 * @example try { resolveForceName('Durham Police', 'ons-rec-crime-pfa') } catch (e) { e instanceof UnknownForceNameError } // true
 */
export class UnknownForceNameError extends Error {
  readonly forceName: string;
  readonly source: SourceId;
  constructor(forceName: string, source: SourceId, validNames: readonly string[]) {
    super(
      `Unknown force name ${JSON.stringify(forceName)} for source "${source}". ` +
        `Valid names for that source are: ${validNames.map((name) => JSON.stringify(name)).join(', ')}. ` +
        `Each force's own name and short name are also accepted, e.g. "Durham Constabulary" or "Durham".`,
    );
    this.name = 'UnknownForceNameError';
    this.forceName = forceName;
    this.source = source;
  }
}

const byAlias = new Map<SourceId, Map<string, Force>>();
let byCanonicalName: Map<string, Force> | undefined;

/**
 * The force a source means by `name`: an exact match (after trimming) of that source's alias, or of a
 * force's own `name` / `shortName`. Anything else throws UnknownForceNameError: no fuzzy matching.
 * @example resolveForceName('London, City of', 'ho-outcomes-2017-18').slug // 'city-of-london'
 * @example resolveForceName('Met Police', 'peel2016-effectiveness-judgments').slug // 'metropolitan'
 */
export function resolveForceName(name: string, source: SourceId): Force {
  let aliases = byAlias.get(source);
  if (!aliases) {
    aliases = new Map(
      forceRows.flatMap((force) => (force.aliases[source] ? [[force.aliases[source], force] as const] : [])),
    );
    byAlias.set(source, aliases);
  }
  byCanonicalName ??= new Map(
    forceRows.flatMap((force) => [[force.name, force] as const, [force.shortName, force] as const]),
  );
  const trimmed = name.trim();
  const force = aliases.get(trimmed) ?? byCanonicalName.get(trimmed);
  if (!force) throw new UnknownForceNameError(name, source, [...aliases.keys()]);
  return force;
}
