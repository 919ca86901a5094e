/**
 * The API's metric functions: any catalogue metric for every force (with England and Wales and bands), its
 * valid periods, one force's series, and a comparison of chosen forces.
 *
 * Method: all values come from the metric engine (engine.ts), so they are the same numbers the report
 * models show. Ranks and bands are those of the full set of territorial forces, also in compareForces.
 */
import { isMissing, missing, type Missing, type Period } from 'peel-data';
import type { Banding } from '../banding.ts';
import { resolveRelease, resolveTerritorialForce, type ReleaseOptions } from '../data/release.ts';
import type { MetricRow, MetricSeries, MetricTable } from '../model/types.ts';
import type { MetricKey } from '../registry/ids.ts';
import type { RegistryOptions } from '../registry/registry.ts';
import { computeMetric, metricPeriodsOf, metricRefOf, reportPeriodOf, type MetricPeriod } from './engine.ts';

/**
 * Options of the metric functions: a period (a Period, or '2016-06-30', '2017/18', '2015'), a named method variant
 * (`'englandWales:annex-a-43-forces'`), a release (the bundled one by default) and a registry.
 */
export interface MetricOptions extends ReleaseOptions, RegistryOptions {
  period?: MetricPeriod | string;
  variant?: string;
}

const computeOptions = (options: MetricOptions) => ({
  ...(options.period === undefined ? {} : { period: options.period }),
  ...(options.registry ? { registry: options.registry } : {}),
  ...(options.variant === undefined ? {} : { variant: options.variant }),
});

/**
 * A metric for all 43 territorial forces with England and Wales and bands.
 * @example metricForAllForces('crime_rate_total_excl_fraud').rows.length // 43
 * @example
 * metricForAllForces('crime_rate_total_excl_fraud', { period: '2015-06-30' }).period
 * // { type: 'rolling-12m', end: '2015-06-30' }
 */
export function metricForAllForces(metricId: MetricKey, options: MetricOptions = {}): MetricTable {
  const release = resolveRelease(options.release);
  const computed = computeMetric(release, metricId, computeOptions(options));
  const { unit, precision } = computed;
  const banded = isMissing(computed.banding)
    ? undefined
    : new Map(computed.banding.ranked.map((row) => [row.force, row]));
  const rows = computed.forces.map((force): MetricRow => {
    const row = computed.rows.get(force.slug);
    const band = banded?.get(force.slug);
    return {
      force: { slug: force.slug, name: force.name, shortName: force.shortName },
      value: row?.value ?? missing('x', 'no value'),
      ...(band ? { rank: band.rank, band: band.band } : {}),
      provenance: row?.provenance ?? computed.englandWales.provenance,
      caveats: row?.caveats ?? [],
    };
  });
  // A row of a metric family (outcome_proportion:<row>) names the row after the family's label.
  const metric = metricRefOf(release, metricId, { ...computeOptions(options), rowLabel: true });
  return {
    metric,
    period: computed.period,
    unit,
    precision,
    rows,
    englandWales: computed.englandWales,
    banding: bandingSummaryOf(computed.banding),
  };
}

/** A banding without its per-force rows (those are on each force's row): rule, direction, n, k, cut-offs, left out. */
export function bandingSummaryOf(banding: Banding | Missing): MetricTable['banding'] {
  return isMissing(banding)
    ? banding
    : {
        rule: banding.rule,
        direction: banding.direction,
        n: banding.n,
        k: banding.k,
        cutoffs: banding.cutoffs,
        notRanked: banding.notRanked,
      };
}

/**
 * The periods a metric can be asked for (every quarter end for crime rates).
 * @example metricPeriods('crime_rate_total_excl_fraud')[0] // { type: 'rolling-12m', end: '2003-03-31' }
 */
export function metricPeriods(metricId: MetricKey, options: Omit<MetricOptions, 'period'> = {}): MetricPeriod[] {
  return metricPeriodsOf(resolveRelease(options.release), metricId, computeOptions(options));
}

/**
 * The period the 2016 report shows a metric for (what `metricForAllForces` computes when no period is given).
 * @example metricReportPeriod('crime_rate_total_excl_fraud') // { type: 'rolling-12m', end: '2016-06-30' }
 */
export function metricReportPeriod(metricId: MetricKey, options: ReleaseOptions & RegistryOptions = {}): MetricPeriod {
  return reportPeriodOf(resolveRelease(options.release), metricId, computeOptions(options));
}

/**
 * A metric over time for one force, with England and Wales at each point; Missing where the metric has
 * only one period.
 * @example metricSeries('crime_rate_total_excl_fraud', 'durham').series // [{ period, force, englandWales }, …]
 */
export function metricSeries(
  metricId: MetricKey,
  forceSlug: string,
  options: ReleaseOptions & RegistryOptions & Pick<MetricOptions, 'variant'> = {},
): MetricSeries {
  const release = resolveRelease(options.release);
  const registry = computeOptions(options);
  const force = resolveTerritorialForce(forceSlug, release);
  const periods = metricPeriodsOf(release, metricId, registry);
  const first = computeMetric(release, metricId, registry);
  const { unit, precision } = first;
  const metric = metricRefOf(release, metricId, registry);
  const ref = { slug: force.slug, name: force.name, shortName: force.shortName };
  const pointPeriods = periods.filter((period): period is Period => period.type !== 'change');
  const usable = pointPeriods.length > 1 ? pointPeriods : periods.length > 1 ? periods : [];
  if (usable.length <= 1) {
    return {
      metric,
      force: ref,
      unit,
      precision,
      series: missing('z', `${metricId} has a single period in this release, so there is no series`),
    };
  }
  const series = usable.map((period) => {
    const computed = computeMetric(release, metricId, { ...registry, period });
    const row = computed.rows.get(force.slug);
    const point: Period = period.type === 'change' ? period.to : period;
    return {
      period: point,
      force: {
        value: row?.value ?? missing('x', 'no value'),
        provenance: row?.provenance ?? computed.englandWales.provenance,
        caveats: row?.caveats ?? [],
      },
      englandWales: computed.englandWales,
    };
  });
  return { metric, force: ref, unit, precision, series };
}

/**
 * A metric for chosen forces, ranked and banded among all territorial forces.
 * @example
 * compareForces('crime_rate_total_excl_fraud', ['durham', 'cleveland']).rows.map((row) => row.force.slug)
 * // ['durham', 'cleveland']
 */
export function compareForces(
  metricId: MetricKey,
  forceSlugs: readonly string[],
  options: MetricOptions = {},
): MetricTable {
  const release = resolveRelease(options.release);
  if (!Array.isArray(forceSlugs) || forceSlugs.length === 0) {
    throw new TypeError(
      `compareForces: forceSlugs must be a non-empty array of force slugs, e.g. ['durham', 'cleveland']`,
    );
  }
  const wanted = forceSlugs.map((slug) => resolveTerritorialForce(slug, release).slug);
  const table = metricForAllForces(metricId, options);
  return { ...table, rows: wanted.map((slug) => table.rows.find((row) => row.force.slug === slug) as MetricRow) };
}
