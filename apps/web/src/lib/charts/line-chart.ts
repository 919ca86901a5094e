/**
 * Geometry for a small time-series line chart: periods on a point scale (in the order given), values on a
 * linear scale that includes zero. d3-shape draws the lines; gaps (missing values) break a line rather than
 * being drawn as zero.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

export interface SeriesInput {
  key: string;
  label: string;
  /** One entry per period label, in order; `undefined` for a missing value. */
  values: readonly (number | undefined)[];
  emphasis?: boolean;
}

export interface LineChartOptions {
  /** Size of the viewBox, in user units. Default 640 × 280; the phone layout uses 300 × 220. */
  width?: number;
  height?: number;
  /** Font size of the axis labels, in user units. Default 12. */
  fontSize?: number;
  /**
   * Where each period sits in time (any number that grows with time, e.g. its end date in days), one per period:
   * the x axis is then linear in time, so a gap between yearly and quarterly data shows as one. Evenly spaced in
   * the order given when omitted.
   */
  positions?: readonly number[];
}

export interface LineChartLayout {
  width: number;
  height: number;
  fontSize: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** One tick per period; `labelled` marks the ones whose label fits (every n-th when periods are many). */
  xTicks: { label: string; x: number; labelled: boolean }[];
  yTicks: { value: number; y: number }[];
  series: (SeriesInput & { path: string; points: { x: number; y: number; label: string; value: number }[] })[];
}

/**
 * @example
 * const chart = layoutLineChart(['2014', '2015'], [{ key: 'durham', label: 'Durham', values: [50, 55] }]);
 * chart.series[0].path.startsWith('M') // true
 * layoutLineChart(['2014', '2015'], [], { width: 300, height: 220, fontSize: 13 }).fontSize // 13
 */
export function layoutLineChart(
  periodLabels: readonly string[],
  series: readonly SeriesInput[],
  { width = 640, height = 280, fontSize = 12, positions }: LineChartOptions = {},
): LineChartLayout {
  if (positions && positions.length !== periodLabels.length)
    throw new TypeError(
      `layoutLineChart: ${positions.length} positions for ${periodLabels.length} periods; expected one position ` +
        'per period (or no positions)',
    );
  for (const item of series) {
    if (item.values.length !== periodLabels.length) {
      throw new TypeError(
        `layoutLineChart: series "${item.key}" has ${item.values.length} values for ${periodLabels.length} ` +
          'periods; expected one value (or undefined) per period',
      );
    }
  }
  const margin = { top: 16, right: 16, bottom: 48, left: 56 };
  const point = scalePoint<string>()
    .domain([...periodLabels])
    .range([margin.left, width - margin.right])
    .padding(0.3);
  // In time: the same inset at each end as the point scale's padding leaves for its first and last period.
  const inset = point.step() * point.padding();
  const time = positions
    ? scaleLinear()
        .domain([Math.min(...positions), Math.max(...positions)])
        .range([margin.left + inset, width - margin.right - inset])
    : undefined;
  const xOf = (index: number): number =>
    time ? time(positions?.[index] ?? 0) : (point(periodLabels[index] ?? '') ?? 0);
  const all = series.flatMap((item) => item.values.filter((value): value is number => value !== undefined));
  const low = Math.min(0, ...all);
  const high = Math.max(0, ...all);
  const y = scaleLinear()
    .domain([low, high - low < 1e-9 ? low + 1 : high])
    .nice(5)
    .range([height - margin.bottom, margin.top]);
  // Labels at least 80 units apart (more for a larger font), so they never overlap.
  const spacing = Math.max(80, fontSize * 6.5);
  const labelStep = Math.max(
    1,
    Math.ceil(periodLabels.length / Math.max(1, Math.floor((width - margin.left - margin.right) / spacing))),
  );
  // In time, ticks are uneven: label a tick when it is at least `spacing` from the last labelled one.
  let lastLabelled = Number.NEGATIVE_INFINITY;
  const labelled = (index: number): boolean => {
    if (!time) return index % labelStep === 0;
    if (xOf(index) - lastLabelled < spacing) return false;
    lastLabelled = xOf(index);
    return true;
  };
  const draw = line<{ x: number; y: number } | undefined>()
    .defined((point) => point !== undefined)
    .x((point) => point?.x ?? 0)
    .y((point) => point?.y ?? 0);
  return {
    width,
    height,
    fontSize,
    margin,
    xTicks: periodLabels.map((label, index) => ({ label, x: xOf(index), labelled: labelled(index) })),
    yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
    series: series.map((item) => {
      const positioned = item.values.map((value, index) => {
        const label = periodLabels[index] ?? '';
        return value === undefined ? undefined : { x: xOf(index), y: y(value), label, value };
      });
      return {
        ...item,
        path: draw(positioned) ?? '',
        points: positioned.filter((point) => point !== undefined),
      };
    }),
  };
}
