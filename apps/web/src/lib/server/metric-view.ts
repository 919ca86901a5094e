/**
 * What a metric page prints: the registry's method text (peel-metrics) and the metric for every force with England
 * and Wales, ranks and bands (peel-metrics metricForAllForces). Only ordering, formatting and labelling here.
 */
import { formatPeriod, isMissing, type Missing } from 'peel-data';
import {
  BAND_LABEL,
  type MetricDefinition,
  formatValue,
  relabelPeriod,
  type MetricPeriod,
  type MetricSeries,
  type MetricTable,
} from 'peel-metrics';
import type { SeriesInput } from '$lib/charts/line-chart.ts';
import type { RankedBarInput } from '$lib/charts/ranked-bars.ts';
import { shortPeriodLabel, unitLabel } from '$lib/labels.ts';
import { cell, comparatorMark, forceName, notShownBars, type CellView, type TableView } from './report-view.ts';

export interface Fact {
  term: string;
  detail: string;
  missing?: Missing | undefined;
}

export interface RankingView {
  periodLabel: string;
  rows: RankedBarInput[];
  comparator: { label: string; value: number; display: string } | undefined;
  notShown: { label: string; cell: CellView; reason: string }[];
  table: TableView;
  bandingRule: string | undefined;
  leftOut: string[];
  englandWalesMethod: string;
}

export interface MetricPageView {
  id: string;
  specRef: string;
  /** The catalogue label, naming the period of the data shown (not the report's, where they differ). */
  label: string;
  /** The period of the data in the ranking (the report's period where there is no data). */
  periodLabel: string;
  /** "The 2016 report used: …" where the report's period differs from the data's; otherwise undefined. */
  reportPeriodNote: string | undefined;
  section: string;
  unit: string;
  facts: Fact[];
  exclusions: string[];
  caveats: string[];
  availability: MetricDefinition['availability'];
  availabilityNote: string;
  ranking: RankingView | undefined;
  periods: number;
}

const SECTION_LABEL: Record<MetricDefinition['section'], string> = {
  preventing: 'Question 1: preventing crime and tackling anti-social behaviour',
  investigating: 'Question 2: investigating crime and reducing re-offending',
  vulnerability: 'Question 3: protecting vulnerable people and supporting victims',
  serious_organised: 'Question 4: tackling serious and organised crime',
  specialist: 'Question 5: specialist capabilities',
  force_in_numbers: 'Force in numbers',
};

const METHOD_LABEL: Record<MetricTable['englandWales']['method'], string> = {
  pooled: 'pooled: the included forces’ numerators summed over their denominators summed',
  'mean-of-rates': 'the unweighted mean of the included forces’ rates',
  published: 'as published in the report',
  'count-of-forces': 'a count of forces',
};

/** The catalogue label a model carries with its metric, or the id. */
function metricLabel(metric: { id: string; [key: string]: unknown }): string {
  return typeof metric['label'] === 'string' ? metric['label'] : metric.id;
}

function fact(term: string, value: string | Missing): Fact {
  return isMissing(value)
    ? { term, detail: `[${value.missing}] ${value.reason}`, missing: value }
    : { term, detail: value };
}

/**
 * A metric's label naming the period of the table's data, for a table whose catalogue label names the report's period.
 * @example
 * tableLabel(metricForAllForces('outcome_proportion'))
 * // 'Proportion of outcomes assigned to offences recorded in the financial year 2017/18, by outcome type'
 */
export function tableLabel(table: MetricTable): string {
  const reportPeriod = (table.metric as { period?: MetricDefinition['period'] }).period;
  const label = metricLabel(table.metric);
  return reportPeriod === undefined ? label : relabelPeriod(label, reportPeriod, table.period);
}

/**
 * A ranking table (rows in rank order, unranked values after, missing values last).
 * @example rankingView(metricForAllForces('crime_rate_total_excl_fraud')).rows[0].band // 'among-the-highest'
 */
export function rankingView(table: MetricTable, highlight?: string): RankingView {
  const options = { precision: table.precision, unit: table.unit };
  const rankOf = (rank: number | undefined) => rank ?? Number.POSITIVE_INFINITY;
  const withValue = table.rows
    .filter((row): row is typeof row & { value: number } => !isMissing(row.value))
    .sort((a, b) => rankOf(a.rank) - rankOf(b.rank) || b.value - a.value);
  const withoutValue = table.rows.filter((row) => isMissing(row.value));
  const ew = table.englandWales.value;
  const banded = !isMissing(table.banding);
  return {
    periodLabel: isMissing(table.period) ? 'period not stated' : formatPeriod(table.period),
    rows: withValue.map((row) => ({
      key: row.force.slug,
      label: row.force.shortName,
      value: row.value,
      display: formatValue(row.value, options),
      band: row.band,
      highlighted: row.force.slug === highlight,
    })),
    comparator: comparatorMark(ew, options),
    notShown: notShownBars(withoutValue, options),
    table: {
      caption:
        `${tableLabel(table)}: all forces` +
        (isMissing(table.period) || tableLabel(table).includes(formatPeriod(table.period))
          ? ''
          : `, ${formatPeriod(table.period)}`) +
        ` (${unitLabel(table.unit)})`,
      head: ['Force', 'Rank', unitLabel(table.unit), ...(banded ? ['Band'] : []), 'Notes'],
      rows: [
        ...[...withValue, ...withoutValue].map((row) => ({
          header: { text: row.force.name },
          cells: [
            { text: row.rank === undefined ? '' : String(row.rank), numeric: true },
            cell(row.value, options),
            ...(banded ? [{ text: row.band ? BAND_LABEL[row.band] : '' }] : []),
            { text: row.caveats.join(' ') },
          ],
          highlight: row.force.slug === highlight,
        })),
        {
          header: { text: 'England and Wales' },
          cells: [
            { text: '', numeric: true },
            cell(ew, options),
            ...(banded ? [{ text: '' }] : []),
            {
              text: table.englandWales.excluded
                .map((left) => `Excludes ${forceName(left.force)}: ${left.reason}`)
                .join(' '),
            },
          ],
          group: true,
        },
      ],
    },
    bandingRule: isMissing(table.banding)
      ? undefined
      : `${table.banding.rule} Here n = ${table.banding.n} and k = ${table.banding.k}.`,
    leftOut: [
      ...table.englandWales.excluded.map((left) => `${forceName(left.force)}: ${left.reason}`),
      ...(isMissing(table.banding)
        ? []
        : table.banding.notRanked.map((left) => `${forceName(left.force)} not ranked: ${left.reason}`)),
    ],
    englandWalesMethod: METHOD_LABEL[table.englandWales.method],
  };
}

/**
 * @example
 * metricPageView(definition, metricForAllForces(definition.id), metricPeriods(definition.id)).facts[0].term
 * // 'Unit'
 */
export function metricPageView(
  definition: MetricDefinition,
  table: MetricTable | undefined,
  periods: readonly MetricPeriod[],
): MetricPageView {
  // The page names the period of the data it ranks; the report's period is said apart when it differs.
  const reportPeriod = isMissing(definition.period) ? definition.period : formatPeriod(definition.period);
  const dataPeriod = table && !isMissing(table.period) ? formatPeriod(table.period) : undefined;
  const reportDiffers = dataPeriod !== undefined && !isMissing(reportPeriod) && reportPeriod !== dataPeriod;
  return {
    id: definition.id,
    specRef: definition.specRef,
    label: relabelPeriod(definition.label, definition.period, table?.period),
    periodLabel: dataPeriod ?? (isMissing(reportPeriod) ? 'not stated in the report' : reportPeriod),
    reportPeriodNote: reportDiffers ? `The 2016 report used: ${reportPeriod}.` : undefined,
    section: SECTION_LABEL[definition.section],
    unit: unitLabel(definition.unit),
    facts: [
      fact('Unit', unitLabel(definition.unit)),
      fact('Numerator', definition.numerator),
      fact('Denominator', definition.denominator),
      fact('Period', dataPeriod ?? reportPeriod),
      ...(reportDiffers ? [fact('The 2016 report used', reportPeriod)] : []),
      fact('Source', definition.source),
      fact('England and Wales', definition.comparator),
      fact(
        'Banding',
        definition.banding
          ? 'Top and bottom 25 percent of forces (the report bands this measure)'
          : 'Not banded in the report',
      ),
      fact(
        'Printed precision',
        isMissing(definition.printedDecimals)
          ? definition.printedDecimals
          : `${definition.printedDecimals} decimal place${definition.printedDecimals === 1 ? '' : 's'}`,
      ),
      ...(definition.figure ? [fact('Figure in the report', `Figure ${definition.figure}`)] : []),
    ],
    exclusions: definition.exclusions,
    caveats: definition.caveats,
    availability: definition.availability,
    availabilityNote: definition.availabilityNote,
    ranking: table ? rankingView(table) : undefined,
    periods: periods.length,
  };
}

/**
 * A force's series of a metric as a line chart (force against England and Wales) and a table.
 * @example seriesView(metricSeries('crime_rate_total_excl_fraud', 'durham'))?.chart.series[0].label // 'Durham'
 */
export function seriesView(
  series: MetricSeries,
): { chart: { periods: string[]; series: SeriesInput[] }; table: TableView } | undefined {
  if (isMissing(series.series) || series.series.length === 0) return undefined;
  const points = series.series;
  const options = { precision: series.precision, unit: series.unit };
  const number = (value: number | Missing | undefined) => (value === undefined || isMissing(value) ? undefined : value);
  return {
    chart: {
      periods: points.map((point) => shortPeriodLabel(point.period)),
      series: [
        {
          key: series.force.slug,
          label: series.force.shortName,
          values: points.map((point) => number(point.force.value)),
          emphasis: true,
        },
        {
          key: 'england-and-wales',
          label: 'England and Wales',
          values: points.map((point) => number(point.englandWales?.value)),
        },
      ],
    },
    table: {
      caption:
        `${metricLabel(series.metric)}: ${series.force.name} and England and Wales over time ` +
        `(${unitLabel(series.unit)})`,
      head: ['Period', series.force.shortName, 'England and Wales'],
      rows: points.map((point) => ({
        header: { text: formatPeriod(point.period) },
        cells: [
          cell(point.force.value, options),
          point.englandWales
            ? cell(point.englandWales.value, options)
            : {
                text: '[x]',
                missing: { missing: 'x', reason: 'no England and Wales value for this period' },
                numeric: true,
              },
        ],
      })),
    },
  };
}
