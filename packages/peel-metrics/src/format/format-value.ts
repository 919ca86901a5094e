/**
 * Display formatting: round once, at the end, half away from zero, to the printed precision; group
 * thousands with commas ("2,471"); show a missing value as its bracketed code ("[x]"), never as 0 or blank.
 */
import { formatMissing, isMissing, type NumberOrMissing } from 'peel-data';
import { roundHalfAwayFromZero } from './round.ts';

/** Units formatValue knows how to suffix; any other unit is printed as a bare number. */
export const DISPLAY_UNITS = ['percent', 'percentage-points', 'number'] as const;

/**
 * A value as the report prints it.
 * @example formatValue(16.449, { precision: 1 }) // '16.4'
 * @example formatValue(2.25, { precision: 1, unit: 'percent' }) // '2.3%'
 * @example formatValue(2471, { precision: 0 }) // '2,471'
 * @example formatValue({ missing: 'x', reason: 'not supplied' }, { precision: 1 }) // '[x]'
 */
export function formatValue(value: NumberOrMissing, options: { precision: number; unit?: string }): string {
  if (isMissing(value)) return formatMissing(value);
  const rounded = roundHalfAwayFromZero(value, options.precision);
  const digits = rounded.toFixed(options.precision);
  const [whole = '', fraction] = digits.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = rounded < 0 ? '-' : '';
  const number = `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
  if (options.unit === 'percent') return `${number}%`;
  if (options.unit === 'percentage-points') return `${number} percentage points`;
  return number;
}
