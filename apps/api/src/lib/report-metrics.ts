/**
 * The `metrics` object of the report endpoint: every metric of the spec catalogue under its spec id, taken
 * from the figures of peel-metrics' report model. Nothing is computed here; figures are only re-indexed:
 *
 * - a catalogue id with exactly one figure of that id gets that figure's values;
 * - an id whose values are several rows (`outcome_proportion:<row>`, `right_to_ask_count` / `_rate`,
 *   Figure 7's six `da_outcome_rate` rows) gets `rows`, and its own `value` is a `[z]` marker saying so;
 * - `forces_with_annual_crime_increase` comes from the model's crime-change block;
 * - `outcomes_assigned_total` and `outcomes_not_yet_assigned` are Figure 4's total rows (ids below);
 * - a time series (`crime_rate_trend_5yr`) is a `[z]` marker pointing to its figure and series endpoint;
 * - an id the model has no figure for is a `[x]` marker whose reason is the catalogue's availability note.
 */
import { z } from '@hono/zod-openapi';
import { type MetricDefinition, missing, MissingSchema, NumberOrMissingSchema, ProvenanceSchema } from 'peel-data';
import { AnyPeriodSchema, BandResultSchema, ComparisonSchema, EnglandWalesValueSchema, type ForceReport, type MetricFigure, PublishedComparisonSchema } from 'peel-metrics';

const MetricValueFields = {
  metricId: z.string(),
  label: z.string(),
  unit: z.string(),
  precision: z.union([z.number().int(), MissingSchema]),
  period: z.union([AnyPeriodSchema, MissingSchema]),
  value: NumberOrMissingSchema,
  provenance: z.union([ProvenanceSchema, MissingSchema]),
  caveats: z.array(z.string()),
  englandWales: z.union([EnglandWalesValueSchema, MissingSchema]),
  comparison: z.union([ComparisonSchema, MissingSchema]),
  band: z.union([BandResultSchema, MissingSchema]),
  published: PublishedComparisonSchema.optional(),
  difference: z.object({ force: NumberOrMissingSchema, englandWales: NumberOrMissingSchema }).optional(),
};

/** One value of a metric that has several rows (an outcome type, a count and its rate). */
export const ReportMetricRowSchema = z.object(MetricValueFields).meta({ id: 'ReportMetricRow' });
/** A catalogue metric for the report's force: `metrics.<spec id>` of the report endpoint. */
export const ReportMetricSchema = z
  .object({ ...MetricValueFields, rows: z.array(ReportMetricRowSchema).optional() })
  .meta({ id: 'ReportMetric', description: 'One catalogue metric for the report force. Unrounded; `precision` is the decimals the report prints.' });
/** A catalogue metric for the report's force. */
export type ReportMetric = z.infer<typeof ReportMetricSchema>;
type ReportMetricRow = z.infer<typeof ReportMetricRowSchema>;

/** Every MetricFigure of the report model, in report order. */
function figuresOf(report: ForceReport): MetricFigure[] {
  const all: MetricFigure[] = [];
  for (const figure of report.figures) {
    if (figure.kind === 'table') all.push(...figure.rows);
    if (figure.kind === 'by-force') all.push(figure.subject);
  }
  all.push(report.crimeChange.vs2011, report.crimeChange.victimBasedVs2011, report.crimeChange.yearOnYear);
  all.push(...report.domesticViolenceDisclosure, ...report.otherMetrics);
  for (const area of report.forceInNumbers) all.push(...area.items);
  return all;
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
    ...(figure.published ? { published: figure.published } : {}),
    ...(figure.difference ? { difference: figure.difference } : {}),
  };
}

/** Catalogue ids whose value is one row of another figure in the model (Figure 4's totals). */
const ROW_ALIASES: Record<string, string> = {
  outcomes_assigned_total: 'outcome_proportion:total-assigned',
  outcomes_not_yet_assigned: 'outcome_proportion:not-yet-assigned',
};

/** Figures whose id belongs to a catalogue id as one of its rows. */
const isRowOf = (catalogueId: string, figureId: string) => figureId.startsWith(`${catalogueId}:`) || figureId.startsWith(`${catalogueId}_`);

/**
 * The `metrics` object for a report: one entry per catalogue metric, keyed by spec id.
 * @example reportMetrics(buildForceReport('durham'), metricCatalogue).crime_rate_total_excl_fraud.value // 66.1… (unrounded)
 */
export function reportMetrics(report: ForceReport, catalogue: readonly MetricDefinition[]): Record<string, ReportMetric> {
  const figures = figuresOf(report);
  const metrics: Record<string, ReportMetric> = {};
  for (const definition of catalogue) {
    const id = definition.id;
    // The same figure can appear twice (a table row and the Force in numbers panel): keep the first.
    const exact = dedupe(figures.filter((figure) => figure.metricId === (ROW_ALIASES[id] ?? id)));
    const series = report.figures.find((figure) => figure.kind === 'series' && figure.metricIds.includes(id));
    const rows = exact.length > 1 ? exact : dedupe(figures.filter((figure) => isRowOf(id, figure.metricId)));
    if (exact.length === 1) {
      metrics[id] = { ...rowOf(exact[0]!), metricId: id };
    } else if (rows.length > 0) {
      const first = rows[0]!;
      metrics[id] = {
        metricId: id,
        label: definition.label,
        unit: definition.unit,
        precision: first.precision,
        period: first.period,
        value: missing('z', `${id} has one value per row (${rows.length} rows); see rows`),
        provenance: first.force.provenance,
        caveats: definition.caveats,
        englandWales: missing('z', `${id} has one England and Wales value per row; see rows`),
        comparison: missing('z', `${id} is compared row by row; see rows`),
        band: missing('z', `${id} is banded row by row; see rows`),
        rows: rows.map(rowOf),
      };
    } else if (series) {
      const reason = `${id} is a time series: see figure ${series.number} (points) in this report, or GET /v1/metrics/${id}/series/${report.force.slug}`;
      metrics[id] = {
        metricId: id,
        label: definition.label,
        unit: definition.unit,
        precision: series.kind === 'series' ? series.precision : missing('z', reason),
        period: series.period,
        value: missing('z', reason),
        provenance: missing('z', reason),
        caveats: definition.caveats,
        englandWales: missing('z', reason),
        comparison: missing('z', reason),
        band: missing('z', reason),
      };
    } else if (id === 'forces_with_annual_crime_increase') {
      const increase = report.crimeChange.forcesWithAnnualIncrease;
      metrics[id] = {
        metricId: id,
        label: definition.label,
        unit: definition.unit,
        precision: 0,
        period: increase.provenance.period ?? missing('x', 'the model gives no period for this count'),
        value: increase.value,
        provenance: increase.provenance,
        caveats: [`out of ${increase.outOf} forces`, ...definition.caveats],
        englandWales: missing('z', 'a national count has no England and Wales comparator'),
        comparison: missing('z', 'a national count is not compared'),
        band: missing('z', 'a national count is not banded'),
      };
    } else {
      const reason = `no value for ${report.force.name}: ${definition.availabilityNote}`;
      metrics[id] = {
        metricId: id,
        label: definition.label,
        unit: definition.unit,
        precision: missing('x', reason),
        period: definition.period,
        value: missing('x', reason),
        provenance: missing('x', reason),
        caveats: definition.caveats,
        englandWales: missing('x', reason),
        comparison: missing('x', reason),
        band: missing('x', reason),
      };
    }
  }
  return metrics;
}

function dedupe(figures: MetricFigure[]): MetricFigure[] {
  const seen = new Set<string>();
  return figures.filter((figure) => {
    const key = `${figure.metricId}|${figure.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
