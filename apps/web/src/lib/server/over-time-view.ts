/**
 * The comparison over time of a force's page: peel-metrics' headlinesOverTime as one section per headline figure, each
 * a line chart (the force against England and Wales) with its table, the chart's text alternative. Presentation only:
 * every value and band comes from peel-metrics, formatted with its formatValue.
 */
import { formatDate, formatPeriod, isMissing, type NumberOrMissing } from 'peel-data';
import type { HeadlineMetric, HeadlinesOverTime } from 'peel-metrics';
import type { SeriesInput } from '$lib/charts/line-chart.ts';
import { shortPeriodLabel, unitLabel } from '$lib/labels.ts';
import { bandText, cell, type TableView } from './report-view.ts';

/** One headline figure over time: its chart and its table. */
export interface OverTimeSection {
  id: string;
  heading: string;
  /** `positions`: each quarter end in days, so the yearly start of the series is spaced as years. */
  chart: { title: string; description: string; periods: string[]; positions: number[]; series: SeriesInput[] };
  table: TableView;
}

export interface OverTimeView {
  slug: string;
  name: string;
  /** "12 months to 31 March 2003 to 12 months to 31 December 2018" in words: the first and last periods. */
  from: string;
  to: string;
  sections: OverTimeSection[];
}

const numberOrUndefined = (value: NumberOrMissing) => (isMissing(value) ? undefined : value);

function section(overTime: HeadlinesOverTime, metric: HeadlineMetric): OverTimeSection {
  const { force, points } = overTime;
  const options = { precision: metric.precision, unit: metric.unit };
  const banded = metric.id === overTime.bandedMetric;
  const periods = points.map((point) => shortPeriodLabel(point.period));
  const unit = unitLabel(metric.unit);
  const shown = points.filter((point) => !isMissing(point.values[metric.id].force));
  return {
    id: metric.id.replaceAll('_', '-'),
    heading: metric.label,
    chart: {
      title: `${metric.label}: ${force.name} and England and Wales, ${periods[0]} to ${periods.at(-1)}`,
      description:
        `Line chart of ${points.length} quarter ends, each for the 12 months to that date, from ` +
        `${formatDate(points[0]?.periodEnd ?? '')} to ${formatDate(points.at(-1)?.periodEnd ?? '')}` +
        (shown.length < points.length ? `; ${points.length - shown.length} have no value and break the line` : '') +
        '. ' +
        'The table below gives the same figures.',
      periods,
      positions: points.map((point) => Date.parse(`${point.periodEnd}T00:00:00Z`) / 86_400_000),
      series: [
        {
          key: force.slug,
          label: force.shortName,
          values: points.map((point) => numberOrUndefined(point.values[metric.id].force)),
          emphasis: true,
        },
        {
          key: 'england-and-wales',
          label: 'England and Wales',
          values: points.map((point) => numberOrUndefined(point.values[metric.id].englandWales)),
        },
      ],
    },
    table: {
      caption: `${metric.label}: ${force.name} and England and Wales, by quarter end (${unit})`,
      head: ['12 months to', force.shortName, 'England and Wales', ...(banded ? ['Band'] : [])],
      rows: points.map((point) => ({
        header: { text: formatDate(point.periodEnd) },
        cells: [
          cell(point.values[metric.id].force, options),
          cell(point.values[metric.id].englandWales, options),
          ...(banded ? [bandText(point.band)] : []),
        ],
      })),
    },
  };
}

/**
 * The over-time page's view of headlinesOverTime.
 * @example overTimeView(headlinesOverTime('durham')).sections.length // 3
 */
export function overTimeView(overTime: HeadlinesOverTime): OverTimeView {
  const first = overTime.points[0];
  const last = overTime.points.at(-1);
  return {
    slug: overTime.force.slug,
    name: overTime.force.name,
    from: first ? formatPeriod(first.period) : '',
    to: last ? formatPeriod(last.period) : '',
    sections: overTime.metrics.map((metric) => section(overTime, metric)),
  };
}
