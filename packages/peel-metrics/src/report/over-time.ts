/**
 * A force's headline figures for every quarter end the release covers, with England and Wales beside them: the
 * comparison over time of the reports regenerated for each period (issue 15).
 *
 * Method: for each report period (`reportPeriods`: the quarter ends whose 12-month recorded-crime rate the release can
 * compute), the metric engine's values of three registry metrics for the 12 months to that quarter end, with the same
 * method, comparators and exclusions as a report for that period:
 *   - `crime_rate_total_excl_fraud`, with the force's band: its place among the territorial forces on that rate
 *     (banding.ts; City of London is not ranked on population rates);
 *   - `crime_rate_victim_based`;
 *   - `crime_change_yoy`: the change in counts against the 12 months to a year earlier, Missing (with the reason)
 *     for the first year of the series, which has no earlier window.
 * Every value is recomputed from open data, the 30 June 2016 point included: the values HMIC printed belong to the
 * 2016 edition only.
 */
import { formatPeriod, isMissing, missing, type Missing, type NumberOrMissing, type Period } from 'peel-data';
import { cached } from '../data/cache.ts';
import { resolveRelease, resolveTerritorialForce, type ReleaseOptions } from '../data/release.ts';
import { computeMetric, metricPeriodsOf } from '../metrics/engine.ts';
import type { BandResult, ForceRef } from '../model/types.ts';
import type { MetricDefinition } from '../registry/definition.ts';
import { METRIC } from '../registry/ids.ts';
import { METRIC_REGISTRY, presentationOf, type RegistryOptions } from '../registry/registry.ts';
import { sharedBandResult } from './figure.ts';
import { reportPeriodsOf } from './periods.ts';

/**
 * The headline figures over time, in the order a table shows them.
 * @example HEADLINE_METRICS[0] // 'crime_rate_total_excl_fraud'
 */
export const HEADLINE_METRICS = [
  METRIC.crime_rate_total_excl_fraud,
  METRIC.crime_rate_victim_based,
  METRIC.crime_change_yoy,
] as const;
/** One of HEADLINE_METRICS. */
export type HeadlineMetricId = (typeof HEADLINE_METRICS)[number];

/**
 * The headline figure the band ranks forces on.
 * @example BANDED_HEADLINE // 'crime_rate_total_excl_fraud'
 */
export const BANDED_HEADLINE = METRIC.crime_rate_total_excl_fraud;

/** A headline metric as a column: the registry's words, with "each quarter end" for the report's window. */
export interface HeadlineMetric {
  id: HeadlineMetricId;
  label: string;
  unit: string;
  precision: number;
}

/** One headline figure at one quarter end: the force's value and England and Wales (unrounded). */
export interface HeadlineValue {
  force: NumberOrMissing;
  englandWales: NumberOrMissing;
  /** What to say beside the force's value (e.g. City of London's population). */
  caveats: string[];
}

/** The headline figures for the 12 months to one quarter end. */
export interface HeadlinePoint {
  /** The quarter end (ISO date); the figures cover the 12 months to it. */
  periodEnd: string;
  period: Period;
  values: Record<HeadlineMetricId, HeadlineValue>;
  /** The force's band on BANDED_HEADLINE at this quarter end, or why it has none. */
  band: BandResult | Missing;
}

/** A force's headline figures for every quarter end the release covers, oldest first. */
export interface HeadlinesOverTime {
  force: ForceRef;
  metrics: HeadlineMetric[];
  bandedMetric: HeadlineMetricId;
  points: HeadlinePoint[];
}

/** Options of headlinesOverTime: the release and the registry. */
export type HeadlinesOverTimeOptions = ReleaseOptions & RegistryOptions;

const EACH_QUARTER_END = '12 months to each quarter end';

/** A registry label with the report's own window ("12 months to 30 June 2016") said as "each quarter end". */
function columnLabel(label: string, period: MetricDefinition['period']): string {
  if (isMissing(period)) return label;
  const window = period.type === 'change' ? period.to : period;
  return window.type === 'rolling-12m' ? label.replaceAll(formatPeriod(window), EACH_QUARTER_END) : label;
}

/**
 * A force's recorded crime rate (excluding fraud), victim-based rate, change against the previous 12 months and band,
 * for the 12 months to every quarter end the release covers, with England and Wales beside each figure.
 * @example
 * headlinesOverTime('durham').points.at(-1)?.periodEnd // '2018-12-31'
 * @example
 * headlinesOverTime('durham').metrics.map((metric) => metric.id)
 * // ['crime_rate_total_excl_fraud', 'crime_rate_victim_based', 'crime_change_yoy']
 */
export function headlinesOverTime(force: string, options: HeadlinesOverTimeOptions = {}): HeadlinesOverTime {
  const release = resolveRelease(options.release);
  const registry = options.registry ?? METRIC_REGISTRY;
  const subject = resolveTerritorialForce(force, release);
  const metrics = HEADLINE_METRICS.map((id): HeadlineMetric => {
    const entry = registry.byId.get(id);
    if (!entry)
      throw new RangeError(
        `headlinesOverTime: the registry has no metric ${JSON.stringify(id)}; a registry for this function needs ` +
          `${HEADLINE_METRICS.join(', ')}, e.g. { registry: METRIC_REGISTRY }`,
      );
    const { label, unit, precision } = presentationOf(entry);
    return { id, label: columnLabel(label, entry.definition.period), unit, precision };
  });
  // Which windows each metric has (a change needs the window a year earlier too), found once per release.
  const covered = cached(
    release,
    'headlines-over-time|periods',
    () =>
      new Map(
        HEADLINE_METRICS.map((id) => [
          id,
          new Set(
            metricPeriodsOf(release, id, { registry }).flatMap((period) =>
              period.type === 'rolling-12m'
                ? [period.end]
                : period.type === 'change' && period.to.type === 'rolling-12m'
                  ? [period.to.end]
                  : [],
            ),
          ),
        ]),
      ),
    registry,
  );
  const points = reportPeriodsOf(release, registry).map((periodEnd): HeadlinePoint => {
    const period: Period = { type: 'rolling-12m', end: periodEnd };
    const values = {} as Record<HeadlineMetricId, HeadlineValue>;
    let band: BandResult | Missing = missing('x', `no banding for the ${formatPeriod(period)}`);
    for (const id of HEADLINE_METRICS) {
      if (!covered.get(id)?.has(periodEnd)) {
        const reason =
          id === METRIC.crime_change_yoy
            ? `the release has no 12-month count a year before the ${formatPeriod(period)} to compare with`
            : `the release has no value for the ${formatPeriod(period)}`;
        values[id] = { force: missing('x', reason), englandWales: missing('x', reason), caveats: [] };
        continue;
      }
      const computed = computeMetric(release, id, { registry, period: periodEnd });
      const row = computed.rows.get(subject.slug);
      values[id] = {
        force: row?.value ?? missing('x', `no value for ${subject.name}`),
        englandWales: computed.englandWales.value,
        caveats: row?.caveats ?? [],
      };
      if (id === BANDED_HEADLINE)
        band = isMissing(computed.banding)
          ? computed.banding
          : sharedBandResult(release, computed.banding, subject.slug);
    }
    return { periodEnd, period, values, band };
  });
  return {
    force: { slug: subject.slug, name: subject.name, shortName: subject.shortName },
    metrics,
    bandedMetric: BANDED_HEADLINE,
    points,
  };
}
