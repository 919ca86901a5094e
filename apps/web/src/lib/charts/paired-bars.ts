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
  force: { x: number; width: number; y: number; labelX: number };
  englandWales: { x: number; width: number; y: number; labelX: number };
}

/**
 * Splits a label into lines of at most `width` characters, on spaces, keeping at most `maxLines`.
 * @example wrapLabel('Evidential difficulties; victim does not support action', 24) // ['Evidential difficulties;', 'victim does not support', 'action']
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
 * @example layoutPairedBars([{ key: 'a', label: 'Charged', force: 16.4, englandWales: 12.1 }]).rows[0].force.width > 0 // true
 */
export function layoutPairedBars(
  rows: readonly { key: string; label: string; force: number; englandWales: number }[],
  {
    width = 640,
    labelWidth = 230,
    valueWidth = 56,
    barHeight = 12,
  }: { width?: number; labelWidth?: number; valueWidth?: number; barHeight?: number } = {},
): { width: number; height: number; zeroX: number; ticks: { value: number; x: number }[]; rows: PairedBarLayoutRow[] } {
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
  const x = scaleLinear()
    .domain([low, high - low < 1e-9 ? low + 1 : high])
    .nice(5)
    .range([labelWidth, width - valueWidth]);
  const zeroX = x(0);
  let y = 24;
  const laidOut = rows.map((row) => {
    const lines = wrapLabel(row.label);
    const height = Math.max(2 * barHeight + 10, lines.length * 14 + 6);
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
      force: bar(row.force, 3),
      englandWales: bar(row.englandWales, 3 + barHeight + 2),
    };
    y += height;
    return result;
  });
  return { width, height: y + 4, zeroX, ticks: x.ticks(5).map((value) => ({ value, x: x(value) })), rows: laidOut };
}
