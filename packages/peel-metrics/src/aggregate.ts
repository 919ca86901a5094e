/**
 * England and Wales aggregates.
 *
 * Method: the report's only comparator is "England and Wales", meaning the 43 territorial forces with
 * British Transport Police always left out, and some forces left out of particular measures (the
 * exclusion registry in exclusions.ts). Two aggregations exist:
 *   - pooled (every measure but one): Σ numerators ÷ Σ denominators × scale over the included forces, so
 *     a large force weighs more. This is a rate for England and Wales as one area, not a mean of rates.
 *   - mean of force rates (victim satisfaction only, STATED in Annex A): the unweighted mean of the
 *     included forces' rates.
 * A force whose numerator, denominator or rate is missing is left out, with the marker's reason; so is a
 * force with a negative numerator or a denominator of 0 or less (kept as data, but it would make the pool wrong). The
 * result names every force used and every force left out, and why, so a reader can redo the sum.
 */
import { isMissing, missing, type NumberOrMissing } from 'peel-data';
import { BRITISH_TRANSPORT_POLICE, type ExclusionRule } from './exclusions.ts';

/** One force's numerator and denominator for a pooled aggregate. */
export interface PoolInput {
  force: string;
  numerator: NumberOrMissing;
  denominator: NumberOrMissing;
}

/** A force left out of an aggregate and the reason. */
export interface LeftOut {
  force: string;
  reason: string;
}

/** An England and Wales value with its working. */
export interface EnglandWalesAggregate {
  value: NumberOrMissing;
  method: 'pooled' | 'mean-of-rates';
  /** Slugs of the forces whose data are in the value, in input order. */
  included: string[];
  excluded: LeftOut[];
  /** Pooled only: Σ numerators and Σ denominators of the included forces, unrounded. */
  numerator?: number;
  denominator?: number;
}

/** Splits forces into those the registry excludes (with reasons) and the rest. */
function partition<T extends { force: string }>(
  rows: readonly T[],
  exclusions: readonly ExclusionRule[],
): { kept: T[]; excluded: LeftOut[] } {
  const excludedBy = new Map<string, string>();
  for (const rule of exclusions) if (rule.treatment === 'excluded') excludedBy.set(rule.force, rule.reason);
  const kept: T[] = [];
  const excluded: LeftOut[] = [];
  for (const row of rows) {
    if (row.force === BRITISH_TRANSPORT_POLICE)
      excluded.push({
        force: row.force,
        reason: 'British Transport Police is never part of England and Wales in PEEL effectiveness',
      });
    else if (excludedBy.has(row.force))
      excluded.push({ force: row.force, reason: excludedBy.get(row.force) as string });
    else kept.push(row);
  }
  return { kept, excluded };
}

/**
 * Pooled England and Wales value: Σ numerators ÷ Σ denominators × scale over included forces.
 * @example
 * poolEnglandWales(
 *   [{ force: 'durham', numerator: 40, denominator: 1000 }, { force: 'dorset', numerator: 60, denominator: 1000 }],
 *   { scale: 1000, exclusions: [] },
 * ) // { value: 50, method: 'pooled', included: ['durham', 'dorset'], excluded: [], numerator: 100, denominator: 2000 }
 */
export function poolEnglandWales(
  rows: readonly PoolInput[],
  options: { scale: number; exclusions?: readonly ExclusionRule[] },
): EnglandWalesAggregate {
  if (!Number.isFinite(options?.scale) || options.scale <= 0) {
    throw new TypeError(
      `poolEnglandWales: options.scale must be a positive number (1000 for per 1,000, 100 for a percentage), ` +
        `received ${String(options?.scale)}; e.g. { scale: 1000 }`,
    );
  }
  const { kept, excluded } = partition(rows, options.exclusions ?? []);
  const included: string[] = [];
  let numerator = 0;
  let denominator = 0;
  for (const row of kept) {
    const gap = isMissing(row.numerator) ? row.numerator : isMissing(row.denominator) ? row.denominator : undefined;
    if (gap) {
      excluded.push({ force: row.force, reason: `no data: ${gap.reason}` });
      continue;
    }
    const impossible = impossiblePoolInput(row.numerator as number, row.denominator as number);
    if (impossible) {
      excluded.push({ force: row.force, reason: impossible });
      continue;
    }
    numerator += row.numerator as number;
    denominator += row.denominator as number;
    included.push(row.force);
  }
  const value =
    included.length === 0
      ? missing('x', 'no force had data for this measure')
      : denominator <= 0
        ? missing('z', `the pooled denominator is ${denominator}, so no rate can be computed`)
        : (numerator / denominator) * options.scale;
  return { value, method: 'pooled', included, excluded, numerator, denominator };
}

/** Why a force's numbers cannot join a pool, or undefined when they can. */
function impossiblePoolInput(numerator: number, denominator: number): string | undefined {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator))
    return `not a finite number (numerator ${numerator}, denominator ${denominator})`;
  if (numerator < 0) return `the numerator is negative (${numerator}), which a count cannot be`;
  if (denominator <= 0) return `the denominator is ${denominator}, so the force has no rate to pool`;
  return undefined;
}

/**
 * Unweighted mean of force rates (the report's method for victim satisfaction only).
 * @example
 * meanOfForceRates([{ force: 'durham', value: 80 }, { force: 'kent', value: 90 }])
 * // { value: 85, method: 'mean-of-rates', … }
 */
export function meanOfForceRates(
  rows: readonly { force: string; value: NumberOrMissing }[],
  options: { exclusions?: readonly ExclusionRule[] } = {},
): EnglandWalesAggregate {
  const { kept, excluded } = partition(rows, options.exclusions ?? []);
  const included: string[] = [];
  let sum = 0;
  for (const row of kept) {
    if (isMissing(row.value)) {
      excluded.push({ force: row.force, reason: `no data: ${row.value.reason}` });
      continue;
    }
    sum += row.value;
    included.push(row.force);
  }
  const value = included.length === 0 ? missing('x', 'no force had data for this measure') : sum / included.length;
  return { value, method: 'mean-of-rates', included, excluded };
}
