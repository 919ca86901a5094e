import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');

/** 12 months ending on `end` (inclusive), e.g. "12 months to 30 June 2016". */
export const Rolling12mPeriodSchema = z.object({ type: z.literal('rolling-12m'), end: isoDate }).strict();
/** A count as at a date, e.g. "as at 1 July 2016". */
export const SnapshotPeriodSchema = z.object({ type: z.literal('snapshot'), date: isoDate }).strict();
/** UK financial year (1 April to 31 March) named by its starting year: 2017 = 2017/18. Quarter 1 = April to June. */
export const FinancialYearPeriodSchema = z
  .object({
    type: z.literal('financial-year'),
    startYear: z.number().int(),
    quarter: z.number().int().min(1).max(4).optional(),
  })
  .strict();
/** ONS mid-year estimate (as at 30 June of `year`). */
export const MidYearPeriodSchema = z.object({ type: z.literal('mid-year'), year: z.number().int() }).strict();
/** A calendar year. */
export const CalendarYearPeriodSchema = z.object({ type: z.literal('calendar-year'), year: z.number().int() }).strict();
/** An arbitrary inclusive date range (file review window, survey fieldwork). */
export const RangePeriodSchema = z.object({ type: z.literal('range'), start: isoDate, end: isoDate }).strict();
/** A projection for a year (e.g. 2017-based household projections for 2018). */
export const ProjectionPeriodSchema = z
  .object({ type: z.literal('projection'), year: z.number().int(), basedOn: z.number().int() })
  .strict();

export const PeriodSchema = z.discriminatedUnion('type', [
  Rolling12mPeriodSchema,
  SnapshotPeriodSchema,
  FinancialYearPeriodSchema,
  MidYearPeriodSchema,
  CalendarYearPeriodSchema,
  RangePeriodSchema,
  ProjectionPeriodSchema,
]);
export type Period = z.infer<typeof PeriodSchema>;

/** Change between two periods (to = later period). */
export const ChangePeriodSchema = z
  .object({ type: z.literal('change'), from: PeriodSchema, to: PeriodSchema })
  .strict();
export type ChangePeriod = z.infer<typeof ChangePeriodSchema>;

const MONTHS = [
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
