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
import { isMissing, missing, type Force, type Missing, type NumberOrMissing } from 'peel-data';
import type { Banding } from '../banding.ts';
import { compareWithEnglandWales } from '../compare.ts';
import { cached } from '../data/cache.ts';
import { publishedFigure, publishedNumber, type MetricsRelease } from '../data/release.ts';
import { computeKey, type MetricPeriod } from '../metrics/engine.ts';
import type { BandResult, MetricFigure } from '../model/types.ts';
import type { MetricKey, PartId } from '../registry/ids.ts';
import type { MetricRegistry } from '../registry/registry.ts';

/** Options of metricFigure. */
export interface MetricFigureOptions {
  period?: MetricPeriod | string;
  /** The registry to read (METRIC_REGISTRY by default). */
  registry?: MetricRegistry;
  /** Id of the printed figure to hold beside the value (defaults to the metric id). */
  publishedId?: string;
  /** Set when the printed value covers a different period, so no difference is taken. */
  publishedPeriodDiffers?: string;
}

/**
 * The force's band in a banding, or why it has none.
 * @example
 * bandResultOf(banding, 'dorset')
 * // { missing: 'z', reason: 'Dorset Police is excluded from the table; …' }
 */
export function bandResultOf(banding: Banding | Missing, force: string): BandResult | Missing {
  if (isMissing(banding)) return banding;
  const row = banding.ranked.find((candidate) => candidate.force === force);
  if (row)
    return {
      band: row.band,
      rank: row.rank,
      rankFromBottom: row.rankFromBottom,
      n: banding.n,
      k: banding.k,
      cutoffs: banding.cutoffs,
      direction: banding.direction,
      rule: banding.rule,
    };
  const notRanked = banding.notRanked.find((candidate) => candidate.force === force);
  return notRanked
    ? missing('z', `not ranked: ${notRanked.reason}`)
    : missing('z', 'not ranked: not among the forces of this banding');
}

/**
 * bandResultOf, built once per banding and force in the release's cache: every report (and every figure of one report)
 * that shows a force's band on the same banding holds the same value.
 */
export function sharedBandResult(release: MetricsRelease, banding: Banding, force: string): BandResult | Missing {
  const byBanding = cached(release, 'band-results', () => new Map<Banding, Map<string, BandResult | Missing>>());
  let results = byBanding.get(banding);
  if (!results) byBanding.set(banding, (results = new Map()));
  let result = results.get(force);
  if (!result) results.set(force, (result = bandResultOf(banding, force)));
  return result;
}

/**
 * One metric for one force, ready for a report.
 * @example
 * metricFigure(resolveRelease(), getForce('durham'), 'crime_rate_total_excl_fraud').comparison
 * // 'above' | 'below' | 'in-line'
 */
export function metricFigure(
  release: MetricsRelease,
  force: Force,
  metricId: MetricKey | PartId,
  options: MetricFigureOptions = {},
): MetricFigure {
  return figureOf(release, force, metricId, options);
}

/** metricFigure for any key the engine resolves (printed figure ids too): the report layout uses it. */
export function figureOf(
  release: MetricsRelease,
  force: Force,
  metricId: string,
  options: MetricFigureOptions = {},
): MetricFigure {
  const computed = computeKey(release, metricId, {
    ...(options.period === undefined ? {} : { period: options.period }),
    ...(options.registry ? { registry: options.registry } : {}),
  });
  const { label, unit, precision } = computed;
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
  if (!isMissing(computed.banding)) figure.band = sharedBandResult(release, computed.banding, force.slug);
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
