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

/**
 * Where each force's name goes: `beside` its bar (a name column on the left, for wide screens) or `above` it
 * (the phone layout: the name and value on a line of their own, the bar across the full width below).
 */
export type RankedBarLabels = 'beside' | 'above';

export interface RankedBarOptions {
  /** Width of the viewBox, in user units. Default 640 beside, 300 above. */
  width?: number;
  /** Height of one force's row. Default: enough for the labels and the bar. */
  rowHeight?: number;
  labels?: RankedBarLabels;
  /** Font size of every text, in user units. Default 12 beside, 13 above. */
  fontSize?: number;
  /** Width of the name column (beside only). */
  labelWidth?: number;
  /** Room past the bar's end for its printed value (beside only). */
  valueWidth?: number;
  /** England and Wales value, drawn as a reference line. */
  comparator?: number | undefined;
  ticks?: number;
}

/** Where a text goes: its anchor point and which end of the text sits on it. */
export interface TextPlacement {
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

export interface RankedBar extends RankedBarInput {
  x: number;
  y: number;
  barWidth: number;
  barHeight: number;
  /** Top and height of the whole row (name, value and bar), for the highlight behind this force. */
  rowTop: number;
  rowHeight: number;
  /** The force's name. */
  name: TextPlacement;
  /** The printed value: past the bar's end (beside) or at the right of the name's line (above). */
  valueText: TextPlacement;
}

export interface RankedBarLayout {
  width: number;
  height: number;
  fontSize: number;
  plotLeft: number;
  plotRight: number;
  zeroX: number;
  comparatorX: number | undefined;
  /** Baseline of the tick labels along the top. */
  tickLabelY: number;
  /** Top of the plot (below the tick labels), where gridlines start. */
  plotTop: number;
  ticks: { value: number; x: number }[];
  bars: RankedBar[];
}

/**
 * Lays out bars top to bottom in input order.
 * @example
 * const rows = [{ key: 'durham', label: 'Durham', value: 2.2, display: '2.2' }];
 * layoutRankedBars(rows, { comparator: 13.8 }).bars[0].barWidth > 0 // true
 * layoutRankedBars(rows, { labels: 'above' }).width // 300
 */
export function layoutRankedBars(rows: readonly RankedBarInput[], options: RankedBarOptions = {}): RankedBarLayout {
  const labels = options.labels ?? 'beside';
  const above = labels === 'above';
  const {
    width = above ? 300 : 640,
    fontSize = above ? 13 : 12,
    labelWidth = 190,
    valueWidth = 56,
    comparator,
    ticks = 5,
  } = options;
  for (const row of rows) {
    if (!Number.isFinite(row.value)) {
      throw new TypeError(
        `layoutRankedBars: row "${row.key}" has value ${String(row.value)}; expected a finite number ` +
          '(chart missing values as notes, not bars)',
      );
    }
  }
  const values = rows.map((row) => row.value);
  if (comparator !== undefined) values.push(comparator);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  // Above: bars span the width, less room for half a tick label at each end (labels are centred on ticks).
  const plotLeft = above ? Math.round(fontSize * 1.5) : labelWidth;
  const plotRight = above ? width - Math.round(fontSize * 1.5) : width - valueWidth;
  // A span too small to tick (all values equal, or denormal noise) gets a unit-wide domain instead.
  const x = scaleLinear()
    .domain([low, high - low < 1e-9 ? low + 1 : high])
    .nice(ticks)
    .range([plotLeft, plotRight]);
  const zeroX = x(0);
  const axisHeight = Math.round(fontSize * 2);
  // Beside: the bar is the row's height less a gap. Above: a line of text, then a thinner bar, then a gap.
  const textLine = Math.round(fontSize * 1.25);
  const rowHeight = options.rowHeight ?? (above ? textLine + 14 : Math.max(18, textLine + 3));
  const barHeight = above ? Math.max(4, rowHeight - textLine - 6) : Math.max(4, rowHeight - 6);
  const bars = rows.map((row, index): RankedBar => {
    const end = x(row.value);
    const rowTop = axisHeight + index * rowHeight;
    const barTop = above ? rowTop + textLine + 1 : rowTop + (rowHeight - barHeight) / 2;
    // Beside, texts sit on the bar's baseline; above, on the text line's.
    const baseline = above ? rowTop + textLine - Math.round(fontSize * 0.25) : barTop + barHeight - 2;
    const start = Math.min(zeroX, end);
    return {
      ...row,
      x: start,
      y: barTop,
      barWidth: Math.abs(end - zeroX),
      barHeight,
      rowTop,
      rowHeight,
      name: above ? { x: 2, y: baseline, anchor: 'start' } : { x: plotLeft - 6, y: baseline, anchor: 'end' },
      valueText: above
        ? { x: width - 2, y: baseline, anchor: 'end' }
        : row.value < 0
          ? { x: start - 4, y: baseline, anchor: 'end' }
          : { x: Math.max(zeroX, end) + 4, y: baseline, anchor: 'start' },
    };
  });
  return {
    width,
    height: axisHeight + rows.length * rowHeight + 4,
    fontSize,
    plotLeft,
    plotRight,
    zeroX,
    comparatorX: comparator === undefined ? undefined : x(comparator),
    tickLabelY: fontSize + 2,
    plotTop: axisHeight - 4,
    ticks: x.ticks(ticks).map((value) => ({ value, x: x(value) })),
    bars,
  };
}
