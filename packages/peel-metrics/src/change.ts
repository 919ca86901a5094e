/**
 * Percentage change between two periods.
 *
 * Method: change = (later − earlier) ÷ earlier × 100, from unrounded values. It can be taken on counts
 * (how many more crimes were recorded) or on rates (how many more per head, which removes population
 * growth). The 2016 report does not say which it used for recorded crime (CR-07 to CR-09); its wording,
 * "police-recorded crime … has increased by", describes volumes, so the report model uses counts and
 * offers the rate-based change beside it. Anti-social behaviour change (ASB-02) is printed as a change
 * "in the rate … per 1,000 population", so it uses rates. A zero base has no percentage change
 * ([z] not applicable); a missing input gives a missing change.
 */
import { isMissing, missing, type NumberOrMissing } from 'peel-data';
import { computeRate, type RateUnit } from './rate.ts';

/** What a percentage change is computed on. */
export const CHANGE_BASES = ['counts', 'rates'] as const;
export type ChangeBasis = (typeof CHANGE_BASES)[number];

/**
 * Percentage change from `earlier` to `later`.
 * @example percentChange(200, 250) // 25
 * @example percentChange(0, 5) // { missing: 'z', reason: 'the earlier value is 0 …' }
 */
export function percentChange(earlier: NumberOrMissing, later: NumberOrMissing): NumberOrMissing {
  for (const [name, value] of [
    ['earlier', earlier],
    ['later', later],
  ] as const) {
    if (!isMissing(value) && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new TypeError(
        `percentChange: ${name} must be a finite number or a Missing marker, received ${String(value)}; e.g. ` +
          `percentChange(200, 250)`,
      );
    }
  }
  if (isMissing(earlier)) return earlier;
  if (isMissing(later)) return later;
  if (earlier === 0) return missing('z', 'the earlier value is 0, so a percentage change is not defined');
  return ((later - earlier) / Math.abs(earlier)) * 100;
}

/** A count and the population it is divided by, for one period. */
export interface CountWithDenominator {
  count: NumberOrMissing;
  denominator: NumberOrMissing;
}

/**
 * Percentage change between two periods on counts or on rates (each rate uses its own period's denominator).
 * @example
 * changeBetween({ count: 100, denominator: 1000 }, { count: 110, denominator: 1100 }, { basis: 'counts' })
 * // 10
 * @example changeBetween({ count: 100, denominator: 1000 }, { count: 110, denominator: 1100 }, { basis: 'rates' }) // 0
 */
export function changeBetween(
  earlier: CountWithDenominator,
  later: CountWithDenominator,
  options: { basis: ChangeBasis; unit?: RateUnit },
): NumberOrMissing {
  if (options?.basis === 'counts') return percentChange(earlier.count, later.count);
  if (options?.basis === 'rates') {
    const unit = options.unit ?? 'per-1000-population';
    return percentChange(
      computeRate(earlier.count, earlier.denominator, { unit }),
      computeRate(later.count, later.denominator, { unit }),
    );
  }
  throw new TypeError(
    `changeBetween: options.basis must be 'counts' or 'rates', received ${String(options?.basis)}; e.g. { basis: ` +
      `'counts' }`,
  );
}
