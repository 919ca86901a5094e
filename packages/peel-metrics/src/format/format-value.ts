/**
 * Display formatting: round once, at the end, half away from zero, to the printed precision; group
 * thousands with commas ("2,471"); show a missing value as its bracketed code ("[x]"), never as 0 or blank.
 *
 * Units, as the report prints them in tables (its prose says "9 percent"; a table cell or a chart label takes
 * the "%" sign):
 * - any percentage of something (`percent`, `percent of recorded crime`, `percent of offences recorded in the
 *   period`, `percent reduction`…): "14.3%";
 * - `percent change`: signed, so the direction survives without words: "+9%", "-11%", and "0%" when it rounds to
 *   nothing (the report writes "increased by 9 percent" / "11 percent fewer");
 * - `percentage-points`: "15 percentage points";
 * - anything else (rates per 1,000, counts, a unit the report did not print): the bare number, so a unit column
 *   or the caption says what it is.
 */
import { formatMissing, isMissing, type NumberOrMissing } from 'peel-data';
import { roundHalfAwayFromZero } from './round.ts';

/** Units formatValue marks; any other unit starting with "percent" prints like `percent`, the rest as bare numbers. */
export const DISPLAY_UNITS = ['percent', 'percent change', 'percentage-points', 'number'] as const;

/**
 * A value as the report prints it.
 * @example formatValue(16.449, { precision: 1 }) // '16.4'
 * @example formatValue(2.25, { precision: 1, unit: 'percent' }) // '2.3%'
 * @example formatValue(8.99, { precision: 0, unit: 'percent change' }) // '+9%'
 * @example formatValue(2471, { precision: 0 }) // '2,471'
 * @example formatValue({ missing: 'x', reason: 'not supplied' }, { precision: 1 }) // '[x]'
 */
export function formatValue(value: NumberOrMissing, options: { precision: number; unit?: string }): string {
  if (isMissing(value)) return formatMissing(value);
  const rounded = roundHalfAwayFromZero(value, options.precision);
  const digits = rounded.toFixed(options.precision);
  const [whole = '', fraction] = digits.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const unit = options.unit ?? '';
  // A change that rounds to zero has no direction; anything else says which way it went.
  const sign = rounded < 0 ? '-' : unit === 'percent change' && rounded > 0 ? '+' : '';
  const number = `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
  if (unit === 'percentage-points') return `${number} percentage points`;
  if (/^percent\b/.test(unit)) return `${number}%`;
  return number;
}
