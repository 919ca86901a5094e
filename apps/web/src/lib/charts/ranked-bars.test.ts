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
});
