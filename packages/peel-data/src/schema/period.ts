import { z } from 'zod';

// The plain parts live in types/period.ts (no zod), re-exported here for the import parsers.
export { formatDate, formatPeriod } from '../types/period.ts';
export type { ChangePeriod, Period } from '../types/period.ts';

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

/** Change between two periods (to = later period). */
export const ChangePeriodSchema = z
  .object({ type: z.literal('change'), from: PeriodSchema, to: PeriodSchema })
  .strict();
