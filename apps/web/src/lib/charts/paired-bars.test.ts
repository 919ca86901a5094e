import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutPairedBars, wrapLabel } from './paired-bars.ts';

describe('wrapLabel', () => {
  it.each([
    { label: 'Charged/Summonsed', width: 30, expected: ['Charged/Summonsed'] },
    {
      label: 'Evidential difficulties; victim does not support action',
      width: 24,
      expected: ['Evidential difficulties;', 'victim does not support', 'action'],
    },
    { label: 'one two three four five six', width: 3, expected: ['one', 'two', 'three…'] },
  ])('$label at $width', ({ label, width, expected }) => {
    expect(wrapLabel(label, width)).toEqual(expected);
  });
});

describe('layoutPairedBars', () => {
  it('draws the force and England and Wales on one scale, force bar first', () => {
    const layout = layoutPairedBars([{ key: 'a', label: 'A', force: 5, englandWales: 10 }]);
    const row = layout.rows[0]!;
    expect(row.englandWales.width).toBeCloseTo(row.force.width * 2, 6);
    expect(row.force.y).toBeLessThan(row.englandWales.y);
  });

  it('stacks rows without overlap', () => {
    const layout = layoutPairedBars([
      { key: 'a', label: 'a long label that wraps onto more than one line for sure', force: 1, englandWales: 2 },
      { key: 'b', label: 'B', force: -1, englandWales: 2 },
    ]);
    const [first, second] = layout.rows;
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
    expect(second!.force.x).toBeLessThan(layout.zeroX);
  });

  it('keeps bars inside the plot whatever the values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
          { minLength: 1, maxLength: 25 },
        ),
        (pairs) => {
          const layout = layoutPairedBars(
            pairs.map(([force, englandWales], index) => ({
              key: `r${index}`,
              label: `row ${index}`,
              force,
              englandWales,
            })),
          );
          for (const row of layout.rows) {
            for (const bar of [row.force, row.englandWales]) {
              expect(bar.x).toBeGreaterThanOrEqual(230 - 1e-6);
              expect(bar.x + bar.width).toBeLessThanOrEqual(640 - 56 + 1e-6);
            }
          }
        },
      ),
    );
  });

  it('refuses a missing value passed as NaN', () => {
    expect(() => layoutPairedBars([{ key: 'dorset', label: 'D', force: Number.NaN, englandWales: 1 }])).toThrow(
      /dorset/,
    );
  });
});
