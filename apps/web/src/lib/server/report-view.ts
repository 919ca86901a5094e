/**
 * Turns peel-metrics' report model into what the report page prints: formatted cells, chart inputs and
 * captions. Pure presentation — every value, rank, band, comparison and sentence comes from the model;
 * this file only orders, formats (with peel-metrics' formatValue) and labels them.
 */
import { formatPeriod, getForce, isMissing, type Missing, type NumberOrMissing } from 'peel-data';
import {
  BAND_LABEL,
  COMPARISON_LABEL,
  formatValue,
  RECONCILIATION_CAUSE_LABEL,
  VALUE_KIND_LABEL,
  valueKindOf,
  type ReconciliationRow,
  type BandResult,
  type EnglandWalesValue,
  type Figure,
  type ForceReport,
  type JudgmentEntry,
  type MetricFigure,
  type PublishedBand,
  type Sentence,
} from 'peel-metrics';
import type { SeriesInput } from '$lib/charts/line-chart.ts';
import type { RankedBarInput } from '$lib/charts/ranked-bars.ts';
import { shortPeriodLabel, unitLabel } from '$lib/labels.ts';

/** A table cell: printed text, or a missing marker (rendered with its reason). */
export interface CellView {
  text: string;
  missing?: Missing | undefined;
  /** Words printed before the text or marker (a printed band before an `[x]` recomputed one). */
  prefix?: string | undefined;
  /** Right-aligned with tabular figures. */
  numeric?: boolean;
}

export interface TableRowView {
  header: CellView;
  cells: CellView[];
  highlight?: boolean;
  /** A member of a group row (indented under it). */
  member?: boolean;
  group?: boolean;
}

export interface TableView {
  caption: string;
  head: string[];
  rows: TableRowView[];
}

export interface PairedBarInput {
  key: string;
  label: string;
  force: number;
  forceDisplay: string;
  englandWales: number;
  englandWalesDisplay: string;
}

export type ChartView =
  | {
      type: 'bars';
      rows: RankedBarInput[];
      comparator: { label: string; value: number; display: string } | undefined;
      notShown: { label: string; cell: CellView; reason: string }[];
    }
  | { type: 'paired'; rows: PairedBarInput[]; forceLabel: string }
  | { type: 'line'; periods: string[]; series: SeriesInput[] }
  | { type: 'none'; reason: string };

/** A value the report printed that differs from the one recomputed from open data. */
export interface DifferenceView {
  label: string;
  published: string;
  recomputed: string;
  publishedEnglandWales: string;
  recomputedEnglandWales: string;
  reasons: string[];
}

export interface FigureView {
  number: number;
  anchor: string;
  caption: string;
  periodLabel: string;
  chartTitle: string;
  chartDescription: string;
  chart: ChartView;
  table: TableView;
  sentences: string[];
  notes: string[];
  differences: DifferenceView[];
  sources: string[];
  /** The figure's downloads (`/data/<id>.csv`, `.json`; the site has them for the 2016 edition only). */
  downloadId: string;
}

export interface JudgmentView {
  number: number;
  question: string;
  grade: JudgmentEntry['grade'];
  previousGrade: JudgmentEntry['previousGrade'];
  areasForImprovement: string[] | Missing;
}

export interface ReportView {
  slug: string;
  code: string;
  name: string;
  shortName: string;
  title: string;
  overall: JudgmentView;
  questions: JudgmentView[];
  forceInNumbers: { id: string; label: string; table: TableView }[];
  figures: FigureView[];
  otherNumbers: TableView;
  otherSentences: string[];
  differences: DifferenceView[];
  /** Every printed value the open data rebuild, beside its recomputation, with the cause of any difference. */
  reconciliation: TableView;
  footnotes: string[];
  exclusionNotes: string[];
  sources: ForceReport['sources'];
  /** Set on a report regenerated for another period: HMIC did not publish it. */
  regeneration?: { periodEnd: string; period: string; notice: string } | undefined;
}

/**
 * A value as printed, keeping a missing marker so the page can explain it.
 * @example cell(16.449, { precision: 1 }) // { text: '16.4' }
 */
export function cell(value: NumberOrMissing, options: { precision: number; unit?: string }): CellView {
  return isMissing(value)
    ? { text: formatValue(value, options), missing: value, numeric: true }
    : { text: formatValue(value, options), numeric: true };
}

/** A ranked bar chart's England and Wales mark, or none where England and Wales has no value. */
export function comparatorMark(
  value: NumberOrMissing,
  options: { precision: number; unit?: string },
): { label: string; value: number; display: string } | undefined {
  return isMissing(value) ? undefined : { label: 'England and Wales', value, display: formatValue(value, options) };
}

/** The forces a bar chart cannot draw, each with its table cell and the reason. */
export function notShownBars(
  rows: readonly { force: { shortName: string }; value: NumberOrMissing }[],
  options: { precision: number; unit?: string },
): { label: string; cell: CellView; reason: string }[] {
  return rows.map((row) => ({
    label: row.force.shortName,
    cell: cell(row.value, options),
    reason: isMissing(row.value) ? row.value.reason : '',
  }));
}

/**
 * A force's name for a slug the model uses (the slug itself if peel-data does not know it).
 * @example forceName('dorset') // 'Dorset Police'
 */
export function forceName(slug: string): string {
  return getForce(slug)?.name ?? slug;
}

/**
 * A figure's period in words, or says it is not stated.
 * @example periodLabel({ type: 'snapshot', date: '2016-07-01' }) // 'as at 1 July 2016'
 */
export function periodLabel(period: Figure['period']): string {
  return isMissing(period) ? 'period not stated' : formatPeriod(period);
}

/**
 * A band cell: the band in words with its rank, or the missing marker with its reason.
 * @example bandText(undefined).text // ''
 */
export function bandText(band: BandResult | Missing | undefined): CellView {
  if (band === undefined) return { text: '' };
  if (isMissing(band)) return { text: `[${band.missing}]`, missing: band };
  return { text: `${BAND_LABEL[band.band]} (rank ${band.rank} of ${band.n})` };
}

function periodWords(period: MetricFigure['period'] | PublishedBand['provenance']['period']): string | undefined {
  return period === undefined || isMissing(period) ? undefined : formatPeriod(period);
}

/**
 * A band cell that keeps the two kinds of band apart: the band the report printed (its words, marked "as
 * printed" with the period it covered) comes first; the band peel-metrics recomputed follows, named as
 * recomputed with its own period, when it differs, agrees, or cannot be recomputed ([x] with the reason).
 * Without a printed band the cell is the recomputed band alone, as everywhere else on the site.
 * @example
 * bandCell(durhamFigure4Row).text
 * // 'among the highest (as printed, 12 months to 30 June 2016); recomputed for financial year 2017/18: one of the
 * lowest (rank 38 of 42)'
 */
export function bandCell(row: Pick<MetricFigure, 'band' | 'publishedBand' | 'period'>): CellView {
  const printed = row.publishedBand;
  if (!printed) return bandText(row.band);
  const printedPeriod = periodWords(printed.provenance.period);
  const printedText = `${printed.printed.trim()} (as printed${printedPeriod ? `, ${printedPeriod}` : ''})`;
  if (row.band === undefined) return { text: printedText };
  const dataPeriod = periodWords(row.period);
  const recomputed = `recomputed${dataPeriod && dataPeriod !== printedPeriod ? ` for ${dataPeriod}` : ''}`;
  if (isMissing(row.band))
    return { prefix: `${printedText}; ${recomputed}: `, text: `[${row.band.missing}]`, missing: row.band };
  const rank = `rank ${row.band.rank} of ${row.band.n}`;
  const recomputedText =
    row.band.band === printed.band ? `the same band (${rank})` : `${BAND_LABEL[row.band.band]} (${rank})`;
  return { text: `${printedText}; ${recomputed}: ${recomputedText}` };
}

/**
 * Why a figure's printed and recomputed bands may differ, in words, or nothing when the figure has no printed band.
 * @example
 * printedBandNotes(durhamFigure4.rows)[0]
 * // 'Bands marked “as printed” are the words of the 2016 report, for 12 months to 30 June 2016, shown as printed.'
 */
export function printedBandNotes(rows: readonly Pick<MetricFigure, 'band' | 'publishedBand' | 'period'>[]): string[] {
  const withPrinted = rows.filter((row) => row.publishedBand !== undefined);
  if (withPrinted.length === 0) return [];
  const list = (periods: (string | undefined)[]) =>
    [...new Set(periods.filter((period) => period !== undefined))].join(' and ');
  const printedPeriods = list(withPrinted.map((row) => periodWords(row.publishedBand!.provenance.period)));
  const recomputedPeriods = list(
    rows.filter((row) => row.band !== undefined && !isMissing(row.band)).map((row) => periodWords(row.period)),
  );
  const notes = [
    `Bands marked “as printed” are the words of the 2016 ` +
      `report${printedPeriods ? `, for ${printedPeriods}` : ''}, shown as printed.`,
  ];
  if (recomputedPeriods) {
    notes.push(
      recomputedPeriods === printedPeriods
        ? `Recomputed bands rank the forces on the same period from open data, which may be a later release than the ` +
            `report used, so a recomputed band can still differ from the printed one.`
        : `Recomputed bands rank the forces on ${recomputedPeriods} (the nearest open data), a different period from ` +
            `the printed bands, so the two may differ.`,
    );
  }
  if (withPrinted.some((row) => row.band !== undefined && isMissing(row.band))) {
    notes.push(
      'Where the recomputed band is [x], it cannot be recomputed from open data; the marker gives the reason.',
    );
  }
  return notes;
}

function comparisonText(comparison: MetricFigure['comparison']): CellView {
  return isMissing(comparison)
    ? { text: `[${comparison.missing}]`, missing: comparison }
    : { text: COMPARISON_LABEL[comparison] };
}

function printedDiffers(figure: MetricFigure): boolean {
  if (!figure.published) return false;
  const options = { precision: figure.precision, unit: figure.unit };
  return (
    formatValue(figure.published.force, options) !== formatValue(figure.force.value, options) ||
    formatValue(figure.published.englandWales, options) !== formatValue(figure.englandWales.value, options)
  );
}

function differenceOf(
  figure: MetricFigure,
  reconciliation: readonly ReconciliationRow[] = [],
): DifferenceView | undefined {
  if (!figure.published || !printedDiffers(figure)) return undefined;
  const options = { precision: figure.precision, unit: figure.unit };
  const reconciled = reconciliation.filter((row) => row.figureId === figure.metricId);
  const reasons = [...figure.force.caveats, ...figure.englandWales.caveats];
  // The specific cause of each difference where it is known, not the generic data-vintage note.
  if (reconciled.length > 0)
    for (const row of reconciled)
      reasons.push(
        `${row.area === 'force' ? 'Force' : 'England and Wales'}: ${RECONCILIATION_CAUSE_LABEL[row.cause]}. ` +
          row.evidence,
      );
  else {
    if (figure.published.provenance.note) reasons.push(figure.published.provenance.note);
    if (figure.force.provenance.note) reasons.push(figure.force.provenance.note);
  }
  return {
    label: figure.label,
    published: formatValue(figure.published.force, options),
    recomputed: formatValue(figure.force.value, options),
    publishedEnglandWales: formatValue(figure.published.englandWales, options),
    recomputedEnglandWales: formatValue(figure.englandWales.value, options),
    reasons: [...new Set(reasons)],
  };
}

function sourcesOf(
  values: { provenance: { source: string; alsoFrom?: string[] | undefined } }[],
  report: ForceReport,
): string[] {
  const ids = new Set(values.flatMap((value) => [value.provenance.source, ...(value.provenance.alsoFrom ?? [])]));
  return [...ids].map((id) => {
    const source = report.sources.find((candidate) => candidate.id === id);
    return source ? `${source.publisher}: ${source.title}` : id;
  });
}

function englandWalesLeftOut(value: EnglandWalesValue): string[] {
  return value.excluded.map((left) => `${forceName(left.force)}: ${left.reason}`);
}

function byForceFigure(
  figure: Extract<Figure, { kind: 'by-force' }>,
  report: ForceReport,
): Pick<FigureView, 'chart' | 'table' | 'sources'> {
  const options = { precision: figure.precision, unit: figure.unit };
  const rankOf = (band: BandResult | Missing | undefined) =>
    band && !isMissing(band) ? band.rank : Number.POSITIVE_INFINITY;
  // Bars in rank order (rank 1 = highest value, as peel-metrics ranks); unranked numbers after, by value.
  const shown = figure.bars
    .filter((bar): bar is typeof bar & { value: number } => !isMissing(bar.value))
    .sort((a, b) => rankOf(a.band) - rankOf(b.band) || b.value - a.value);
  const notShown = figure.bars.filter((bar) => isMissing(bar.value));
  const ew = figure.subject.englandWales.value;
  // A figure with no value anywhere (printed in 2016 only, in a regenerated report) has no unit to name.
  const unit = unitLabel(figure.unit);
  return {
    chart: {
      type: 'bars',
      rows: shown.map((bar) => ({
        key: bar.force.slug,
        label: bar.force.shortName,
        value: bar.value,
        display: formatValue(bar.value, options),
        band: bar.band && !isMissing(bar.band) ? bar.band.band : undefined,
        highlighted: bar.isSubject,
      })),
      comparator: comparatorMark(ew, options),
      notShown: notShownBars(notShown, options),
    },
    table: {
      caption: `${figure.title}, by force${unit ? ` (${unit})` : ''}`,
      head: ['Force', unit || 'Value', 'Band', 'Notes'],
      rows: [
        ...[...shown, ...notShown].map((bar) => ({
          header: { text: bar.force.name },
          cells: [cell(bar.value, options), bandText(bar.band), { text: bar.caveats.join(' ') }],
          highlight: bar.isSubject,
        })),
        {
          header: { text: 'England and Wales' },
          cells: [
            cell(ew, options),
            { text: '' },
            { text: englandWalesLeftOut(figure.subject.englandWales).join(' ') },
          ],
          group: true,
        },
      ],
    },
    sources: sourcesOf([figure.subject.force, figure.subject.englandWales], report),
  };
}

function tableFigure(
  figure: Extract<Figure, { kind: 'table' }>,
  report: ForceReport,
): Pick<FigureView, 'chart' | 'table' | 'sources'> {
  const hasBands = figure.rows.some((row) => row.band !== undefined || row.publishedBand !== undefined);
  const units = [...new Set(figure.rows.map((row) => row.unit))];
  const paired: PairedBarInput[] = [];
  for (const row of figure.rows) {
    if (row.rowType === 'total' || isMissing(row.force.value) || isMissing(row.englandWales.value)) continue;
    const options = { precision: row.precision, unit: row.unit };
    paired.push({
      key: `${row.metricId}-${row.label}`,
      label: row.label,
      force: row.force.value,
      forceDisplay: formatValue(row.force.value, options),
      englandWales: row.englandWales.value,
      englandWalesDisplay: formatValue(row.englandWales.value, options),
    });
  }
  return {
    chart:
      paired.length > 0
        ? { type: 'paired', rows: paired, forceLabel: report.force.shortName }
        : { type: 'none', reason: 'No row of this figure has both a force and an England and Wales value to chart.' },
    table: {
      caption: `${figure.title}${units.length === 1 ? ` (${unitLabel(units[0]!)})` : ''}`,
      head: [
        'Measure',
        report.force.shortName,
        'England and Wales',
        ...(hasBands ? ['Band'] : []),
        'Compared with England and Wales',
      ],
      rows: figure.rows.map((row) => {
        const options = { precision: row.precision, unit: row.unit };
        const numbers = row.outcomeNumbers?.length ? `${row.outcomeNumbers.join(', ')}. ` : '';
        const unit = units.length > 1 ? ` (${unitLabel(row.unit)})` : '';
        // A value copied from print says so here and in the figure's downloads (issue 10).
        const kind = isMissing(row.force.value) ? 'recomputed' : valueKindOf(row.force.provenance);
        const label = `${numbers}${row.label}${unit}${kind === 'recomputed' ? '' : ` (${VALUE_KIND_LABEL[kind]})`}`;
        return {
          header: { text: label },
          cells: [
            cell(row.force.value, options),
            cell(row.englandWales.value, options),
            ...(hasBands ? [bandCell(row)] : []),
            comparisonText(row.comparison),
          ],
          member: row.rowType === 'outcome' && row.group !== undefined,
          group: row.rowType === 'group' || row.rowType === 'total',
        };
      }),
    },
    sources: sourcesOf(
      figure.rows.flatMap((row) => [row.force, row.englandWales]),
      report,
    ),
  };
}

function seriesFigure(
  figure: Extract<Figure, { kind: 'series' }>,
  report: ForceReport,
): Pick<FigureView, 'chart' | 'table' | 'sources'> {
  const options = { precision: figure.precision, unit: figure.unit };
  const numberOrUndefined = (value: NumberOrMissing | undefined) =>
    value === undefined || isMissing(value) ? undefined : value;
  const hasEnglandWales = figure.points.some((point) => point.englandWales !== undefined);
  return {
    chart:
      figure.points.length > 0
        ? {
            type: 'line',
            periods: figure.points.map((point) => shortPeriodLabel(point.period)),
            series: [
              {
                key: report.force.slug,
                label: report.force.shortName,
                values: figure.points.map((point) => numberOrUndefined(point.force.value)),
                emphasis: true,
              },
              ...(hasEnglandWales
                ? [
                    {
                      key: 'england-and-wales',
                      label: 'England and Wales',
                      values: figure.points.map((point) => numberOrUndefined(point.englandWales?.value)),
                    },
                  ]
                : []),
            ],
          }
        : { type: 'none', reason: 'The series has no points.' },
    table: {
      caption: `${figure.title} (${unitLabel(figure.unit)})`,
      head: ['Period', report.force.shortName, ...(hasEnglandWales ? ['England and Wales'] : [])],
      rows: figure.points.map((point) => ({
        header: { text: formatPeriod(point.period) },
        cells: [
          cell(point.force.value, options),
          ...(hasEnglandWales ? [point.englandWales ? cell(point.englandWales.value, options) : { text: '' }] : []),
        ],
      })),
    },
    sources: sourcesOf(
      figure.points.flatMap((point) => [point.force, ...(point.englandWales ? [point.englandWales] : [])]),
      report,
    ),
  };
}

function metricFiguresOf(figure: Figure): MetricFigure[] {
  if (figure.kind === 'by-force') return [figure.subject];
  if (figure.kind === 'table') return figure.rows;
  return [];
}

function chartDescription(figure: Figure, sentences: string[], chart: ChartView, report: ForceReport): string {
  const lead =
    chart.type === 'bars'
      ? `Bar chart of ${chart.rows.length} forces ranked from the highest value to the lowest, with ` +
        `${report.force.shortName} ` +
        `highlighted${chart.comparator ? ` and England and Wales (${chart.comparator.display}) marked` : ''}.`
      : chart.type === 'paired'
        ? `Bar chart comparing ${report.force.shortName} with England and Wales for ${chart.rows.length} measures.`
        : chart.type === 'line'
          ? `Line chart of ${chart.periods.length} periods, from ${chart.periods[0]} to ${chart.periods.at(-1)}.`
          : chart.reason;
  return [lead, ...sentences, 'The table below gives the same figures.'].join(' ');
}

function judgmentView(entry: JudgmentEntry): JudgmentView {
  return {
    number: entry.number,
    question: entry.question,
    grade: entry.grade,
    previousGrade: entry.previousGrade,
    areasForImprovement: entry.areasForImprovement,
  };
}

function metricRows(figures: MetricFigure[]): TableView['rows'] {
  return figures.map((figure) => {
    const options = { precision: figure.precision, unit: figure.unit };
    return {
      header: { text: figure.label },
      cells: [
        { text: periodLabel(figure.period) },
        cell(figure.force.value, options),
        cell(figure.englandWales.value, options),
        { text: unitLabel(figure.unit) },
        comparisonText(figure.comparison),
      ],
    };
  });
}

/**
 * The reconciliation section: one row per printed value the open data rebuild.
 * @example reconciliationTable(buildForceReport('durham').reconciliation).head[0] // 'Measure'
 */
export function reconciliationTable(rows: readonly ReconciliationRow[]): TableView {
  const shown = (value: NumberOrMissing, row: ReconciliationRow, extra: number) =>
    cell(value, { precision: row.printed.decimals + extra, unit: row.unit === 'percent change' ? row.unit : '' });
  return {
    caption: 'Figures printed in the report and recomputed from open data',
    head: ['Measure', 'Whose value', 'Printed', 'Recomputed', 'Difference', 'Method', 'Cause', 'Evidence'],
    rows: rows.map((row) => ({
      header: { text: row.label },
      cells: [
        { text: row.area === 'force' ? 'Force' : 'England and Wales' },
        { text: row.printed.text, numeric: true },
        { ...shown(row.recomputed, row, 2), numeric: true },
        { ...shown(row.difference, row, 2), numeric: true },
        {
          text:
            Object.entries(row.method)
              .map(([dimension, value]) => `${dimension}: ${value}`)
              .join('; ') || 'one method',
        },
        { text: RECONCILIATION_CAUSE_LABEL[row.cause] },
        { text: row.evidence },
      ],
    })),
  };
}

/**
 * The report page's view of a force report model.
 * @example toReportView(buildForceReport('durham')).figures.map((figure) => figure.number) // [1, 2, …, 9]
 */
export function toReportView(report: ForceReport): ReportView {
  const used = new Set<Sentence>();
  const figures = report.figures.map((figure): FigureView => {
    const sentences = report.sentences.filter((sentence) =>
      sentence.metricIds.some((id) => figure.metricIds.includes(id)),
    );
    for (const sentence of sentences) used.add(sentence);
    const body =
      figure.kind === 'by-force'
        ? byForceFigure(figure, report)
        : figure.kind === 'table'
          ? tableFigure(figure, report)
          : seriesFigure(figure, report);
    const period = periodLabel(figure.period);
    const texts = sentences.map((sentence) => sentence.text);
    return {
      number: figure.number,
      anchor: `figure-${figure.number}`,
      caption: `Figure ${figure.number}: ${figure.title}`,
      periodLabel: period,
      chartTitle: `Figure ${figure.number}: ${figure.title}, ${period}`,
      chartDescription: chartDescription(figure, texts, body.chart, report),
      sentences: texts,
      notes: [...figure.notes, ...(figure.kind === 'table' ? printedBandNotes(figure.rows) : [])],
      differences: metricFiguresOf(figure)
        .map((metric) => differenceOf(metric, report.reconciliation))
        .filter((difference) => difference !== undefined),
      downloadId: `report-${report.force.slug}-figure-${figure.number}`,
      ...body,
    };
  });
  const others = [
    report.crimeChange.vs2011,
    report.crimeChange.victimBasedVs2011,
    report.crimeChange.yearOnYear,
    ...report.domesticViolenceDisclosure,
    ...report.otherMetrics,
  ];
  const head = [
    'Measure',
    'Period',
    report.force.shortName,
    'England and Wales',
    'Unit',
    'Compared with England and Wales',
  ];
  return {
    slug: report.force.slug,
    code: report.force.code,
    name: report.force.name,
    shortName: report.force.shortName,
    title: report.title,
    overall: judgmentView(report.judgments.overall),
    questions: report.judgments.questions.map(judgmentView),
    forceInNumbers: report.forceInNumbers.map((area) => ({
      id: area.id,
      label: area.label,
      table: { caption: area.label, head, rows: metricRows(area.items) },
    })),
    figures,
    otherNumbers: { caption: 'Other numbers in the report', head, rows: metricRows(others) },
    otherSentences: report.sentences.filter((sentence) => !used.has(sentence)).map((sentence) => sentence.text),
    differences: [...report.forceInNumbers.flatMap((area) => area.items), ...others]
      .map((metric) => differenceOf(metric, report.reconciliation))
      .filter((difference) => difference !== undefined),
    reconciliation: reconciliationTable(report.reconciliation),
    footnotes: report.footnotes,
    exclusionNotes: report.exclusionNotes,
    sources: report.sources,
    ...(report.regeneration
      ? {
          regeneration: {
            periodEnd: report.regeneration.periodEnd,
            period: formatPeriod({ type: 'rolling-12m', end: report.regeneration.periodEnd }),
            notice: report.regeneration.notice,
          },
        }
      : {}),
  };
}
