/**
 * Short labels for periods on chart axes (the long form, "12 months to 30 June 2016", goes in captions
 * and tables through peel-data's formatPeriod).
 */
import { formatDate, type ChangePeriod, type Period } from 'peel-data';
import { RATE_UNIT_LABEL } from 'peel-metrics';

/**
 * @example shortPeriodLabel({ type: 'rolling-12m', end: '2016-06-30' }) // 'Jun 2016'
 * @example shortPeriodLabel({ type: 'financial-year', startYear: 2015 }) // '2015/16'
 */
export function shortPeriodLabel(period: Period | ChangePeriod): string {
  switch (period.type) {
    case 'rolling-12m': {
      const [, month = '', year = ''] = formatDate(period.end).split(' ');
      return `${month.slice(0, 3)} ${year}`;
    }
    case 'snapshot':
      return formatDate(period.date);
    case 'financial-year':
      return (
        `${period.startYear}/${String((period.startYear + 1) % 100).padStart(2, '0')}` +
        (period.quarter ? ` Q${period.quarter}` : '')
      );
    case 'mid-year':
      return `mid-${period.year}`;
    case 'calendar-year':
    case 'projection':
      return String(period.year);
    case 'range':
      return `${formatDate(period.start)}–${formatDate(period.end)}`;
    case 'change':
      return `${shortPeriodLabel(period.from)} → ${shortPeriodLabel(period.to)}`;
  }
}

/**
 * Words for a unit, as a column header or after a number.
 * @example unitLabel('per-1000000-population') // 'per one million population'
 */
export function unitLabel(unit: string): string {
  const known: Record<string, string> = {
    ...RATE_UNIT_LABEL,
    percent: 'percent',
    'percentage-points': 'percentage points',
    number: 'number',
  };
  return (
    known[unit] ?? unit.replace(/-/g, ' ').replace(/\b(\d{4,})\b/g, (digits) => Number(digits).toLocaleString('en-GB'))
  );
}
