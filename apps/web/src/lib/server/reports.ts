/**
 * One report model and view per force and period, built once per server process (prerendering builds each page and
 * each figure download from the same model), and the links of the period switcher.
 */
import { formatPeriod } from 'peel-data';
import { buildForceReport, METRIC, metricReportPeriod, reportPeriods, type ForceReport } from 'peel-metrics';
import { toReportView, type ReportView } from './report-view.ts';

const models = new Map<string, ForceReport>();
const views = new Map<string, ReportView>();

/** The cache key of a force's report: its slug for the 2016 edition, `<slug>/<period end>` for a regenerated one. */
const keyOf = (slug: string, periodEnd: string | undefined) =>
  periodEnd === undefined ? slug : `${slug}/${periodEnd}`;

/**
 * The 2016 edition's model, or the report regenerated for the 12 months to `periodEnd`.
 * @example reportModel('durham').force.code // 'E23000008'
 * @example reportModel('durham', '2018-12-31').regeneration?.publishedByHmic // false
 */
export function reportModel(slug: string, periodEnd?: string): ForceReport {
  const key = keyOf(slug, periodEnd);
  let model = models.get(key);
  if (!model) {
    model = periodEnd === undefined ? buildForceReport(slug) : buildForceReport(slug, { periodEnd });
    models.set(key, model);
  }
  return model;
}

/**
 * The report page's view of reportModel.
 * @example reportView('durham').figures.length > 0 // true
 */
export function reportView(slug: string, periodEnd?: string): ReportView {
  const key = keyOf(slug, periodEnd);
  let view = views.get(key);
  if (!view) {
    view = toReportView(reportModel(slug, periodEnd));
    views.set(key, view);
  }
  return view;
}

/**
 * The quarter ends a regenerated report can be built for (peel-metrics' reportPeriods), oldest first.
 * @example reportPeriodEnds().at(-1) // '2018-12-31'
 */
export function reportPeriodEnds(): readonly string[] {
  return (periodEnds ??= reportPeriods());
}
let periodEnds: string[] | undefined;

/**
 * The latest period the data cover: its report is prerendered for every force.
 * @example latestPeriodEnd() // '2018-12-31'
 */
export function latestPeriodEnd(): string {
  const latest = reportPeriodEnds().at(-1);
  if (latest === undefined) throw new Error('peel-metrics reportPeriods() is empty: the release covers no quarter end');
  return latest;
}

/**
 * The period the 2016 edition covers, in words (its headline rate's report period).
 * @example editionPeriod() // '12 months to 30 June 2016'
 */
export function editionPeriod(): string {
  return formatPeriod(metricReportPeriod(METRIC.crime_rate_total_excl_fraud));
}

/** One link of the period switcher. */
export interface PeriodLink {
  href: string;
  label: string;
  /** What the page is: published by HMIC, or regenerated. */
  note: string;
  current: boolean;
}

/** Which page of a force the switcher is on: the 2016 edition, a period end, or the comparison over time. */
export type SwitcherPage = 'edition-2016' | 'over-time' | { periodEnd: string };

/**
 * The period switcher of a force's pages: the 2016 edition, the latest period the data cover, the period shown when
 * it is another one, and the headline figures over time. Plain links, so it works without JavaScript.
 * @example periodLinks('durham', 'edition-2016').map((link) => link.href)
 * // ['/forces/durham', '/forces/durham/2018-12-31', '/forces/durham/over-time']
 */
export function periodLinks(slug: string, page: SwitcherPage): PeriodLink[] {
  const latest = latestPeriodEnd();
  const shown = typeof page === 'object' ? page.periodEnd : undefined;
  const regenerated = (periodEnd: string, note: string): PeriodLink => ({
    href: `/forces/${slug}/${periodEnd}`,
    label: formatPeriod({ type: 'rolling-12m', end: periodEnd }),
    note,
    current: shown === periodEnd,
  });
  return [
    {
      href: `/forces/${slug}`,
      label: '2016 edition',
      note: 'published by HMIC, with its judgments',
      current: page === 'edition-2016',
    },
    regenerated(latest, 'the latest period the data cover; regenerated, not published by HMIC'),
    ...(shown !== undefined && shown !== latest ? [regenerated(shown, 'regenerated, not published by HMIC')] : []),
    {
      href: `/forces/${slug}/over-time`,
      label: 'Over time',
      note: 'headline figures for every quarter end',
      current: page === 'over-time',
    },
  ];
}
