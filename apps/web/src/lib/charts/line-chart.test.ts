import { describe, expect, it } from 'vitest';
import { layoutLineChart } from './line-chart.ts';

describe('layoutLineChart', () => {
  it('puts periods left to right in the order given and higher values higher up', () => {
    const chart = layoutLineChart(['2012', '2013', '2014'], [{ key: 'a', label: 'A', values: [1, 3, 2] }]);
    const [first, second, third] = chart.series[0]!.points;
    expect(first!.x).toBeLessThan(second!.x);
    expect(second!.x).toBeLessThan(third!.x);
    expect(second!.y).toBeLessThan(third!.y);
    expect(third!.y).toBeLessThan(first!.y);
  });

  it('breaks the line at a missing value instead of drawing it as zero', () => {
    const chart = layoutLineChart(['a', 'b', 'c', 'd'], [{ key: 's', label: 'S', values: [1, undefined, 2, 3] }]);
    const series = chart.series[0]!;
    expect(series.points).toHaveLength(3);
    // Two separate sub-paths: one single-point "M" for a, then "M…L" for c and d.
    expect(series.path.match(/M/g)).toHaveLength(2);
  });

  it('labels every period when few, and every n-th when many, so labels never overlap', () => {
    const few = layoutLineChart(['a', 'b', 'c'], [{ key: 's', label: 'S', values: [1, 2, 3] }]);
    expect(few.xTicks.every((tick) => tick.labelled)).toBe(true);
    const periods = Array.from({ length: 52 }, (_, index) => `p${index}`);
    const many = layoutLineChart(periods, [{ key: 's', label: 'S', values: periods.map((_, index) => index) }]);
    const labelled = many.xTicks.filter((tick) => tick.labelled);
    expect(labelled[0]!.label).toBe('p0');
    for (let index = 1; index < labelled.length; index += 1)
      expect(labelled[index]!.x - labelled[index - 1]!.x).toBeGreaterThanOrEqual(70);
  });

  it('places periods by time when given positions, so a year between points is wider than a quarter', () => {
    // Yearly ends, then quarterly: 2005, 2006, then the quarters of 2006/07 (as the recorded-crime series runs).
    const days = ['2005-03-31', '2006-03-31', '2006-06-30', '2006-09-30', '2006-12-31'].map(
      (date) => Date.parse(date) / 86_400_000,
    );
    const chart = layoutLineChart(days.map(String), [{ key: 's', label: 'S', values: [1, 2, 3, 4, 5] }], {
      positions: days,
    });
    const xs = chart.series[0]!.points.map((point) => point.x);
    const yearGap = xs[1]! - xs[0]!;
    const quarterGap = xs[2]! - xs[1]!;
    expect(yearGap / quarterGap).toBeCloseTo(365 / 91, 1);
    const labelled = chart.xTicks.filter((tick) => tick.labelled);
    for (let index = 1; index < labelled.length; index += 1)
      expect(labelled[index]!.x - labelled[index - 1]!.x).toBeGreaterThanOrEqual(80);
    expect(() => layoutLineChart(['a', 'b'], [], { positions: [1] })).toThrow(/1 positions for 2 periods/);
  });

  it('refuses a series whose length does not match the periods, naming it', () => {
    expect(() => layoutLineChart(['a', 'b'], [{ key: 'durham', label: 'Durham', values: [1] }])).toThrow(/durham/);
  });

  it('spaces labels further apart for a larger font, as in the phone drawing', () => {
    const periods = Array.from({ length: 12 }, (_, index) => `p${index}`);
    const narrow = layoutLineChart(periods, [{ key: 's', label: 'S', values: periods.map((_, index) => index) }], {
      width: 300,
      height: 220,
      fontSize: 13,
    });
    expect(narrow.fontSize).toBe(13);
    const labelled = narrow.xTicks.filter((tick) => tick.labelled);
    expect(labelled.length).toBeGreaterThan(1);
    for (let index = 1; index < labelled.length; index += 1)
      expect(labelled[index]!.x - labelled[index - 1]!.x).toBeGreaterThanOrEqual(13 * 6.5 - 1e-6);
  });
});
