/**
 * Geometry for a ranked horizontal bar chart (one bar per force, in the order given).
 * Only layout happens here: values, ranks and bands arrive already computed by peel-metrics.
 * Scales come from d3-scale; bars grow from zero, so negative changes point left.
 */
import { scaleLinear } from 'd3-scale';

export interface RankedBarInput {
  key: string;
  label: string;
  value: number;
  /** The value as printed (already rounded and formatted upstream). */
  display: string;
  /** A CSS-friendly band name, e.g. `highest`, `lowest`, `in-line`. */
  band?: string | undefined;
  highlighted?: boolean | undefined;
  href?: string | undefined;
}

export interface RankedBarOptions {
  width?: number;
  rowHeight?: number;
  labelWidth?: number;
  valueWidth?: number;
  /** England and Wales value, drawn as a reference line. */
  comparator?: number | undefined;
  ticks?: number;
}

export interface RankedBar extends RankedBarInput {
  x: number;
  y: number;
  barWidth: number;
  barHeight: number;
  /** x of the printed value label, just past the bar's end. */
  labelX: number;
}

export interface RankedBarLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  zeroX: number;
  comparatorX: number | undefined;
  ticks: { value: number; x: number }[];
  bars: RankedBar[];
}

const AXIS_HEIGHT = 24;

/**
 * Lays out bars top to bottom in input order.
 * @example
 * const layout = layoutRankedBars([{ key: 'durham', label: 'Durham', value: 2.2, display: '2.2' }], { comparator: 13.8 });
 * layout.bars[0].barWidth > 0 // true
 */
export function layoutRankedBars(rows: readonly RankedBarInput[], options: RankedBarOptions = {}): RankedBarLayout {
  const { width = 640, rowHeight = 18, labelWidth = 190, valueWidth = 56, comparator, ticks = 5 } = options;
  for (const row of rows) {
    if (!Number.isFinite(row.value)) {
      throw new TypeError(
        `layoutRankedBars: row "${row.key}" has value ${String(row.value)}; expected a finite number (chart missing values as notes, not bars)`,
      );
    }
  }
  const values = rows.map((row) => row.value);
  if (comparator !== undefined) values.push(comparator);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const plotLeft = labelWidth;
  const plotRight = width - valueWidth;
  // A span too small to tick (all values equal, or denormal noise) gets a unit-wide domain instead.
  const x = scaleLinear()
    .domain([low, high - low < 1e-9 ? low + 1 : high])
    .nice(ticks)
    .range([plotLeft, plotRight]);
  const zeroX = x(0);
  const barHeight = Math.max(4, rowHeight - 6);
  const bars = rows.map((row, index) => {
    const end = x(row.value);
    const y = AXIS_HEIGHT + index * rowHeight;
    return {
      ...row,
      x: Math.min(zeroX, end),
      y: y + (rowHeight - barHeight) / 2,
      barWidth: Math.abs(end - zeroX),
      barHeight,
      labelX: row.value < 0 ? Math.min(zeroX, end) - 4 : Math.max(zeroX, end) + 4,
    };
  });
  return {
    width,
    height: AXIS_HEIGHT + rows.length * rowHeight + 4,
    plotLeft,
    plotRight,
    zeroX,
    comparatorX: comparator === undefined ? undefined : x(comparator),
    ticks: x.ticks(ticks).map((value) => ({ value, x: x(value) })),
    bars,
  };
}
