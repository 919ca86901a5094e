import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutRankedBars } from './ranked-bars.ts';

const row = (key: string, value: number) => ({ key, label: key, value, display: String(value) });

describe('layoutRankedBars', () => {
  it.each([
    { name: 'positive values grow right from zero', values: [1, 2, 4], expectLeftOfZero: [false, false, false] },
    { name: 'negative changes grow left from zero', values: [-11, 3, -8], expectLeftOfZero: [true, false, true] },
  ])('$name', ({ values, expectLeftOfZero }) => {
    const layout = layoutRankedBars(values.map((value, index) => row(`f${index}`, value)));
    layout.bars.forEach((bar, index) => {
      expect(bar.x < layout.zeroX, `bar ${index}`).toBe(expectLeftOfZero[index]);
    });
  });

  it('draws bar lengths proportional to values', () => {
    const layout = layoutRankedBars([row('a', 10), row('b', 5)]);
    expect(layout.bars[0]!.barWidth).toBeCloseTo(layout.bars[1]!.barWidth * 2, 6);
  });

  it('places the England and Wales line on the same scale as the bars', () => {
    const layout = layoutRankedBars([row('a', 10), row('b', 20)], { comparator: 10 });
    expect(layout.comparatorX).toBeCloseTo(layout.bars[0]!.x + layout.bars[0]!.barWidth, 6);
  });

  it('refuses a non-finite value, naming the row', () => {
    expect(() => layoutRankedBars([row('durham', Number.NaN)])).toThrow(/durham/);
  });

  it('keeps every bar inside the plot and in input order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (values) => {
          const layout = layoutRankedBars(values.map((value, index) => row(`f${index}`, value)));
          layout.bars.forEach((bar, index) => {
            expect(bar.x).toBeGreaterThanOrEqual(layout.plotLeft - 1e-6);
            expect(bar.x + bar.barWidth).toBeLessThanOrEqual(layout.plotRight + 1e-6);
            if (index > 0) expect(bar.y).toBeGreaterThan(layout.bars[index - 1]!.y);
          });
          expect(layout.height).toBeGreaterThan(layout.bars.at(-1)!.y);
        },
      ),
    );
  });

  describe('the phone drawing (names above the bars)', () => {
    const values = [16, 8, -3, -8, -35];
    const above = layoutRankedBars(
      values.map((value, index) => row(`f${index}`, value)),
      { labels: 'above', comparator: -9 },
    );

    it('keeps text at least 12 px in the 290 px a 320 px screen leaves, and the wide one from 640 px', () => {
      expect((above.fontSize * (320 - 2 * 15)) / above.width).toBeGreaterThanOrEqual(12);
      const wide = layoutRankedBars([row('a', 1)]);
      expect((wide.fontSize * 640) / wide.width).toBeGreaterThanOrEqual(12);
    });

    it("puts each name on its own line above its bar, inside its row, and rows don't overlap", () => {
      above.bars.forEach((bar, index) => {
        expect(bar.name.y, `name ${index}`).toBeLessThanOrEqual(bar.y);
        expect(bar.name.y - above.fontSize, `name ${index} top`).toBeGreaterThanOrEqual(bar.rowTop);
        expect(bar.y + bar.barHeight, `bar ${index}`).toBeLessThanOrEqual(bar.rowTop + bar.rowHeight);
        if (index > 0) expect(bar.rowTop).toBeGreaterThanOrEqual(above.bars[index - 1]!.rowTop + bar.rowHeight);
      });
    });

    it('writes the name from the left edge and the value at the right edge of the same line', () => {
      for (const bar of above.bars) {
        expect(bar.name).toEqual({ x: 2, y: bar.name.y, anchor: 'start' });
        expect(bar.valueText).toEqual({ x: above.width - 2, y: bar.name.y, anchor: 'end' });
      }
    });

    it('keeps bars, ticks and the England and Wales line inside the viewBox whatever the values (property)', () => {
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 43 }),
          (numbers) => {
            const layout = layoutRankedBars(
              numbers.map((value, index) => row(`f${index}`, value)),
              { labels: 'above', comparator: numbers[0] },
            );
            for (const bar of layout.bars) {
              expect(bar.x).toBeGreaterThanOrEqual(0);
              expect(bar.x + bar.barWidth).toBeLessThanOrEqual(layout.width + 1e-6);
            }
            // A tick label is centred on its tick: leave half a label (about 1.5 em) each side.
            for (const tick of layout.ticks) {
              expect(tick.x).toBeGreaterThanOrEqual(layout.fontSize * 1.5 - 1);
              expect(tick.x).toBeLessThanOrEqual(layout.width - layout.fontSize * 1.5 + 1);
            }
            expect(layout.comparatorX).toBeGreaterThanOrEqual(0);
            expect(layout.comparatorX).toBeLessThanOrEqual(layout.width);
          },
        ),
      );
    });
  });
});
