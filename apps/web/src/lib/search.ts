/**
 * Finds forces by name, short name or ONS code, for the search box. Matching ignores case, accents,
 * punctuation and "&" versus "and" (sources write "Devon & Cornwall"). Results are ordered by how well
 * they match: exact code or name, then a name that starts with the query, then a word that does, then
 * any substring; ties keep the input order.
 */

export interface SearchableForce {
  slug: string;
  name: string;
  shortName: string;
  /** ONS code, or a missing marker (never searched). */
  code: string | { missing: string; reason: string };
}

/**
 * Lower case, no accents, "&" read as "and", punctuation and repeated spaces removed.
 * @example normaliseQuery('  Devon & Cornwall ') // 'devon and cornwall'
 */
export function normaliseQuery(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function score(force: SearchableForce, query: string): number {
  const code = typeof force.code === 'string' ? force.code.toLowerCase() : '';
  const names = [normaliseQuery(force.name), normaliseQuery(force.shortName), force.slug.replace(/-/g, ' ')];
  if (code && code === query.replace(/ /g, '')) return 4;
  if (names.some((name) => name === query)) return 4;
  if (names.some((name) => name.startsWith(query))) return 3;
  if (
    names.some((name) => name.split(' ').some((word) => word.startsWith(query))) ||
    (code && code.startsWith(query.replace(/ /g, '')))
  )
    return 2;
  if (names.some((name) => name.includes(query))) return 1;
  return 0;
}

/**
 * Forces matching `query`, best first. An empty query matches nothing.
 * @example searchForces(territorialForces, 'durham').map((force) => force.slug) // ['durham']
 * @example searchForces(territorialForces, 'W15000004')[0]?.slug // 'dyfed-powys'
 */
export function searchForces<T extends SearchableForce>(forces: readonly T[], query: string): T[] {
  const normalised = normaliseQuery(query);
  if (!normalised) return [];
  return forces
    .map((force, index) => ({ force, index, score: score(force, normalised) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.force);
}
