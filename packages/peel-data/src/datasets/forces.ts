/**
 * The forces table: 43 territorial forces, the England and Wales aggregate and British Transport Police,
 * with lookups by slug or ONS code and an explicit (never fuzzy) name resolver per source.
 */
import { forceRows } from '../generated/forces.ts';
import type { Force } from '../types/force.ts';
import type { SourceId } from '../types/provenance.ts';

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

// Lookups are built on first use (one per forces table), so importing the table costs nothing; this module
// imports no zod schema, so a bundle that only needs forces stays small (see test/bundle.test.ts).
const identifierIndexes = new WeakMap<readonly Force[], Map<string, Force>>();

/** `Devon & Cornwall` → `devon-and-cornwall`: how a name is written as a slug. */
const slugOf = (text: string) =>
  text
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function identifierIndex(table: readonly Force[]): Map<string, Force> {
  let index = identifierIndexes.get(table);
  if (!index) {
    index = new Map();
    // Slugs and codes first, so a name can never shadow them.
    for (const force of table) {
      index.set(force.slug, force);
      if (typeof force.code === 'string') index.set(force.code.toLowerCase(), force);
    }
    for (const force of table)
      for (const name of [force.name, force.shortName])
        if (!index.has(name.toLowerCase())) index.set(name.toLowerCase(), force);
    identifierIndexes.set(table, index);
  }
  return index;
}

/**
 * The force an identifier names in a forces table: its slug (`durham`), ONS code (`E23000008`), name
 * (`Durham Constabulary`) or short name (`Durham`), ignoring case and surrounding spaces (and `&` for `and`);
 * undefined when it names none. The one force lookup of peel-data, peel-metrics and the API.
 * @example findForce(forces, 'Durham Constabulary')?.slug // 'durham'
 * @example findForce(forces, 'e23000008')?.slug // 'durham'
 * @example findForce(forces, 'Devon & Cornwall')?.slug // 'devon-and-cornwall'
 */
export function findForce(table: readonly Force[], identifier: string): Force | undefined {
  if (typeof identifier !== 'string') return undefined;
  const index = identifierIndex(table);
  const key = identifier.trim().toLowerCase();
  return index.get(key) ?? index.get(slugOf(key));
}

/**
 * Thrown by resolveForce when an identifier names no force (or not one of the kind asked for).
 * @example try { resolveForce(forces, 'Durhm') } catch (e) { e instanceof UnknownForceError } // true
 */
export class UnknownForceError extends RangeError {
  /** The identifier as given. */
  readonly identifier: string;
  /** The force it names when that force is of the wrong kind (e.g. British Transport Police), else undefined. */
  readonly force: Force | undefined;
  constructor(identifier: unknown, force: Force | undefined, expected: string) {
    const what = force
      ? `${JSON.stringify(identifier)} is ${force.name}, not ${expected}`
      : `No police force ${JSON.stringify(identifier)}`;
    super(
      `${what}: ` +
        `expected ${expected} as a slug, ONS code, name or short name, e.g. 'durham', 'E23000008', ` +
        "'Durham Constabulary' or 'Durham'",
    );
    this.name = 'UnknownForceError';
    this.identifier = String(identifier);
    this.force = force;
  }
}

/**
 * Like findForce, but throws UnknownForceError when the identifier names no force, or (with `territorial: true`)
 * names one that PEEL does not inspect as a force (British Transport Police, the England and Wales aggregate).
 * @example resolveForce(forces, 'Durham').code // 'E23000008'
 * @example resolveForce(forces, 'btp', { territorial: true }) // throws UnknownForceError
 */
export function resolveForce(
  table: readonly Force[],
  identifier: string,
  options: { territorial?: boolean } = {},
): Force {
  const force = findForce(table, identifier);
  const expected = options.territorial ? 'one of the 43 territorial forces' : 'a police force';
  if (!force || (options.territorial && force.kind !== 'territorial'))
    throw new UnknownForceError(identifier, force, expected);
  return force;
}

/**
 * A force of the bundled table by slug, ONS code, name or short name, case-insensitive; undefined when there is none
 * (findForce on `forces`).
 * @example getForce('durham')?.code // 'E23000008'
 * @example getForce('Durham Constabulary')?.slug // 'durham'
 */
export function getForce(identifier: string): Force | undefined {
  return findForce(forceRows, identifier);
}

/**
 * Thrown by resolveForceName when a source's force name is not in the alias table.
 * @example
 * try { resolveForceName('Durham Police', 'ons-rec-crime-pfa') } catch (e) { e instanceof UnknownForceNameError }
 * // true
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
