/**
 * The `period` query parameter: each period a metric has, as one short string a URL can carry. The API
 * validates against the metric's own list (from peel-metrics' metricPeriods) so a bad value is answered with
 * the valid ones, and passes peel-metrics the period object itself.
 *
 * | period | key |
 * |---|---|
 * | 12 months to 30 June 2016 | `2016-06-30` |
 * | financial year 2017/18 | `2017/18` |
 * | calendar year 2015 | `2015` |
 * | as at 1 July 2016 | `2016-07-01` |
 * | change to a period | the key of the later period |
 */
import type { ChangePeriod, Period } from 'peel-data';

/**
 * The URL key of a period.
 * @example periodKey({ type: 'rolling-12m', end: '2016-06-30' }) // '2016-06-30'
 * @example periodKey({ type: 'financial-year', startYear: 2017 }) // '2017/18'
 */
export function periodKey(period: Period | ChangePeriod): string {
  switch (period.type) {
    case 'rolling-12m':
      return period.end;
    case 'snapshot':
      return period.date;
    case 'financial-year':
      return `${period.startYear}/${String((period.startYear + 1) % 100).padStart(2, '0')}${period.quarter ? `-q${period.quarter}` : ''}`;
    case 'mid-year':
    case 'calendar-year':
      return String(period.year);
    case 'projection':
      return `${period.year}-projection-${period.basedOn}`;
    case 'range':
      return `${period.start}..${period.end}`;
    case 'change':
      return periodKey(period.to);
  }
}
