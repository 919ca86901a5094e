/**
 * Builds a MetricFigure (one metric for the report's force, against England and Wales, with its band and
 * the printed value beside it) from a computed metric.
 *
 * Method: the force's value and England and Wales come from the metric engine (unrounded). The comparison
 * is made at the printed precision (compare.ts). The band is the force's place in the metric's banding, or
 * a Missing marker saying why it has none. Where the report printed a value for this force and the value
 * here was recomputed from open data, both are held, with the difference recomputed − printed (unrounded
 * recomputed value against the rounded printed one, so differences under half a unit are rounding).
 */
import {
  formatPeriod,
  isMissing,
  missing,
  type ChangePeriod,
  type Force,
  type Missing,
  type NumberOrMissing,
  type Period,
} from 'peel-data';

type AnyPeriod = Period | ChangePeriod;
import type { Banding } from '../banding.ts';
import { compareWithEnglandWales } from '../compare.ts';
import { publishedFigure, publishedNumber, type MetricsRelease } from '../data/release.ts';
import { catalogueEntry, computeMetric, type ComputedMetric, type MetricPeriod } from '../metrics/engine.ts';
import type { BandResult, MetricFigure } from './types.ts';

/** Options of metricFigure. */
export interface MetricFigureOptions {
  period?: MetricPeriod | string;
  /** Id of the printed figure to hold beside the value (defaults to the metric id). */
  publishedId?: string;
  /** Set when the printed value covers a different period, so no difference is taken. */
  publishedPeriodDiffers?: string;
}

/**
 * The force's band in a banding, or why it has none.
 * @example bandResultOf(banding, 'dorset') // { missing: 'z', reason: 'Dorset Police could not supply outcomes data …' }
 */
export function bandResultOf(banding: Banding | Missing, force: string): BandResult | Missing {
  if (isMissing(banding)) return banding;
  let results = bandResults.get(banding);
  if (!results) {
    results = new Map<string, BandResult | Missing>();
    for (const row of banding.ranked) {
      results.set(row.force, {
        band: row.band,
        rank: row.rank,
        rankFromBottom: row.rankFromBottom,
        n: banding.n,
        k: banding.k,
        cutoffs: banding.cutoffs,
        direction: banding.direction,
        rule: banding.rule,
      });
    }
    for (const row of banding.notRanked) results.set(row.force, missing('z', `not ranked: ${row.reason}`));
    bandResults.set(banding, results);
  }
  return results.get(force) ?? missing('z', 'not ranked: not among the forces of this banding');
}

// Band results are the same in every report, so each banding's are built once.
const bandResults = new WeakMap<Banding, Map<string, BandResult | Missing>>();

/**
 * Label, unit and printed precision of a computed metric, from the catalogue where it has them.
 * @example describeMetric(bundledRelease, computeMetric(bundledRelease, 'crime_rate_sexual_offences')).precision // 1
 */
export function describeMetric(
  release: MetricsRelease,
  computed: ComputedMetric,
): { label: string; unit: string; precision: number } {
  const cached = descriptions.get(computed);
  if (cached) return cached;
  const entry = catalogueEntry(release, computed.metricId) as {
    label?: string;
    unit?: string;
    printedDecimals?: unknown;
    period?: AnyPeriod | Missing;
  };
  const precision = typeof entry.printedDecimals === 'number' ? entry.printedDecimals : computed.precision;
  const label = entry.label === undefined ? computed.label : relabelPeriod(entry.label, entry.period, computed.period);
  const description = { label, unit: computed.unit || entry.unit || '', precision };
  descriptions.set(computed, description);
  return description;
}

/**
 * A catalogue label names the report's period ("… in the 12 months to 30 June 2016"); where the open data cover
 * another period (outcomes 2017/18, ASB calendar years), the label must name the data's period instead.
 * @example relabelPeriod('Rate, 12 months to 30 June 2016', { type: 'rolling-12m', end: '2016-06-30' }, { type: 'financial-year', startYear: 2017 }) // 'Rate, financial year 2017/18'
 */
export function relabelPeriod(
  label: string,
  reportPeriod: AnyPeriod | Missing | undefined,
  dataPeriod: AnyPeriod | Missing | undefined,
): string {
  if (!reportPeriod || !dataPeriod || isMissing(reportPeriod) || isMissing(dataPeriod)) return label;
  const reportWords = formatPeriod(reportPeriod);
  const dataWords = formatPeriod(dataPeriod);
  return reportWords === dataWords ? label : label.replaceAll(reportWords, dataWords);
}

const descriptions = new WeakMap<ComputedMetric, { label: string; unit: string; precision: number }>();

/**
 * One metric for one force, ready for a report.
 * @example metricFigure(resolveRelease(), getForce('durham'), 'crime_rate_total_excl_fraud').comparison // 'above' | 'below' | 'in-line'
 */
export function metricFigure(
  release: MetricsRelease,
  force: Force,
  metricId: string,
  options: MetricFigureOptions = {},
): MetricFigure {
  const computed = computeMetric(release, metricId, options.period === undefined ? {} : { period: options.period });
  const { label, unit, precision } = describeMetric(release, computed);
  const row = computed.rows.get(force.slug) ?? {
    value: missing('x', `${force.name} is not one of the territorial forces`),
    provenance: computed.englandWales.provenance,
    caveats: [],
  };
  const figure: MetricFigure = {
    metricId,
    label,
    unit,
    precision,
    period: computed.period,
    force: { value: row.value, provenance: row.provenance, caveats: row.caveats },
    englandWales: computed.englandWales,
    comparison: compareWithEnglandWales(row.value, computed.englandWales.value, { precision }),
  };
  if (!isMissing(computed.banding)) figure.band = bandResultOf(computed.banding, force.slug);
  const printed =
    release.durhamPublished?.force === force.slug
      ? publishedFigure(release, options.publishedId ?? metricId)
      : undefined;
  if (printed && computed.englandWales.method !== 'published') {
    const published = {
      force: publishedNumber(printed.durham, `a value for ${force.name}`),
      englandWales: publishedNumber(printed.englandWales, 'an England and Wales value'),
      provenance: { source: 'peel-2016-durham-report' as const, note: `As printed: ${printed.period.text}.` },
    };
    figure.published = published;
    const differenceOf = (recomputed: NumberOrMissing, shown: NumberOrMissing): NumberOrMissing =>
      options.publishedPeriodDiffers
        ? missing('z', options.publishedPeriodDiffers)
        : isMissing(recomputed)
          ? recomputed
          : isMissing(shown)
            ? shown
            : recomputed - shown;
    figure.difference = {
      force: differenceOf(row.value, published.force),
      englandWales: differenceOf(computed.englandWales.value, published.englandWales),
    };
  }
  return figure;
}
