/**
 * Geometry for a paired bar chart: for each measure, the force's bar above England and Wales's, on one
 * linear scale (d3-scale) that includes zero. Long measure names wrap onto up to three lines.
 */
import { scaleLinear } from 'd3-scale';

export interface PairedBarLayoutRow {
  key: string;
  lines: string[];
  y: number;
  height: number;
  /** Where the measure's name is written: first baseline, and where each line starts or ends. */
  text: { x: number; y: number; anchor: 'start' | 'end' };
  force: { x: number; width: number; y: number; labelX: number };
  englandWales: { x: number; width: number; y: number; labelX: number };
}

export interface PairedBarOptions {
  /** Width of the viewBox, in user units. Default 640 beside, 300 above. */
  width?: number;
  /**
   * Where each measure's name goes: `beside` its pair of bars (a name column, for wide screens) or `above`
   * them (the phone layout: the name on lines of its own, the bars across the width below).
   */
  labels?: 'beside' | 'above';
  /** Font size of every text, in user units. Default 12 beside, 13 above. */
  fontSize?: number;
  /** Width of the name column (beside only). */
  labelWidth?: number;
  /** Room past a bar's end for its printed value. */
  valueWidth?: number;
  barHeight?: number;
}

export interface PairedBarLayout {
  width: number;
  height: number;
  fontSize: number;
  /** Distance between the lines of a wrapped name. */
  lineHeight: number;
  zeroX: number;
  ticks: { value: number; x: number }[];
  rows: PairedBarLayoutRow[];
}

/**
 * Splits a label into lines of at most `width` characters, on spaces, keeping at most `maxLines`.
 * @example
 * wrapLabel('Evidential difficulties; victim does not support action', 24)
 * // ['Evidential difficulties;', 'victim does not support', 'action']
 */
export function wrapLabel(label: string, width = 30, maxLines = 3): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of label.split(/\s+/)) {
    if (current && `${current} ${word}`.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

/**
 * Lays out one pair of bars per measure, top to bottom in input order.
 * @example
 * const rows = [{ key: 'a', label: 'Charged', force: 16.4, englandWales: 12.1 }];
 * layoutPairedBars(rows).rows[0].force.width > 0 // true
 * layoutPairedBars(rows, { labels: 'above' }).width // 300
 */
export function layoutPairedBars(
  rows: readonly { key: string; label: string; force: number; englandWales: number }[],
  options: PairedBarOptions = {},
): PairedBarLayout {
  const above = options.labels === 'above';
  const {
    width = above ? 300 : 640,
    fontSize = above ? 13 : 12,
    labelWidth = 230,
    valueWidth = above ? 60 : 56,
    barHeight = 12,
  } = options;
  for (const row of rows) {
    if (!Number.isFinite(row.force) || !Number.isFinite(row.englandWales)) {
      throw new TypeError(
        `layoutPairedBars: row "${row.key}" has a non-finite value; chart only rows where both values exist`,
      );
    }
  }
  const values = rows.flatMap((row) => [row.force, row.englandWales]);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  // Above: bars span the width, less room for a value left of a negative bar and right of a positive one.
  const plotLeft = above ? (low < 0 ? valueWidth : Math.round(fontSize * 1.5)) : labelWidth;
  const x = scaleLinear()
    .domain([low, high - low < 1e-9 ? low + 1 : high])
    .nice(5)
    .range([plotLeft, width - valueWidth]);
  const zeroX = x(0);
  const lineHeight = Math.round(fontSize * 1.2);
  // About 0.55em a character: a name column of 230 units at 12 holds 30 characters; 300 units at 13, 38.
  const wrapWidth = above ? Math.floor((width - 4) / (fontSize * 0.6)) : 30;
  let y = Math.round(fontSize * 2);
  const laidOut = rows.map((row): PairedBarLayoutRow => {
    const lines = wrapLabel(row.label, wrapWidth);
    const textHeight = lines.length * lineHeight;
    const barsTop = above ? textHeight + 2 : 3;
    const height = above
      ? barsTop + 2 * barHeight + 2 + 10
      : Math.max(2 * barHeight + 10, lines.length * lineHeight + 6);
    const bar = (value: number, offset: number) => {
      const end = x(value);
      return {
        x: Math.min(zeroX, end),
        width: Math.abs(end - zeroX),
        y: y + offset,
        labelX: value < 0 ? Math.min(zeroX, end) - 4 : Math.max(zeroX, end) + 4,
      };
    };
    const result = {
      key: row.key,
      lines,
      y,
      height,
      text: above
        ? { x: 2, y: y + lineHeight - Math.round(fontSize * 0.2), anchor: 'start' as const }
        : { x: labelWidth - 8, y: y + fontSize, anchor: 'end' as const },
      force: bar(row.force, barsTop),
      englandWales: bar(row.englandWales, barsTop + barHeight + 2),
    };
    y += height;
    return result;
  });
  return {
    width,
    height: y + 4,
    fontSize,
    lineHeight,
    zeroX,
    ticks: x.ticks(5).map((value) => ({ value, x: x(value) })),
    rows: laidOut,
  };
}
