import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ForceSchema } from '../schema/force.ts';
import { isMissing } from '../types/missing.ts';
import { SOURCE_IDS, type SourceId } from '../types/provenance.ts';
import { NON_FORCE_NAMES, namesBySource } from '../../scripts/lib/source-names.ts';
import { readRawCsv } from '../../scripts/lib/raw.ts';
import {
  ENGLAND_AND_WALES,
  findForce,
  forces,
  getForce,
  resolveForce,
  resolveForceName,
  territorialForces,
  UnknownForceError,
  UnknownForceNameError,
} from './forces.ts';

describe('forces', () => {
  it('has 43 territorial forces, England and Wales and BTP, all valid', () => {
    expect(forces).toHaveLength(45);
    expect(territorialForces).toHaveLength(43);
    for (const force of forces) expect(ForceSchema.safeParse(force).success, force.slug).toBe(true);
    expect(new Set(forces.map((force) => force.slug)).size).toBe(45);
  });

  it('lists territorial forces in ONS code order with E23/W15 codes', () => {
    const codes = territorialForces.map((force) => force.code as string);
    expect(codes).toEqual([...codes].sort());
    expect(codes.filter((code) => code.startsWith('E23'))).toHaveLength(39);
    expect(codes.filter((code) => code.startsWith('W15'))).toHaveLength(4);
    for (const force of territorialForces)
      expect(force.country).toBe(force.code.toString().startsWith('W') ? 'Wales' : 'England');
  });

  it('uses the data.police.uk force ids as slugs (datahub forces.csv)', () => {
    const ids = readRawCsv('datahub-crime-uk-forces', 'forces.csv').map((row) => row.values.id);
    expect([...territorialForces.map((force) => force.slug), 'btp'].sort()).toEqual(ids.sort());
  });

  it.each([
    { slug: 'durham', code: 'E23000008', name: 'Durham Constabulary', shortName: 'Durham', region: 'North East' },
    { slug: 'dyfed-powys', code: 'W15000004', name: 'Dyfed-Powys Police', shortName: 'Dyfed-Powys', region: 'Wales' },
    {
      slug: 'city-of-london',
      code: 'E23000034',
      name: 'City of London Police',
      shortName: 'City of London',
      region: 'London',
    },
    {
      slug: 'devon-and-cornwall',
      code: 'E23000035',
      name: 'Devon & Cornwall Police',
      shortName: 'Devon and Cornwall',
      region: 'South West',
    },
  ])('$slug has code $code and its names', (expected) => {
    expect(getForce(expected.slug)).toMatchObject(expected);
  });

  it('has England and Wales as K04000001 and BTP without a code', () => {
    expect(ENGLAND_AND_WALES).toMatchObject({
      slug: 'england-and-wales',
      code: 'K04000001',
      kind: 'england-and-wales',
    });
    const btp = getForce('btp')!;
    expect(btp.kind).toBe('british-transport-police');
    expect(isMissing(btp.code)).toBe(true);
  });

  it('finds forces by slug or code, case-insensitively', () => {
    expect(getForce('DURHAM')?.slug).toBe('durham');
    expect(getForce('w15000004')?.slug).toBe('dyfed-powys');
    expect(getForce('K04000001')?.slug).toBe('england-and-wales');
    expect(getForce('nowhere')).toBeUndefined();
  });
});

describe('findForce and resolveForce: one resolver for every function that takes a force', () => {
  const durham = getForce('durham')!;

  it.each(['Durham', 'durham', 'DURHAM', ' durham ', 'E23000008', 'e23000008', 'Durham Constabulary'])(
    '%j names Durham',
    (identifier) => {
      expect(findForce(forces, identifier)).toBe(durham);
      expect(resolveForce(forces, identifier, { territorial: true })).toBe(durham);
    },
  );

  it('resolves every slug, code, name and short name of the table to its own row (no identifier is shared)', () => {
    for (const force of forces) {
      const identifiers = [force.slug, force.name, force.shortName, force.name.toUpperCase()];
      if (typeof force.code === 'string') identifiers.push(force.code, force.code.toLowerCase());
      for (const identifier of identifiers) expect(findForce(forces, identifier), identifier).toBe(force);
    }
  });

  it('reads & as and, as a slug would (Devon & Cornwall)', () => {
    expect(findForce(forces, 'Devon & Cornwall')?.slug).toBe('devon-and-cornwall');
  });

  it('finds nothing for a name it does not know, and never guesses', () => {
    for (const identifier of ['Durhm', 'Durham Police', '', 'E23000000', 'constabulary'])
      expect(findForce(forces, identifier), identifier).toBeUndefined();
    expect(findForce(forces, 42 as unknown as string)).toBeUndefined();
  });

  it('throws UnknownForceError naming the input and the accepted forms', () => {
    expect(() => resolveForce(forces, 'Durhm')).toThrow(UnknownForceError);
    expect(() => resolveForce(forces, 'Durhm')).toThrow(/No police force "Durhm".*'durham', 'E23000008'/);
  });

  it('with territorial: true, names British Transport Police and England and Wales as not inspected forces', () => {
    for (const identifier of ['btp', 'British Transport Police', 'K04000001']) {
      expect(findForce(forces, identifier)?.kind).not.toBe('territorial');
      expect(() => resolveForce(forces, identifier, { territorial: true })).toThrow(/not one of the 43 territorial/);
    }
    expect(resolveForce(forces, 'btp').slug).toBe('btp');
  });

  it('reads the forces table it is given (an imported release), not only the bundled one', () => {
    const renamed = forces.map((force) =>
      force.slug === 'durham' ? { ...force, name: 'Durham Police Service' } : force,
    );
    expect(findForce(renamed, 'Durham Police Service')?.slug).toBe('durham');
    expect(findForce(forces, 'Durham Police Service')).toBeUndefined();
  });

  it('getForce is findForce on the bundled table', () => {
    for (const force of forces) expect(getForce(force.name)).toBe(force);
  });
});

describe('resolveForceName', () => {
  it.each<{ name: string; source: SourceId; slug: string }>([
    { name: 'London, City of', source: 'ons-lad-csp-pfa-lookup-2017', slug: 'city-of-london' },
    { name: 'London, City of', source: 'ho-outcomes-2017-18', slug: 'city-of-london' },
    { name: 'Devon & Cornwall', source: 'ons-lad-csp-pfa-lookup-2017', slug: 'devon-and-cornwall' },
    { name: 'Met Police', source: 'peel2016-effectiveness-judgments', slug: 'metropolitan' },
    { name: 'Avon & Somerset', source: 'peel2016-effectiveness-judgments', slug: 'avon-and-somerset' },
    { name: 'Metropolitan', source: 'peel-effectiveness-grades-2015-2017', slug: 'metropolitan' },
    { name: 'Durham Constabulary', source: 'policeuk-aggregates-2012-2016', slug: 'durham' },
    { name: 'Metropolitan Police Service', source: 'policeuk-street-sample', slug: 'metropolitan' },
    { name: 'Dyfed Powys Police', source: 'policeuk-forces', slug: 'dyfed-powys' },
    { name: 'ENGLAND AND WALES', source: 'ons-pfa-households-mid2018', slug: 'england-and-wales' },
    { name: 'British Transport Police', source: 'ons-rec-crime-pfa', slug: 'btp' },
  ])('$source "$name" → $slug', ({ name, source, slug }) => {
    expect(resolveForceName(name, source).slug).toBe(slug);
  });

  it('maps every alias back to its own force, and getForce round-trips slug and code', () => {
    const pairs = forces.flatMap((force) =>
      Object.entries(force.aliases).map(([source, alias]) => ({ force, source: source as SourceId, alias: alias! })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...pairs), ({ force, source, alias }) => {
        expect(resolveForceName(alias, source)).toBe(force);
        expect(getForce(force.slug)).toBe(force);
        if (typeof force.code === 'string') expect(getForce(force.code)).toBe(force);
      }),
      { numRuns: 300 },
    );
  });

  it('never guesses: any other string throws UnknownForceNameError', () => {
    const known = new Set(forces.flatMap((force) => [force.name, force.shortName, ...Object.values(force.aliases)]));
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...SOURCE_IDS), (name, source) => {
        fc.pre(!known.has(name.trim()));
        expect(() => resolveForceName(name, source)).toThrow(UnknownForceNameError);
      }),
    );
  });

  it('throws a clear error naming the source, the name and the valid names', () => {
    expect(() => resolveForceName('Durham Police', 'ons-rec-crime-pfa')).toThrow(UnknownForceNameError);
    expect(() => resolveForceName('Durham Police', 'ons-rec-crime-pfa')).toThrow(
      /"Durham Police".*"ons-rec-crime-pfa".*"Cleveland"/,
    );
    // no fuzzy matching: a near miss is an error
    expect(() => resolveForceName('Devon & Cornwall', 'ons-rec-crime-pfa')).toThrow(UnknownForceNameError);
  });

  it('resolves every force name used in every raw source', { timeout: 20_000 }, () => {
    const names = namesBySource();
    const checked: string[] = [];
    for (const source of SOURCE_IDS) {
      for (const name of names[source] ?? []) {
        if (name in (NON_FORCE_NAMES[source] ?? {})) {
          expect(() => resolveForceName(name, source)).toThrow(UnknownForceNameError);
          continue;
        }
        expect(() => resolveForceName(name, source), `${source}: ${name}`).not.toThrow();
        checked.push(`${source}:${name}`);
      }
    }
    // 43 forces in the ONS lookup, the boundaries and the grades; + BTP in recorded crime
    expect(names['ons-lad-csp-pfa-lookup-2017']?.size).toBe(43);
    expect(names['ons-rec-crime-pfa']?.size).toBe(47);
    expect(checked.length).toBeGreaterThan(400);
  });
});
