// Periods, zod-free (the zod schemas are in schema/period.ts).

/** 12 months ending on `end` (inclusive, ISO date), e.g. "12 months to 30 June 2016". */
export type Rolling12mPeriod = { type: 'rolling-12m'; end: string };
/** A count as at a date (ISO), e.g. "as at 1 July 2016". */
export type SnapshotPeriod = { type: 'snapshot'; date: string };
/** UK financial year (1 April to 31 March) named by its starting year: 2017 = 2017/18. Quarter 1 = April to June. */
export type FinancialYearPeriod = { type: 'financial-year'; startYear: number; quarter?: number | undefined };
/** ONS mid-year estimate (as at 30 June of `year`). */
export type MidYearPeriod = { type: 'mid-year'; year: number };
/** A calendar year. */
export type CalendarYearPeriod = { type: 'calendar-year'; year: number };
/** An arbitrary inclusive date range (ISO dates: file review window, survey fieldwork). */
export type RangePeriod = { type: 'range'; start: string; end: string };
/** A projection for a year (e.g. 2017-based household projections for 2018). */
export type ProjectionPeriod = { type: 'projection'; year: number; basedOn: number };

/** The period a value refers to. */
export type Period =
  | Rolling12mPeriod
  | SnapshotPeriod
  | FinancialYearPeriod
  | MidYearPeriod
  | CalendarYearPeriod
  | RangePeriod
  | ProjectionPeriod;

/** Change between two periods (to = later period). */
export type ChangePeriod = { type: 'change'; from: Period; to: Period };

/** Month names as the reports print them (January first), for formatting and for reading printed dates. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Formats an ISO date the way the reports print it.
 * @example formatDate('2016-06-30') // '30 June 2016'
 */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/**
 * Human label for a period, as used in captions.
 * @example formatPeriod({ type: 'rolling-12m', end: '2016-06-30' }) // '12 months to 30 June 2016'
 */
export function formatPeriod(period: Period | ChangePeriod): string {
  switch (period.type) {
    case 'rolling-12m':
      return `12 months to ${formatDate(period.end)}`;
    case 'snapshot':
      return `as at ${formatDate(period.date)}`;
    case 'financial-year': {
      const fy = `${period.startYear}/${String((period.startYear + 1) % 100).padStart(2, '0')}`;
      return period.quarter ? `${fy} quarter ${period.quarter}` : `financial year ${fy}`;
    }
    case 'mid-year':
      return `mid-${period.year}`;
    case 'calendar-year':
      return `calendar year ${period.year}`;
    case 'range':
      return `${formatDate(period.start)} to ${formatDate(period.end)}`;
    case 'projection':
      return `${period.year} (${period.basedOn}-based projection)`;
    case 'change':
      return `${formatPeriod(period.to)} compared with ${formatPeriod(period.from)}`;
  }
}
