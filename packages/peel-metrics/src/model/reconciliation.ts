/**
 * The reconciliation table of the report model: each printed value the open data rebuild, its recomputation, the
 * difference and one cause from a closed list (reconciliation.ts computes the rows; its zod schema is in
 * schema/reconciliation.ts).
 */
import type { NumberOrMissing } from 'peel-data';

/**
 * The causes a reconciliation row can give, and nothing else.
 * @example RECONCILIATION_CAUSES.includes('unexplained') // true
 */
export const RECONCILIATION_CAUSES = [
  'rounding',
  'method-variant',
  'resident-population',
  'data-vintage',
  'unexplained',
] as const;
/** One of RECONCILIATION_CAUSES. */
export type ReconciliationCause = (typeof RECONCILIATION_CAUSES)[number];

/**
 * Plain words for each cause.
 * @example RECONCILIATION_CAUSE_TEXT.rounding // 'Same value as printed: the difference is rounding only.'
 */
export const RECONCILIATION_CAUSE_TEXT: Readonly<Record<ReconciliationCause, string>> = {
  rounding: 'Same value as printed: the difference is rounding only.',
  'method-variant': 'Another of the named method choices reproduces the printed value.',
  'resident-population':
    'The report divided by resident + transient population, which is not open data; peel has residents only.',
  'data-vintage':
    'The count (or population) the printed value implies differs slightly from the later vintage in the open data.',
  unexplained: 'None of the known causes reproduces the printed value.',
};

/**
 * A short name for each cause, as a table prints it.
 * @example RECONCILIATION_CAUSE_LABEL['data-vintage'] // 'Data vintage'
 */
export const RECONCILIATION_CAUSE_LABEL: Readonly<Record<ReconciliationCause, string>> = {
  rounding: 'Rounding only',
  'method-variant': 'Method choice',
  'resident-population': 'Resident vs resident + transient population',
  'data-vintage': 'Data vintage',
  unexplained: 'Unexplained',
};

/** A value under a named variant of the metric's method. */
export interface VariantValue {
  variant: string;
  value: NumberOrMissing;
}

/** One printed value beside its recomputation. */
export interface ReconciliationRow {
  /** Id of the printed figure (durhamPublished), which is also the metric key that recomputes it. */
  figureId: string;
  label: string;
  unit: string;
  /** Whose value: the force's or England and Wales's. */
  area: 'force' | 'england-and-wales';
  printed: { value: number; text: string; decimals: number };
  recomputed: NumberOrMissing;
  /** recomputed − printed, unrounded (Missing when nothing was recomputed). */
  difference: NumberOrMissing;
  /** The named variant choices the recomputed value was made with (empty for a metric without variants). */
  method: Record<string, string>;
  /** The value under each other variant of the metric. */
  otherVariants: VariantValue[];
  cause: ReconciliationCause;
  evidence: string;
}
