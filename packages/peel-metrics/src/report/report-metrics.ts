/**
 * Every metric of the spec's catalogue for one force, keyed by its spec id (`metrics.crime_rate_total_excl_fraud`):
 * the same map the API serves beside the report.
 *
 * Method: nothing is computed here; each catalogue id is looked up in the report model, in this order:
 *   1. figures whose metric id is the catalogue id (a table row, a by-force subject, a panel item, a crime change…);
 *      one figure gives the entry's values, several (Figure 7's six rows) give `rows`;
 *   2. a Figure 4 total row the catalogue lists as a metric of its own (`outcomes_assigned_total`,
 *      `outcomes_not_yet_assigned`);
 *   3. figures held under the catalogue's linked printed ids (`publishedFigureIds`, e.g. `right_to_ask_count` and
 *      `right_to_ask_rate` for `right_to_ask`) or under `<id>:<row>` (`outcome_proportion:<row>`): one gives the
 *      values, several give `rows`;
 *   4. a time series (`crime_rate_trend_5yr`): `[z]` pointing to its figure, whose points hold the values;
 *   5. the national count `forces_with_annual_crime_increase`, from the model's crime-change block;
 *   6. anything else: `[x]` with the catalogue's availability note.
 * An entry with `rows` has `[z]` markers for its own value, England and Wales, comparison and band, saying so.
 * The same figure can appear twice (a table row and the Force in numbers panel): the first is kept.
 * (The zod schemas of the map are in schema/report-metrics.ts.)
 */
import { missing, type Missing, type NumberOrMissing, type Provenance } from 'peel-data';
import type { Comparison } from '../compare.ts';
import { relabelPeriod } from '../format/relabel-period.ts';
import type { MetricDefinition } from '../registry/definition.ts';
import { METRIC, type MetricId } from '../registry/ids.ts';
import { METRIC_REGISTRY, type RegistryOptions } from '../registry/registry.ts';
import { resolveRelease, resolveTerritorialForce, type ReleaseOptions } from '../data/release.ts';
import { figureOf } from './figure.ts';
import type {
  AnyPeriod,
  BandResult,
  EnglandWalesValue,
  ForceReport,
  MetricFigure,
  PublishedBand,
  PublishedComparison,
} from '../model/types.ts';

/** The fields of a catalogue metric entry (and of each of its rows). */
export interface ReportMetricRow {
  metricId: string;
  label: string;
  unit: string;
  /** Decimal places the report prints, or Missing when it prints no value. */
  precision: number | Missing;
  period: AnyPeriod | Missing;
  value: NumberOrMissing;
  provenance: Provenance | Missing;
  caveats: string[];
  englandWales: EnglandWalesValue | Missing;
  comparison: Comparison | Missing;
  /** The band this library recomputes (the banding rule), or why there is none. */
  band: BandResult | Missing;
  /** The band the report states, as printed (Durham's Figures 4 and 7). */
  publishedBand?: PublishedBand | undefined;
  published?: PublishedComparison | undefined;
  difference?: { force: NumberOrMissing; englandWales: NumberOrMissing } | undefined;
}

/**
 * A catalogue metric for a report's force: `metrics.<spec id>`. Unrounded; `precision` is the decimals the report
 * prints. Several values (an outcome type, a count and its rate) come as `rows`.
 */
export interface ReportMetric extends ReportMetricRow {
  rows?: ReportMetricRow[] | undefined;
}

/** Every catalogue metric for a report's force, by spec id. */
export type ReportMetrics = Record<MetricId, ReportMetric>;

/** Catalogue ids whose value is one row of Figure 4 (its total rows). */
const FIGURE_4_ROW_OF: Partial<Record<string, string>> = {
  [METRIC.outcomes_assigned_total]: `${METRIC.outcome_proportion}:total-assigned`,
  [METRIC.outcomes_not_yet_assigned]: `${METRIC.outcome_proportion}:not-yet-assigned`,
};

/** Every MetricFigure of the report model, in report order, without repeats. */
function figuresOf(report: ForceReport): MetricFigure[] {
  const all: MetricFigure[] = [];
  for (const figure of report.figures) {
    if (figure.kind === 'table') all.push(...figure.rows);
    if (figure.kind === 'by-force') all.push(figure.subject);
  }
  all.push(report.crimeChange.vs2011, report.crimeChange.victimBasedVs2011, report.crimeChange.yearOnYear);
  all.push(...report.domesticViolenceDisclosure, ...report.otherMetrics);
  // The panel repeats figures shown elsewhere (the crime rate, a Figure 4 row): those are already in.
  const shown = new Set(all.map((figure) => figure.metricId));
  for (const area of report.forceInNumbers) all.push(...area.items.filter((item) => !shown.has(item.metricId)));
  const seen = new Set<string>();
  return all.filter((figure) => {
    const key = `${figure.metricId}|${figure.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function rowOf(figure: MetricFigure): ReportMetricRow {
  return {
    metricId: figure.metricId,
    label: figure.label,
    unit: figure.unit,
    precision: figure.precision,
    period: figure.period,
    value: figure.force.value,
    provenance: figure.force.provenance,
    caveats: figure.force.caveats,
    englandWales: figure.englandWales,
    comparison: figure.comparison,
    band: figure.band ?? missing('z', 'the report bands only Figures 4 and 7'),
    ...(figure.publishedBand ? { publishedBand: figure.publishedBand } : {}),
    ...(figure.published ? { published: figure.published } : {}),
    ...(figure.difference ? { difference: figure.difference } : {}),
  };
}

/** An entry whose own fields are all the same marker (a series, no value, several rows…). */
function markerEntry(
  definition: MetricDefinition,
  marker: ReturnType<typeof missing>,
  fields: Partial<ReportMetric> = {},
): ReportMetric {
  return {
    metricId: definition.id,
    label: definition.label,
    unit: definition.unit,
    precision: marker,
    period: definition.period,
    value: marker,
    provenance: marker,
    caveats: definition.caveats,
    englandWales: marker,
    comparison: marker,
    band: marker,
    ...fields,
  };
}

/**
 * The entry of a catalogue id from the figures found for it. A figure found under another id (a printed figure
 * linked by the catalogue) takes the catalogue's label, unit and printed precision, which describe it better.
 */
function entryOf(definition: MetricDefinition, matches: MetricFigure[]): ReportMetric | undefined {
  const [first] = matches;
  if (!first) return undefined;
  const id = definition.id;
  if (matches.length === 1) {
    const entry = { ...rowOf(first), metricId: id };
    if (first.metricId === id) return entry;
    return {
      ...entry,
      label: relabelPeriod(definition.label, definition.period, first.period),
      unit: definition.unit,
      precision: typeof definition.printedDecimals === 'number' ? definition.printedDecimals : first.precision,
    };
  }
  return {
    metricId: id,
    label: relabelPeriod(definition.label, definition.period, first.period),
    unit: definition.unit,
    precision: first.precision,
    period: first.period,
    value: missing('z', `${id} has one value per row (${matches.length} rows); see rows`),
    provenance: first.force.provenance,
    caveats: definition.caveats,
    englandWales: missing('z', `${id} has one England and Wales value per row; see rows`),
    comparison: missing('z', `${id} is compared row by row; see rows`),
    band: missing('z', `${id} is banded row by row; see rows`),
    rows: matches.map(rowOf),
  };
}

/**
 * Every catalogue metric for the report's force, under its spec id: value, England and Wales, comparison, band
 * (recomputed, and as printed where the report states one), unit, period and provenance, or Missing markers with
 * the reason. Reads the catalogue of `release` (the bundled one by default).
 * @example reportMetrics(buildForceReport('durham')).crime_rate_assault_with_injury.value // 6.7 (printed)
 * @example
 * reportMetrics(buildForceReport('kent')).crime_rate_assault_with_injury.value
 * // { missing: 'x', reason: '…' }
 */
export function reportMetrics(report: ForceReport, options: ReleaseOptions & RegistryOptions = {}): ReportMetrics {
  const registry = options.registry ?? METRIC_REGISTRY;
  const figures = figuresOf(report);
  const metrics: Record<string, ReportMetric> = {};
  for (const { id, definition, compute } of registry.metrics) {
    const aliasOf = FIGURE_4_ROW_OF[id];
    const linked = new Set(definition.publishedFigureIds);
    const series = report.figures.find((figure) => figure.kind === 'series' && figure.metricIds.includes(id));
    metrics[id] =
      entryOf(
        definition,
        figures.filter((figure) => figure.metricId === id),
      ) ??
      entryOf(definition, aliasOf ? figures.filter((figure) => figure.metricId === aliasOf) : []) ??
      entryOf(
        definition,
        figures.filter((figure) => linked.has(figure.metricId) || figure.metricId.startsWith(`${id}:`)),
      ) ??
      (series
        ? markerEntry(
            definition,
            missing(
              'z',
              `${id} is a time series: see figure ${series.number} (points) in this report, or ` +
                `metricSeries('${id}', '${report.force.slug}')`,
            ),
            {
              period: series.period,
              ...(series.kind === 'series' ? { precision: series.precision, unit: series.unit } : {}),
            },
          )
        : id === METRIC.forces_with_annual_crime_increase
          ? forcesWithIncrease(definition, report)
          : compute.kind !== 'printed'
            ? // A computed metric the layout does not show (a metric added to the registry): computed for the force.
              entryOf(definition, [computedFigure(report, id, options)])
            : undefined) ??
      markerEntry(definition, missing('x', `no value for ${report.force.name}: ${definition.availabilityNote}`));
  }
  return metrics as ReportMetrics;
}

function computedFigure(report: ForceReport, id: string, options: ReleaseOptions & RegistryOptions): MetricFigure {
  const release = resolveRelease(options.release);
  const force = resolveTerritorialForce(report.force.slug, release);
  return figureOf(release, force, id, options.registry ? { registry: options.registry } : {});
}

function forcesWithIncrease(definition: MetricDefinition, report: ForceReport): ReportMetric {
  const increase = report.crimeChange.forcesWithAnnualIncrease;
  const period = increase.provenance.period;
  return {
    ...markerEntry(
      definition,
      missing('z', 'a national count has no England and Wales comparator, comparison or band'),
    ),
    precision: 0,
    period: period ?? missing('x', 'the model gives no period for this count'),
    value: increase.value,
    provenance: increase.provenance,
    caveats: [`out of ${increase.outOf} forces`, ...definition.caveats],
  };
}
