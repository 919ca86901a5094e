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

describe('layoutPairedBars, the phone drawing (names above the bars)', () => {
  const rows = [
    { key: 'charged', label: 'Charged/Summonsed', force: 9.9, englandWales: 9.9 },
    {
      key: 'evidential',
      label: 'Evidential difficulties: suspect identified; victim does not support action',
      force: 29.3,
      englandWales: 32.5,
    },
    { key: 'negative', label: 'A change', force: -4, englandWales: 2 },
  ];
  const above = layoutPairedBars(rows, { labels: 'above' });

  it('keeps text at least 12 px in the 290 px a 320 px screen leaves', () => {
    expect((above.fontSize * (320 - 2 * 15)) / above.width).toBeGreaterThanOrEqual(12);
  });

  it('wraps names to the width (at about 0.6 em a character) and writes them above both bars', () => {
    for (const row of above.rows) {
      for (const line of row.lines) expect(line.length * above.fontSize * 0.6).toBeLessThanOrEqual(above.width);
      const lastBaseline = row.text.y + (row.lines.length - 1) * above.lineHeight;
      expect(lastBaseline).toBeLessThanOrEqual(row.force.y);
      expect(row.force.y).toBeLessThan(row.englandWales.y);
      expect(row.englandWales.y + 12).toBeLessThanOrEqual(row.y + row.height);
    }
    expect(above.rows[1]!.lines.length).toBeGreaterThan(1);
  });

  it('leaves room for a value left of a negative bar', () => {
    const negative = above.rows[2]!;
    expect(negative.force.x).toBeLessThan(above.zeroX);
    // Room for about six characters ("-10.5%") at 0.6 em each.
    expect(negative.force.labelX).toBeGreaterThanOrEqual(6 * above.fontSize * 0.6);
  });
});
