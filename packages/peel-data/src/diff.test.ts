import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { forces } from './datasets/forces.ts';
import { countDiff, diffReleases, isEmptyDiff, type ComparableRelease } from './diff.ts';
import { missing } from './types/missing.ts';

const june2016 = { type: 'rolling-12m', end: '2016-06-30' } as const;
const june2015 = { type: 'rolling-12m', end: '2015-06-30' } as const;
const empty = { revised: [], changed: [], added: [], removed: [] };

describe('diffReleases on small releases', () => {
  const rows = [
    {
      name: 'a figure re-published for the same period is a revision',
      older: {
        version: '0.1.0',
        recordedCrime: [{ force: 'durham', period: june2016, offence: 'Burglary', count: 1200 }],
      },
      newer: {
        version: '0.2.0',
        recordedCrime: [{ force: 'durham', period: june2016, offence: 'Burglary', count: 1213 }],
      },
      expected: {
        ...empty,
        revised: [
          {
            dataset: 'recordedCrime',
            key: 'force=durham · offence=Burglary · period=12 months to 30 June 2016',
            field: 'count',
            from: 1200,
            to: 1213,
          },
        ],
      },
    },
    {
      name: 'a new period is added, not revised',
      older: { version: '0.1.0', population: [{ force: 'durham', year: 2015, persons: 625_345 }] },
      newer: {
        version: '0.2.0',
        population: [
          { force: 'durham', year: 2015, persons: 625_345 },
          { force: 'durham', year: 2016, persons: 630_000 },
        ],
      },
      expected: {
        ...empty,
        added: [
          {
            dataset: 'population',
            key: 'force=durham · year=2016',
            row: { force: 'durham', year: 2016, persons: 630_000 },
          },
        ],
      },
    },
    {
      name: 'a period that is gone is removed',
      older: {
        version: '0.1.0',
        population: [
          { force: 'durham', period: june2015, persons: 1 },
          { force: 'durham', period: june2016, persons: 2 },
        ],
      },
      newer: { version: '0.2.0', population: [{ force: 'durham', period: june2016, persons: 2 }] },
      expected: {
        ...empty,
        removed: [
          {
            dataset: 'population',
            key: 'force=durham · period=12 months to 30 June 2015',
            row: { force: 'durham', period: june2015, persons: 1 },
          },
        ],
      },
    },
    {
      name: 'reference data without a period is changed, not revised',
      older: { version: '0.1.0', forces: [{ slug: 'dyfed-powys', name: 'Dyfed Powys Police' }] },
      newer: { version: '0.2.0', forces: [{ slug: 'dyfed-powys', name: 'Dyfed-Powys Police' }] },
      expected: {
        ...empty,
        changed: [
          {
            dataset: 'forces',
            key: 'slug=dyfed-powys',
            field: 'name',
            from: 'Dyfed Powys Police',
            to: 'Dyfed-Powys Police',
          },
        ],
      },
    },
    {
      name: 'a missing marker filled with a number is a revision',
      older: {
        version: '0.1.0',
        arrests: [{ force: 'durham', period: june2016, arrests: missing('x', 'force could not supply data') }],
      },
      newer: { version: '0.2.0', arrests: [{ force: 'durham', period: june2016, arrests: 42 }] },
      expected: {
        ...empty,
        revised: [
          {
            dataset: 'arrests',
            key: 'force=durham · period=12 months to 30 June 2016',
            field: 'arrests',
            from: { missing: 'x', reason: 'force could not supply data' },
            to: 42,
          },
        ],
      },
    },
    {
      name: 'a new field is compared against a not-applicable marker',
      older: { version: '0.1.0', forces: [{ slug: 'durham' }] },
      newer: { version: '0.2.0', forces: [{ slug: 'durham', region: 'North East' }] },
      expected: {
        ...empty,
        changed: [
          {
            dataset: 'forces',
            key: 'slug=durham',
            field: 'region',
            from: missing('z', 'no such field in release 0.1.0'),
            to: 'North East',
          },
        ],
      },
    },
    {
      name: 'objects are compared leaf by leaf, ignoring key order',
      older: { version: '0.1.0', durhamPublished: { judgments: { overall: { grade: 'Outstanding', question: 'Q' } } } },
      newer: { version: '0.2.0', durhamPublished: { judgments: { overall: { question: 'Q', grade: 'Good' } } } },
      expected: {
        ...empty,
        changed: [
          {
            dataset: 'durhamPublished',
            key: 'judgments.overall.grade',
            field: 'value',
            from: 'Outstanding',
            to: 'Good',
          },
        ],
      },
    },
    {
      name: 'a dataset only in the newer release is all added',
      older: { version: '0.1.0' },
      newer: { version: '0.2.0', households: [{ force: 'durham', year: 2018, households: 10 }] },
      expected: {
        ...empty,
        added: [
          {
            dataset: 'households',
            key: 'force=durham · year=2018',
            row: { force: 'durham', year: 2018, households: 10 },
          },
        ],
      },
    },
  ];
  test.each(rows)('$name', ({ older, newer, expected }) => {
    expect(diffReleases(older, newer)).toEqual({ from: '0.1.0', to: '0.2.0', ...expected });
  });

  test('sparse street counts are keyed by their dimensions: a changed count is revised, a new month added', () => {
    const street = (months: string[], cells: number[][]) => ({
      kind: 'policeuk-street-counts',
      forces: ['durham'],
      months,
      crimeTypes: ['Burglary'],
      outcomeCategories: ['(blank)'],
      cells,
    });
    const diff = diffReleases(
      { version: '1', policeUkStreet: street(['2016-06'], [[0, 0, 0, 0, 5]]) },
      {
        version: '2',
        policeUkStreet: street(
          ['2016-06', '2016-07'],
          [
            [0, 0, 0, 0, 6],
            [0, 1, 0, 0, 2],
          ],
        ),
      },
    );
    const key = (month: string) =>
      `cells · force=durham · month=${month} · crimeType=Burglary · outcomeCategory=(blank)`;
    expect(diff.revised).toEqual([{ dataset: 'policeUkStreet', key: key('2016-06'), field: 'value', from: 5, to: 6 }]);
    expect(diff.added).toEqual([{ dataset: 'policeUkStreet', key: key('2016-07'), row: 2 }]);
  });

  test('a sparse cell outside its axes is an error naming the cell', () => {
    const bad = {
      version: '1',
      policeUkStreet: {
        kind: 'policeuk-street-counts',
        forces: ['durham'],
        months: ['2016-06'],
        crimeTypes: ['Burglary'],
        outcomeCategories: ['(blank)'],
        cells: [[0, 3, 0, 0, 5]],
      },
    };
    expect(() => diffReleases(bad, { version: '2' })).toThrow(
      'cells[0] should be [force index, month index, crimeType index, outcomeCategory index, value] within the axes, ' +
        'received [0,3,0,0,5]',
    );
  });

  test('options.keys names the key of a dataset', () => {
    const older = {
      version: '1',
      grades: [{ force: 'durham', year: 2016, question: 'overall', grade: 'outstanding', quote: 'a' }],
    };
    const newer = {
      version: '2',
      grades: [{ force: 'durham', year: 2016, question: 'overall', grade: 'outstanding', quote: 'b' }],
    };
    const diff = diffReleases(older, newer, { keys: { grades: ['force', 'year', 'question', 'grade'] } });
    expect(diff.revised).toEqual([
      {
        dataset: 'grades',
        key: 'force=durham · year=2016 · question=overall · grade=outstanding',
        field: 'quote',
        from: 'a',
        to: 'b',
      },
    ]);
  });

  test('two rows with one key is an error naming the dataset, the key and both rows', () => {
    const release = {
      version: '1',
      population: [
        { force: 'durham', persons: 1 },
        { force: 'durham', persons: 2 },
      ],
    };
    expect(() => diffReleases(release, structuredClone(release))).toThrow(
      /dataset "population" has two rows with the key "force=durham" \(row 0 and row 1\)/,
    );
  });

  test('a key field that a row lacks is an error naming the row', () => {
    const release = { version: '1', population: [{ force: 'durham', persons: 1 }] };
    expect(() => diffReleases(release, structuredClone(release), { keys: { population: ['force', 'year'] } })).toThrow(
      /row 0 of dataset "population" has no key field "year"/,
    );
  });

  test.each([
    { name: 'null', value: null },
    { name: 'a release without a version', value: { forces: [] } },
  ])('rejects $name with an example of the right call', ({ value }) => {
    expect(() => diffReleases(value as unknown as ComparableRelease, { version: '1' })).toThrow(
      /first argument must be a release with a string "version".*e\.g\. diffReleases/,
    );
  });
});

describe('diffReleases on the real forces table', () => {
  const current = { version: '0.1.0', forces };

  test('a release compared with itself has no differences', () => {
    expect(isEmptyDiff(diffReleases(current, { ...current, version: '0.1.1' }))).toBe(true);
  });

  test('renaming one force is one change to that force', () => {
    const durham = forces.find((force) => force.slug === 'durham')!;
    const renamed = {
      version: '0.2.0',
      forces: forces.map((force) => (force.slug === 'durham' ? { ...force, name: 'Durham Police' } : force)),
    };
    const diff = diffReleases(current, renamed);
    expect(diff.changed).toEqual([
      { dataset: 'forces', key: 'slug=durham', field: 'name', from: durham.name, to: 'Durham Police' },
    ]);
    expect(countDiff(diff)).toEqual([{ dataset: 'forces', revised: 0, changed: 1, added: 0, removed: 0 }]);
  });

  test('dropping British Transport Police removes exactly that row', () => {
    const diff = diffReleases(current, { version: '0.2.0', forces: forces.filter((force) => force.slug !== 'btp') });
    expect(diff.removed.map((change) => change.key)).toEqual(['slug=btp']);
    expect(diff.added).toEqual([]);
  });
});

describe('diffReleases invariants', () => {
  const row = fc.record({
    force: fc.constantFrom('durham', 'cleveland', 'gwent'),
    year: fc.integer({ min: 2012, max: 2016 }),
    count: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(missing('x', 'not supplied'))),
  });
  const release = (version: string) =>
    fc
      .uniqueArray(row, { selector: (r) => `${r.force}/${r.year}`, maxLength: 12 })
      .map((rows) => ({ version, crime: rows }));

  test('a release has no differences with itself', () => {
    fc.assert(fc.property(release('1'), (a) => isEmptyDiff(diffReleases(a, structuredClone(a)))));
  });

  test('swapping the releases swaps added with removed and from with to', () => {
    fc.assert(
      fc.property(release('1'), release('2'), (a, b) => {
        const forward = diffReleases(a, b);
        const backward = diffReleases(b, a);
        expect(forward.added.map((c) => c.key).sort()).toEqual(backward.removed.map((c) => c.key).sort());
        expect(forward.revised.map((c) => [c.key, c.from, c.to])).toEqual(
          backward.revised.map((c) => [c.key, c.to, c.from]),
        );
      }),
    );
  });

  test('every row of the newer release is either added or matched, and revisions only touch matched rows', () => {
    fc.assert(
      fc.property(release('1'), release('2'), (a, b) => {
        const diff = diffReleases(a, b);
        const olderKeys = new Set(a.crime.map((r) => `force=${r.force} · year=${r.year}`));
        expect(diff.added.every((c) => !olderKeys.has(c.key))).toBe(true);
        expect(diff.revised.every((c) => olderKeys.has(c.key))).toBe(true);
        expect(
          diff.added.length + b.crime.filter((r) => olderKeys.has(`force=${r.force} · year=${r.year}`)).length,
        ).toBe(b.crime.length);
      }),
    );
  });
});

describe('diffReleases on the real bundled datasets', async () => {
  const data = await import('./index.ts');
  const { hoOutcomes201718 } = await import('./generated/outcomes.ts');
  const { policeUkAggregates20122016 } = await import('./generated/police-uk.ts');
  const release = {
    version: '0.1.0',
    forces: data.forces,
    population: data.population,
    households: data.households,
    recordedCrime: data.recordedCrime,
    outcomes: hoOutcomes201718,
    policeUk: policeUkAggregates20122016,
    judgments: data.judgments,
    durhamPublished: data.durhamPublished,
  };
  const clone = () => structuredClone({ ...release, version: '0.2.0' });
  // Each test below copies and changes one dataset and compares only that one, to stay fast.
  const copyOf = <K extends Exclude<keyof typeof release, 'version'>>(name: K) =>
    ({ [name]: structuredClone(release[name]) }) as Pick<typeof release, K>;

  // The largest datasets hold ~90,000 cells: allow for a busy 2-core machine.
  test('takes PeelRelease values as they are typed', async () => {
    const { bundledRelease } = await import('./release.ts');
    expect(isEmptyDiff(diffReleases(bundledRelease, { ...bundledRelease, version: '9.9.9' }))).toBe(true);
  });

  test(
    'the whole release compared with a copy of itself has no differences (no ambiguous keys anywhere)',
    { timeout: 60_000 },
    () => {
      expect(diffReleases(release, clone())).toMatchObject({ from: '0.1.0', to: '0.2.0', ...empty });
    },
  );

  test('one re-published recorded-crime count is one revision, keyed by force, offence group and period', () => {
    const before = data.recordedCrimeCount(data.recordedCrime, 'durham', 'domestic-burglary', '2016-06-30');
    expect(typeof before).toBe('number');
    const newer = copyOf('recordedCrime');
    const index = newer.recordedCrime.periods.indexOf('2016-06-30');
    (newer.recordedCrime.series.durham!['domestic-burglary'] as number[])[index] = (before as number) + 1;
    expect(
      diffReleases(
        { version: '0.1.0', recordedCrime: release.recordedCrime },
        { version: '0.2.0', recordedCrime: newer.recordedCrime },
      ),
    ).toMatchObject({
      ...empty,
      revised: [
        {
          dataset: 'recordedCrime',
          key: 'series.durham.domestic-burglary · period=2016-06-30',
          field: 'value',
          from: before,
          to: (before as number) + 1,
        },
      ],
    });
  });

  test('a new population year is added for every force, not revised', () => {
    const newer = copyOf('population');
    const lastYear = newer.population.years.at(-1)!;
    (newer.population.years as number[]).push(lastYear + 1);
    for (const values of Object.values(newer.population.values)) (values as number[]).push(1);
    const diff = diffReleases(
      { version: '0.1.0', population: release.population },
      { version: '0.2.0', population: newer.population },
    );
    expect(diff.revised).toEqual([]);
    expect(diff.added.map((change) => change.key)).toEqual(
      Object.keys(release.population.values)
        .map((slug) => `values.${slug} · year=${lastYear + 1}`)
        .sort(),
    );
  });

  test('one outcome cell changed is a revision keyed by its dimensions and the financial year', () => {
    const newer = copyOf('outcomes');
    const cells = newer.outcomes.counts['offences-recorded-in-quarter'].byOffenceGroup as (number | object)[];
    const cellIndex = cells.findIndex((cell) => typeof cell === 'number');
    cells[cellIndex] = (cells[cellIndex] as number) + 5;
    const { revised, changed, added, removed } = diffReleases(
      { version: '0.1.0', outcomes: release.outcomes },
      { version: '0.2.0', outcomes: newer.outcomes },
    );
    expect({ changed, added, removed }).toEqual({ changed: [], added: [], removed: [] });
    expect(revised).toHaveLength(1);
    expect(revised[0]!.key).toMatch(
      new RegExp(
        '^counts\\.offences-recorded-in-quarter\\.byOffenceGroup · force=[a-z-]+ · offenceGroup=[a-z0-9-]+ · ' +
          'outcomeType=\\d+ · quarter=[1-4] · period=financial year 2017/18$',
      ),
    );
    expect((revised[0]!.to as number) - (revised[0]!.from as number)).toBe(5);
  });

  test('a re-stated grade is a revision of that force, question and year', () => {
    const newer = copyOf('judgments');
    const durham2016 = newer.judgments.find(
      (j) => j.force === 'durham' && j.year === 2016 && j.question === 'overall',
    )!;
    const before = durham2016.grade;
    (durham2016 as { grade: unknown }).grade = 'good';
    expect(
      diffReleases({ version: '0.1.0', judgments: release.judgments }, { version: '0.2.0', judgments: newer.judgments })
        .revised,
    ).toEqual([
      {
        dataset: 'judgments',
        key: 'force=durham · question=overall · year=2016',
        field: 'grade',
        from: before,
        to: 'good',
      },
    ]);
  });
});
