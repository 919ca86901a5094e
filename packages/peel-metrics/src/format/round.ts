/**
 * Display rounding.
 *
 * Method: every figure is computed from unrounded counts and rounded exactly once, at the end, to the
 * precision the report prints (1 decimal place for rates and proportions, integers for ASB and OCG rates,
 * 2 decimal places for the outcomes Total row). Halves round away from zero (2.25 -> 2.3, -2.25 -> -2.3),
 * the convention of printed statistical tables, unlike `Math.round` (which rounds -2.5 to -2) and unlike
 * `toFixed` (which works on the binary value, so 1.005.toFixed(2) is '1.00').
 */

/**
 * Rounds half away from zero to `decimals` places, correcting binary representation error first
 * (1.005 is stored as 1.00499999…, yet is meant as 1.005).
 * @example roundHalfAwayFromZero(2.25, 1) // 2.3
 * @example roundHalfAwayFromZero(-2.25, 1) // -2.3
 */
export function roundHalfAwayFromZero(value: number, decimals = 0): number {
  if (!Number.isFinite(value)) {
    throw new RangeError(
      `roundHalfAwayFromZero(value): expected a finite number, received ${String(value)}; e.g. ` +
        `roundHalfAwayFromZero(2.25, 1)`,
    );
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(
      `roundHalfAwayFromZero(value, decimals): expected decimals as an integer 0–10, received ${String(decimals)}; ` +
        `e.g. roundHalfAwayFromZero(2.25, 1)`,
    );
  }
  const factor = 10 ** decimals;
  // toPrecision(15) strips the float noise below the 15th significant digit (1.005*100 = 100.49999999999999 -> 100.5).
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = Math.floor(scaled + 0.5) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
