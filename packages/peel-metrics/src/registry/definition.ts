/**
 * The method text of a metric as the catalogue serves it (GET /v1/metrics): what the report says about it, not how
 * peel computes it. Moved from peel-data, which keeps the datasets; a registry entry (metrics.ts) holds one.
 */
import type { ChangePeriod, Missing, Period, SourceId } from 'peel-data';

/**
 * Which report section a metric belongs to (core questions 1–5, or the Force in numbers panel).
 * @example METRIC_SECTIONS[0] // 'preventing'
 */
export const METRIC_SECTIONS = [
  'preventing',
  'investigating',
  'vulnerability',
  'serious_organised',
  'specialist',
  'force_in_numbers',
] as const;

/**
 * Whether the metric can be rebuilt here: `computable` from the open data in data/raw, `published-only`
 * (the Durham report prints it; no open data for other forces), or `not-available` (no value anywhere).
 * @example metricDefinitions().filter((m) => m.availability === METRIC_AVAILABILITY[0]).length // 8
 */
export const METRIC_AVAILABILITY = ['computable', 'published-only', 'not-available'] as const;
/** One of METRIC_AVAILABILITY. */
export type MetricAvailability = (typeof METRIC_AVAILABILITY)[number];

/**
 * How a metric's period is expressed (`not-stated` when the report gives none).
 * @example PERIOD_TYPES.includes(METRICS.ocgs_per_million.definition.periodType) // true
 */
export const PERIOD_TYPES = ['rolling-12m', 'snapshot', 'change', 'range', 'not-stated'] as const;

/** One of METRIC_SECTIONS. */
export type MetricSection = (typeof METRIC_SECTIONS)[number];
/** One of PERIOD_TYPES. */
export type MetricPeriodType = (typeof PERIOD_TYPES)[number];

/** One metric of the spec's catalogue (§b): its method, not its values (schema/metric-definition.ts checks it). */
export type MetricDefinition = {
  /** Public id used by the SDK, the API and the site (one of METRIC_IDS). */
  id: string;
  /** The spec's reference, e.g. `CR-01`. */
  specRef: string;
  label: string;
  section: MetricSection;
  /** Figure number in the report, when the metric is a figure. */
  figure?: number | undefined;
  unit: string;
  numerator: string;
  /** Missing (`z`) for counts and statements that have no denominator. */
  denominator: string | Missing;
  periodType: MetricPeriodType;
  period: Period | ChangePeriod | Missing;
  source: string;
  /** How England and Wales is formed, or Missing when the report gives no comparator. */
  comparator: string | Missing;
  exclusions: string[];
  caveats: string[];
  /** True where the report's top/bottom 25 percent banding applies (Figures 4 and 7 only). */
  banding: boolean;
  /** Decimal places as printed, or Missing when the report prints no value. */
  printedDecimals: number | Missing;
  availability: MetricAvailability;
  availabilityNote: string;
  /** Raw datasets a recomputation uses (empty unless computable). */
  datasets: SourceId[];
  /** Ids of the matching entries in durhamPublished (figures, categorical, outcome tables). */
  publishedFigureIds: string[];
};
