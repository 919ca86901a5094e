import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandForces, BANDS, tailSize, type Band } from './banding.ts';

const order: Record<Band, number> = { 'among-the-lowest': 0, 'broadly-in-line': 1, 'among-the-highest': 2 };

describe('tailSize', () => {
  it.each([
    { n: 43, k: 10 },
    { n: 42, k: 10 },
    { n: 41, k: 10 },
    { n: 40, k: 10 },
    { n: 39, k: 9 },
    { n: 4, k: 1 },
    { n: 3, k: 0 },
    { n: 0, k: 0 },
  ])('$n ranked forces -> $k in each tail', ({ n, k }) => {
    expect(tailSize(n)).toBe(k);
  });
  it('rejects a fractional count', () => expect(() => tailSize(4.5)).toThrow(/non-negative integer/));
});

describe('bandForces', () => {
  it('bands the top and bottom quarter of eight forces, rank 1 = highest', () => {
    const values = [8, 7, 6, 5, 4, 3, 2, 1];
    const banding = bandForces(values.map((value, i) => ({ force: `f${i}`, value })));
    expect(banding).toMatchObject({ n: 8, k: 2, cutoffs: { highest: 7, lowest: 2 } });
    expect(banding.ranked.map((row) => [row.value, row.rank, row.band])).toEqual([
      [8, 1, 'among-the-highest'],
      [7, 2, 'among-the-highest'],
      [6, 3, 'broadly-in-line'],
      [5, 4, 'broadly-in-line'],
      [4, 5, 'broadly-in-line'],
      [3, 6, 'broadly-in-line'],
      [2, 7, 'among-the-lowest'],
      [1, 8, 'among-the-lowest'],
    ]);
  });

  it('puts every force tied at the cut-off into the tail', () => {
    const banding = bandForces([9, 7, 7, 7, 5, 4, 3, 1].map((value, i) => ({ force: `f${i}`, value })));
    expect(banding.ranked.filter((row) => row.band === 'among-the-highest').map((row) => row.value)).toEqual([
      9, 7, 7, 7,
    ]);
    expect(banding.ranked.filter((row) => row.value === 7).map((row) => row.rank)).toEqual([2, 2, 2]);
  });

  it('calls a value shared by most forces broadly in line rather than both highest and lowest', () => {
    // n = 8, k = 2: the zeros rank 2nd from the top and 1st from the bottom, so they qualify for both tails.
    const banding = bandForces([0, 0, 0, 0, 0, 0, 0, 1].map((value, i) => ({ force: `f${i}`, value })));
    expect(banding.ranked.find((row) => row.value === 0)).toMatchObject({
      rank: 2,
      rankFromBottom: 1,
      band: 'broadly-in-line',
    });
    expect(banding.ranked.find((row) => row.value === 1)?.band).toBe('among-the-highest');
  });

  it('does not rank excluded forces, BTP or missing values, and says why', () => {
    const banding = bandForces(
      [
        { force: 'dorset', value: 99 },
        { force: 'btp', value: 98 },
        { force: 'kent', value: { missing: 'x', reason: 'not supplied' } },
        ...[5, 4, 3, 2].map((value, i) => ({ force: `f${i}`, value })),
      ],
      { exclusions: [{ force: 'dorset', treatment: 'excluded', reason: 'no outcomes data', metrics: [] }] },
    );
    expect(banding.n).toBe(4);
    expect(banding.ranked[0]).toMatchObject({ force: 'f0', rank: 1 });
    expect(banding.notRanked).toEqual([
      { force: 'dorset', reason: 'no outcomes data' },
      { force: 'btp', reason: expect.stringContaining('never compared') },
      { force: 'kent', reason: 'no value: not supplied' },
    ]);
  });

  const forcesArb = fc.array(
    fc.record({
      value: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 100, noNaN: true })),
      excluded: fc.boolean(),
    }),
    { minLength: 0, maxLength: 44 },
  );
  const run = (rows: { value: number; excluded: boolean }[]) =>
    bandForces(
      rows.map((row, i) => ({ force: `f${i}`, value: row.value })),
      {
        exclusions: rows.flatMap((row, i) =>
          row.excluded ? [{ force: `f${i}`, treatment: 'excluded' as const, reason: 'x', metrics: [] }] : [],
        ),
      },
    );

  it('property: each tail holds exactly k = floor(n/4) forces when values are distinct', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { maxLength: 44 }), (values) => {
        const banding = bandForces(values.map((value, i) => ({ force: `f${i}`, value })));
        expect(banding.k).toBe(Math.floor(values.length / 4));
        expect(banding.ranked.filter((row) => row.band === 'among-the-highest')).toHaveLength(banding.k);
        expect(banding.ranked.filter((row) => row.band === 'among-the-lowest')).toHaveLength(banding.k);
      }),
    );
  });

  it('property: with ties a tail holds at least k forces, and more only through a tie at its cut-off', () => {
    fc.assert(
      fc.property(forcesArb, (rows) => {
        const banding = run(rows);
        const top = banding.ranked.filter((row) => row.band === 'among-the-highest');
        const bottom = banding.ranked.filter((row) => row.band === 'among-the-lowest');
        for (const [tail, cutoff] of [
          [top, banding.cutoffs.highest],
          [bottom, banding.cutoffs.lowest],
        ] as const) {
          const beyondCutoff = tail.filter((row) => row.value !== cutoff);
          expect(beyondCutoff.length).toBeLessThan(Math.max(banding.k, 1));
        }
        // A tail is short of k only when the value it would need is shared with most forces (then broadly in line).
        if (top.length < banding.k)
          expect(banding.ranked.filter((row) => row.value === banding.cutoffs.highest).length * 2).toBeGreaterThan(
            banding.n,
          );
      }),
    );
  });

  it('property: bands are monotone in the value and tied values share a band', () => {
    fc.assert(
      fc.property(forcesArb, (rows) => {
        const ranked = run(rows).ranked;
        for (const a of ranked) {
          for (const b of ranked) {
            if (a.value > b.value) expect(order[a.band]).toBeGreaterThanOrEqual(order[b.band]);
            if (a.value === b.value) expect(a.band).toBe(b.band);
          }
        }
      }),
    );
  });

  it('property: never ranks or bands an excluded force', () => {
    fc.assert(
      fc.property(forcesArb, (rows) => {
        const banding = run(rows);
        const excluded = new Set(rows.flatMap((row, i) => (row.excluded ? [`f${i}`] : [])));
        expect(banding.ranked.some((row) => excluded.has(row.force))).toBe(false);
        expect(banding.n).toBe(rows.length - excluded.size);
        expect(banding.ranked.every((row) => BANDS.includes(row.band))).toBe(true);
      }),
    );
  });
});
