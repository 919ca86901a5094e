/**
 * The short key of a period, as the API's `period` parameter and the tidy downloads' `period_key` column write it:
 * an ISO date for a window ending on a day, the year for a calendar or mid-year period, `2017/18` for a financial
 * year, the later period's key for a change. One key per period, so a key read from a download can be sent back.
 */
import type { ChangePeriod, Period } from 'peel-data';

/**
 * The key of a period.
 * @example periodKey({ type: 'rolling-12m', end: '2016-06-30' }) // '2016-06-30'
 * @example periodKey({ type: 'financial-year', startYear: 2017 }) // '2017/18'
 * @example periodKey({ type: 'calendar-year', year: 2015 }) // '2015'
 */
export function periodKey(period: Period | ChangePeriod): string {
  switch (period.type) {
    case 'rolling-12m':
      return period.end;
    case 'snapshot':
      return period.date;
    case 'financial-year': {
      const next = String((period.startYear + 1) % 100).padStart(2, '0');
      return `${period.startYear}/${next}${period.quarter ? `-q${period.quarter}` : ''}`;
    }
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
