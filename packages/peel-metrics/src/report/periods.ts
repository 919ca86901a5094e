/**
 * The periods a report can be regenerated for, and the period each metric is shown for in such a report.
 *
 * Method: a report period is a quarter end for which the release can give the headline figure, police-recorded
 * crime (excluding fraud) per 1,000 population, for the 12 months to that date (recorded crime for the window and a
 * population estimate for its mid-year). In a report for period end P, as the 2016 report defines its periods:
 *   - 12-month figures (rates, change vs the previous 12 months, change vs five years earlier, the five-year series)
 *     are for the 12 months to P exactly, or Missing with the reason when the release does not cover a window needed;
 *   - figures whose open source has other periods (anti-social behaviour by calendar year, outcomes by financial year,
 *     assault with injury from the outcomes file) use the source's period whose end is nearest P (the earlier one on
 *     a tie), and say so in a caveat;
 *   - figures printed in the 2016 report only (HMIC's own data collection) are Missing with the reason.
 * HMIC published the 2016 edition only: a regenerated report has no judgments and no printed values.
 */
import { formatDate, formatPeriod, missing, type Missing } from 'peel-data';
import { resolveRelease, type MetricsRelease, type ReleaseOptions } from '../data/release.ts';
import { metricPeriodsOf, type MetricPeriod } from '../metrics/engine.ts';
import type { ForceReport, JudgmentEntry, Sentence } from '../model/types.ts';
import { METRIC, type MetricKey } from '../registry/ids.ts';
import { METRIC_REGISTRY, type MetricRegistry, type RegistryOptions } from '../registry/registry.ts';

/** The period a metric is shown for in a regenerated report, with a caveat when it is the nearest one. */
export type PeriodChoice = { period: MetricPeriod; nearest?: string } | Missing;

/** Options of reportPeriods. */
export type ReportPeriodOptions = ReleaseOptions & RegistryOptions;

/** The words every regenerated report carries. */
export const REGENERATION_NOTICE =
  'HMIC did not publish this report. peel regenerated it from open data with the method, comparators, banding and ' +
  "sentences of HMIC's PEEL: Police effectiveness 2016 report; it has no judgments and no printed values.";

const QUARTER_END = /^\d{4}-(03-31|06-30|09-30|12-31)$/;

/** The end date of a period (a change: its later window). */
function endOf(period: MetricPeriod): string | undefined {
  switch (period.type) {
    case 'rolling-12m':
      return period.end;
    case 'calendar-year':
      return `${period.year}-12-31`;
    case 'financial-year':
      return `${period.startYear + 1}-03-31`;
    case 'snapshot':
      return period.date;
    case 'change':
      return endOf(period.to);
    default:
      return undefined;
  }
}

const isTwelveMonths = (period: MetricPeriod): boolean =>
  period.type === 'rolling-12m' || (period.type === 'change' && period.to.type === 'rolling-12m');

const days = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * The quarter ends a report can be built for: those whose 12-month recorded-crime rate the release can compute,
 * oldest first.
 * @example reportPeriods().at(-1) // '2018-12-31'
 */
export function reportPeriods(options: ReportPeriodOptions = {}): string[] {
  const release = resolveRelease(options.release);
  return reportPeriodsOf(release, options.registry ?? METRIC_REGISTRY);
}

/** reportPeriods for a resolved release. */
export function reportPeriodsOf(release: MetricsRelease, registry: MetricRegistry): string[] {
  return metricPeriodsOf(release, METRIC.crime_rate_total_excl_fraud, { registry })
    .flatMap((period) => (period.type === 'rolling-12m' && QUARTER_END.test(period.end) ? [period.end] : []))
    .sort();
}

/**
 * Checks a report period end, throwing a RangeError that names the periods the release covers.
 * @example assertReportPeriod(resolveRelease(), METRIC_REGISTRY, '2018-06-30') // '2018-06-30'
 */
export function assertReportPeriod(release: MetricsRelease, registry: MetricRegistry, periodEnd: string): string {
  const periods = reportPeriodsOf(release, registry);
  if (periods.includes(periodEnd)) return periodEnd;
  const listed = periods.length > 8 ? `${periods.slice(0, 2).join(', ')}, …, ${periods.slice(-4).join(', ')}` : '';
  throw new RangeError(
    `periodEnd: no report for ${JSON.stringify(periodEnd)}; this release covers the quarter ends ` +
      `${listed || periods.join(', ') || '(none)'} (${periods.length} in all); ` +
      `e.g. '${periods.at(-1) ?? '2016-06-30'}'`,
  );
}

/** The compute kind behind a key (a metric, `<metric>:<row>` or a part), or undefined for a printed-only id. */
function kindOf(registry: MetricRegistry, key: string): string | undefined {
  const metric = registry.byId.get(key) ?? registry.byId.get(key.split(':')[0] ?? '');
  return metric?.compute.kind ?? registry.parts.get(key)?.part.compute.kind;
}

/**
 * The period a metric is shown for in a report for the 12 months to `periodEnd` (see the method above).
 * @example periodChoiceOf(release, METRIC_REGISTRY, 'asb_rate', '2018-06-30').period // { type: 'calendar-year', … }
 */
export function periodChoiceOf(
  release: MetricsRelease,
  registry: MetricRegistry,
  key: string,
  periodEnd: string,
): PeriodChoice {
  const window = formatPeriod({ type: 'rolling-12m', end: periodEnd });
  const kind = kindOf(registry, key);
  if (kind === undefined || kind === 'printed' || kind === 'disclosure-rate')
    return missing(
      'x',
      `HMIC collected this figure from forces for its 2016 report only; the open data have no value for the ${window}`,
    );
  // The printed 2016 value of an offence-code rate is not open data: only the source's own periods count.
  const periods = metricPeriodsOf(release, key as MetricKey, { registry }).filter(
    (period) => kind !== 'offence-code-rate' || period.type !== 'rolling-12m',
  );
  const exact = periods.find((period) => isTwelveMonths(period) && endOf(period) === periodEnd);
  if (exact) return { period: exact };
  const others = periods.filter((period) => !isTwelveMonths(period) && endOf(period) !== undefined);
  if (others.length === 0) {
    const covered = periods.flatMap((period) => endOf(period) ?? []).sort();
    return missing(
      'x',
      `the release has no data for this figure for the ${window}` +
        (covered.length > 0
          ? ` (it covers periods ending ${formatDate(covered[0] as string)} to ${formatDate(covered.at(-1) as string)})`
          : ''),
    );
  }
  const distance = (period: MetricPeriod) => Math.abs(days(endOf(period) as string) - days(periodEnd));
  const nearest = [...others].sort(
    (a, b) => distance(a) - distance(b) || (endOf(a) as string).localeCompare(endOf(b) as string),
  )[0] as MetricPeriod;
  return {
    period: nearest,
    nearest: `${formatPeriod(nearest)} is the nearest period its open source covers to the ${window}.`,
  };
}

/** A release without what belongs to the 2016 edition only (printed values, judgments), built once per release. */
const regeneratedReleases = new WeakMap<MetricsRelease, MetricsRelease>();

/**
 * The release a regenerated report reads: the same datasets without the printed report and the judgments.
 * @example regeneratedRelease(resolveRelease()).durhamPublished // undefined
 */
export function regeneratedRelease(release: MetricsRelease): MetricsRelease {
  let stripped = regeneratedReleases.get(release);
  if (!stripped) {
    const { durhamPublished: _printed, judgments: _judgments, ...datasets } = release;
    regeneratedReleases.set(release, (stripped = datasets));
  }
  return stripped;
}

const NO_JUDGMENT = missing(
  'z',
  'HMIC graded forces in the reports it published (the 2016 edition); a regenerated report has no judgments',
);
const QUESTIONS = 5;

/**
 * The judgments block of a regenerated report: every grade `[z]` with the reason, the questions as in 2016.
 * @example regeneratedJudgments(resolveRelease()).overall.grade // { missing: 'z', reason: 'HMIC graded …' }
 */
export function regeneratedJudgments(release: MetricsRelease): ForceReport['judgments'] {
  const printed = release.durhamPublished?.judgments;
  const entry = (number: number, question: string): JudgmentEntry => ({
    number,
    question,
    grade: NO_JUDGMENT,
    areasForImprovement: NO_JUDGMENT,
  });
  return {
    overall: entry(
      0,
      printed?.overall.question ?? 'How effective is the force at keeping people safe and reducing crime?',
    ),
    questions: Array.from({ length: QUESTIONS }, (_, index) =>
      entry(
        index + 1,
        printed?.coreQuestions.find((q) => q.number === index + 1)?.question ?? `Core question ${index + 1}`,
      ),
    ),
  };
}

/**
 * The first sentence of a regenerated report: what it is, and that HMIC did not publish it.
 * @example regenerationSentence('2018-06-30').text // 'HMIC did not publish this report. …'
 */
export function regenerationSentence(periodEnd: string): Sentence {
  return {
    kind: 'judgment',
    metricIds: [],
    text: `${REGENERATION_NOTICE} It covers the ${formatPeriod({ type: 'rolling-12m', end: periodEnd })}.`,
    values: [],
    rule: 'A regenerated report has no judgments: HMIC graded forces only in the reports it published.',
  };
}
