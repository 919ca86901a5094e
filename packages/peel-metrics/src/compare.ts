/**
 * Comparison with England and Wales.
 *
 * Method: a force's value is "above" or "below" the England and Wales value when the two differ at the
 * precision the report prints; when they print the same (e.g. both 15.9) the force is "in line with"
 * England and Wales, because a sentence saying "above" next to two equal printed numbers would mislead.
 * The comparison itself uses unrounded values to decide the direction. A missing value on either side
 * gives no comparison (the marker is returned).
 */
import { isMissing, type Missing, type NumberOrMissing } from 'peel-data';
import { roundHalfAwayFromZero } from './format/round.ts';

/** The three comparisons with England and Wales. */
export const COMPARISONS = ['above', 'in-line', 'below'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** How each comparison reads before "the England and Wales figure". */
export const COMPARISON_LABEL: Record<Comparison, string> = {
  above: 'above',
  'in-line': 'in line with',
  below: 'below',
};

/**
 * Compares a force's value with England and Wales at the printed precision.
 * @example compareWithEnglandWales(26.2, 15.9, { precision: 1 }) // 'above'
 * @example compareWithEnglandWales(15.94, 15.91, { precision: 1 }) // 'in-line'
 */
export function compareWithEnglandWales(
  value: NumberOrMissing,
  englandWales: NumberOrMissing,
  options: { precision: number },
): Comparison | Missing {
  if (isMissing(value)) return value;
  if (isMissing(englandWales)) return englandWales;
  const printedForce = roundHalfAwayFromZero(value, options.precision);
  const printedEnglandWales = roundHalfAwayFromZero(englandWales, options.precision);
  if (printedForce === printedEnglandWales) return 'in-line';
  return value > englandWales ? 'above' : 'below';
}
