/**
 * Rates.
 *
 * Method: rate = count ÷ denominator × scale, computed from unrounded counts. The scale is the report's
 * unit: per 1,000 population (crime, ASB, domestic abuse calls), per 100,000 population (Right to Ask /
 * Right to Know), per 1,000,000 population (organised crime groups) or per 1,000 households (burglary in
 * a dwelling). The denominator's year is an explicit input, never implied: the 2016 report divides by the
 * ONS mid-2015 population estimate (`populationYearForPeriodEnd` gives that rule for any 12-month window).
 * A missing count or denominator gives a missing rate (the marker carries on); a zero or negative
 * denominator or a negative count is a data problem, returned as a missing marker that says which.
 * Rounding happens only for display (see format/round.ts).
 */
import { isMissing, missing, type NumberOrMissing } from 'peel-data';

/** The units rates are printed in. */
export const RATE_UNITS = [
  'per-1000-population',
  'per-100000-population',
  'per-1000000-population',
  'per-1000-households',
] as const;
export type RateUnit = (typeof RATE_UNITS)[number];

/** The multiplier of each rate unit. */
export const RATE_SCALE: Record<RateUnit, number> = {
  'per-1000-population': 1_000,
  'per-100000-population': 100_000,
  'per-1000000-population': 1_000_000,
  'per-1000-households': 1_000,
};

/** Words for each unit, as captions print them. */
export const RATE_UNIT_LABEL: Record<RateUnit, string> = {
  'per-1000-population': 'per 1,000 population',
  'per-100000-population': 'per 100,000 population',
  'per-1000000-population': 'per one million population',
  'per-1000-households': 'per 1,000 households',
};

function assertNumberOrMissing(value: NumberOrMissing, name: string, example: string): void {
  if (isMissing(value)) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(
      `computeRate: ${name} must be a finite number or a Missing marker, received ${String(value)}; e.g. ${example}`,
    );
  }
}

/**
 * Count ÷ denominator × the unit's scale; missing inputs and impossible denominators give a Missing marker.
 * @example computeRate(48_000, 625_345, { unit: 'per-1000-population' }) // 76.757…
 * @example computeRate(10, 0, { unit: 'per-1000-population' }) // { missing: 'z', reason: 'the denominator is 0 …' }
 */
export function computeRate(
  count: NumberOrMissing,
  denominator: NumberOrMissing,
  options: { unit: RateUnit },
): NumberOrMissing {
  const scale = RATE_SCALE[options?.unit];
  if (scale === undefined) {
    throw new TypeError(
      `computeRate: options.unit must be one of ${RATE_UNITS.join(', ')}, received ${String(options?.unit)}; e.g. ` +
        `computeRate(71, 625345, { unit: 'per-100000-population' })`,
    );
  }
  assertNumberOrMissing(count, 'count', "computeRate(71, 625345, { unit: 'per-100000-population' })");
  assertNumberOrMissing(denominator, 'denominator', "computeRate(71, 625345, { unit: 'per-100000-population' })");
  if (isMissing(count)) return count;
  if (isMissing(denominator)) return denominator;
  if (denominator <= 0) return missing('z', `the denominator is ${denominator}, so no rate can be computed`);
  if (count < 0) return missing('u', `the count is negative (${count}), which a count of events cannot be`);
  return (count / denominator) * scale;
}

/**
 * The mid-year population estimate that goes with a 12-month window ending on `periodEnd`: the mid-year
 * nearest the middle of the window, taking the earlier year when the middle is equidistant. For 12 months
 * to 30 June 2016 that is mid-2015, which is what the 2016 report used.
 * @example populationYearForPeriodEnd('2016-06-30') // 2015
 * @example populationYearForPeriodEnd('2016-12-31') // 2016
 */
export function populationYearForPeriodEnd(periodEnd: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(periodEnd);
  if (!match)
    throw new TypeError(
      `populationYearForPeriodEnd: expected an ISO date (YYYY-MM-DD), received ${JSON.stringify(periodEnd)}; e.g. ` +
        `'2016-06-30'`,
    );
  const year = Number(match[1]);
  const month = Number(match[2]);
  // Windows ending July–December have their middle in the same calendar year as their end.
  return month > 6 ? year : year - 1;
}
