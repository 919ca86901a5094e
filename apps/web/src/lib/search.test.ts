import fc from 'fast-check';
import { getForce, territorialForces } from 'peel-data';
import { describe, expect, it } from 'vitest';
import { normaliseQuery, searchForces } from './search.ts';

const slugs = (query: string) => searchForces(territorialForces, query).map((force) => force.slug);
const codeOf = (slug: string) => {
  const code = getForce(slug)?.code;
  if (typeof code !== 'string') throw new Error(`${slug} has no ONS code in peel-data`);
  return code;
};

describe('searchForces on the 43 territorial forces', () => {
  it.each([
    { query: 'durham', first: 'durham' },
    { query: 'Durham Constabulary', first: 'durham' },
    { query: 'DURHAM', first: 'durham' },
    { query: 'devon & cornwall', first: 'devon-and-cornwall' },
    { query: 'dyfed', first: 'dyfed-powys' },
    { query: 'powys', first: 'dyfed-powys' },
    { query: 'city of london', first: 'city-of-london' },
  ])('"$query" finds $first first', ({ query, first }) => {
    expect(slugs(query)[0]).toBe(first);
  });

  it.each(['durham', 'dyfed-powys', 'metropolitan', 'gwent'])('finds %s by its ONS code, in any case', (slug) => {
    expect(slugs(codeOf(slug))[0]).toBe(slug);
    expect(slugs(codeOf(slug).toLowerCase())[0]).toBe(slug);
  });

  it('lists every force whose name contains a shared word', () => {
    const yorkshire = slugs('yorkshire');
    expect(yorkshire).toEqual(expect.arrayContaining(['north-yorkshire', 'west-yorkshire', 'south-yorkshire']));
    expect(yorkshire).not.toContain('durham');
  });

  it('finds nothing for an empty or unknown query', () => {
    expect(slugs('   ')).toEqual([]);
    expect(slugs('atlantis')).toEqual([]);
  });

  it('finds every force by its own name, short name and code (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...territorialForces),
        fc.constantFrom('name', 'shortName', 'code'),
        (force, field) => {
          const value = force[field];
          if (typeof value !== 'string') return;
          expect(searchForces(territorialForces, value)).toContain(force);
        },
      ),
    );
  });
});

describe('normaliseQuery', () => {
  it.each([
    { input: 'Devon & Cornwall', expected: 'devon and cornwall' },
    { input: '  Avon  and Somerset ', expected: 'avon and somerset' },
    { input: 'Dyfed-Powys', expected: 'dyfed powys' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(normaliseQuery(input)).toBe(expected);
  });
});
