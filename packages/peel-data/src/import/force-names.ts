/**
 * Force names in imported files are resolved through data-core's explicit alias table
 * (`resolveForceName`), never fuzzily. Each call is cached per name because a file repeats a handful of
 * names hundreds of thousands of times.
 */
import { UnknownForceNameError, forces, resolveForceName } from '../datasets/forces.ts';
import type { Force } from '../types/force.ts';
import type { SourceId } from '../types/provenance.ts';
import { ImportError, showValue } from './errors.ts';

/** What a name resolves to: a force in scope, or a force we deliberately leave out (skipped and reported). */
export type ResolvedForce = { force: Force; order: number } | { outOfScope: string };

/**
 * Police Service of Northern Ireland appears on data.police.uk files; peel-data covers England and Wales
 * only, so its rows are skipped and counted in the import report rather than rejected.
 */
const OUT_OF_SCOPE: ReadonlyMap<string, string> = new Map([
  [
    'Police Service of Northern Ireland',
    'Police Service of Northern Ireland is outside England and Wales, so outside PEEL and peel-data',
  ],
]);

/**
 * Builds a cached resolver of one source's force names; `order` is the force's position in the forces
 * table (ONS code order, BTP last), used to sort dataset axes the same way everywhere.
 * @example
 * forceNameResolver('ho-outcomes-2017-18', 'x.csv', 'force_name')('London, City of', 2)
 * // { force: { slug: 'city-of-london', … }, order: 33 }
 */
export function forceNameResolver(
  source: SourceId,
  file: string,
  column: string,
): (name: string, row: number) => ResolvedForce {
  const cache = new Map<string, ResolvedForce>();
  return (name, row) => {
    const cached = cache.get(name);
    if (cached) return cached;
    const outOfScope = OUT_OF_SCOPE.get(name.trim());
    let resolved: ResolvedForce;
    if (outOfScope) resolved = { outOfScope };
    else {
      let force: Force;
      try {
        force = resolveForceName(name, source);
      } catch (error) {
        if (!(error instanceof UnknownForceNameError)) throw error;
        const examples = forces
          .filter((f) => f.aliases[source])
          .slice(0, 3)
          .map((f) => showValue(f.aliases[source]!));
        throw new ImportError({
          file,
          row,
          column,
          expected: `a police force name as the source spells it (e.g. ${examples.join(', ')})`,
          received: `${showValue(name)}, which is not a known force`,
        });
      }
      if (force.kind === 'england-and-wales') {
        throw new ImportError({
          file,
          row,
          column,
          expected: 'a single police force',
          received: `${showValue(name)} (the England and Wales total: import forces only, totals are computed)`,
        });
      }
      resolved = { force, order: forces.indexOf(force) };
    }
    cache.set(name, resolved);
    return resolved;
  };
}
