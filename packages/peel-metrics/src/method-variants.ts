/**
 * Method variants: the choices where HMIC's printed figures and Annex A's wording part ways, each named so that a
 * value can say which one produced it.
 *
 * Method (checked against Durham's 2016 report and the raw recorded-crime file, see method-variants.test.ts):
 *   - `englandWales` (the comparator of recorded-crime rates and changes):
 *       `home-office-incl-btp` = Σ counts of the 43 territorial forces AND British Transport Police ÷ Σ populations
 *       of the 43 forces (the Home Office's England and Wales figure; BTP has no resident population). The printed
 *       England and Wales RATES fit it (68.2, 60.4) and not the 43 forces alone (67.4, 59.7);
 *       `annex-a-43-forces` = the 43 territorial forces only, as Annex A states. The printed CHANGES fit it.
 *   - `fraudBase` (what "excluding fraud" takes out of a count):
 *       `forces-own-fraud-in-base` = only the national fraud series (Action Fraud, CIFAS, UK Finance) are left out,
 *       so a force's own "Fraud offences" row (recorded by forces until 2013/14) stays in the count; the printed
 *       change since 2011 fits it (Durham +7.2 %, England and Wales −3.4 %);
 *       `excluded` = every fraud row left out, Annex A's plain reading.
 *   - `denominator` (the population of a rate for a window other than the 12 months to 30 June 2016):
 *       `mid-2015` = the ONS mid-2015 estimate for every window, Annex A's "for all uses … unless otherwise noted";
 *       `mid-year-nearest` = the mid-year estimate nearest the window's middle (the earlier one on a tie).
 * The PEEL 2016 report uses PEEL_2016_VARIANTS (the set that reproduces print where print exists, Annex A's rule
 * where it does not); the other values stay available by name.
 */
import { isMissing, missing, type NumberOrMissing, type RecordedCrimeDataset } from 'peel-data';
import { crimeCount, type CrimeSelection } from './metrics/recorded-crime.ts';

/**
 * How England and Wales is formed for recorded crime.
 * @example ENGLAND_WALES_VARIANTS[0] // 'home-office-incl-btp'
 */
export const ENGLAND_WALES_VARIANTS = ['home-office-incl-btp', 'annex-a-43-forces'] as const;
/** One of ENGLAND_WALES_VARIANTS. */
export type EnglandWalesVariant = (typeof ENGLAND_WALES_VARIANTS)[number];

/**
 * What "excluding fraud" leaves out of a recorded-crime count.
 * @example FRAUD_BASE_VARIANTS[1] // 'excluded'
 */
export const FRAUD_BASE_VARIANTS = ['forces-own-fraud-in-base', 'excluded'] as const;
/** One of FRAUD_BASE_VARIANTS. */
export type FraudBaseVariant = (typeof FRAUD_BASE_VARIANTS)[number];

/**
 * Which mid-year population divides a window's count.
 * @example DENOMINATOR_VARIANTS[0] // 'mid-2015'
 */
export const DENOMINATOR_VARIANTS = ['mid-2015', 'mid-year-nearest'] as const;
/** One of DENOMINATOR_VARIANTS. */
export type DenominatorVariant = (typeof DENOMINATOR_VARIANTS)[number];

/** A full set of method choices; every recorded-crime value can carry the set that produced it. */
export interface MethodVariants {
  englandWales: EnglandWalesVariant;
  fraudBase: FraudBaseVariant;
  denominator: DenominatorVariant;
}

/**
 * The choices the PEEL 2016 report's figures were made with: rates compare with the Home Office's England and
 * Wales (BTP in), changes with the 43 forces and forces' own fraud in the base, and Figure 1 divides every year by
 * mid-2015 (Annex A; no printed series to test it against).
 * @example PEEL_2016_VARIANTS.rate.englandWales // 'home-office-incl-btp'
 */
export const PEEL_2016_VARIANTS: Readonly<Record<'rate' | 'change' | 'trend', MethodVariants>> = {
  // The report's window (12 months to 30 June 2016) has its middle in mid-2015, so the nearest mid-year is mid-2015
  // there; other windows (the period switch) keep their own year.
  rate: { englandWales: 'home-office-incl-btp', fraudBase: 'excluded', denominator: 'mid-year-nearest' },
  change: { englandWales: 'annex-a-43-forces', fraudBase: 'forces-own-fraud-in-base', denominator: 'mid-2015' },
  trend: { englandWales: 'home-office-incl-btp', fraudBase: 'excluded', denominator: 'mid-2015' },
};

/** The dimensions a method variant can change. */
const DIMENSIONS: Readonly<Record<keyof MethodVariants, readonly string[]>> = {
  englandWales: ENGLAND_WALES_VARIANTS,
  fraudBase: FRAUD_BASE_VARIANTS,
  denominator: DENOMINATOR_VARIANTS,
};

/**
 * Named variants of a metric's method for a registry entry's `variants`: one per other value of each dimension
 * given, named `<dimension>:<value>`, each the default set with that one choice changed.
 * @example
 * Object.keys(methodVariantRules(PEEL_2016_VARIANTS.rate, ['englandWales']))
 * // ['englandWales:annex-a-43-forces']
 */
export function methodVariantRules(
  defaults: MethodVariants,
  dimensions: readonly (keyof MethodVariants)[],
): Record<string, { method: MethodVariants }> {
  const rules: Record<string, { method: MethodVariants }> = {};
  for (const dimension of dimensions) {
    const values = DIMENSIONS[dimension];
    if (!values)
      throw new TypeError(
        `methodVariantRules: unknown dimension ${JSON.stringify(dimension)}; expected one of ` +
          `${Object.keys(DIMENSIONS).join(', ')}, e.g. ['englandWales']`,
      );
    for (const value of values)
      if (value !== defaults[dimension])
        rules[`${dimension}:${value}`] = { method: { ...defaults, [dimension]: value } as MethodVariants };
  }
  return rules;
}

/** Plain words for each variant value: what it does and whether it is the report's printed method or Annex A's. */
export const METHOD_VARIANT_TEXT: Readonly<
  Record<EnglandWalesVariant | FraudBaseVariant | DenominatorVariant, { label: string; why: string }>
> = {
  'home-office-incl-btp': {
    label: 'England and Wales as the Home Office publishes it (43 forces and British Transport Police)',
    why:
      "The report's printed England and Wales crime rates fit this figure; Annex A says British Transport Police " +
      'is left out, but the 43 forces alone are lower than print by more than data revisions explain.',
  },
  'annex-a-43-forces': {
    label: 'England and Wales as Annex A states it (the 43 territorial forces)',
    why: "Annex A's stated rule; the report's printed percentage changes fit it.",
  },
  'forces-own-fraud-in-base': {
    label: 'Forces’ own fraud offences kept in the count (only Action Fraud, CIFAS and UK Finance left out)',
    why:
      'Forces recorded fraud themselves until 2013/14; the printed change since 2011 fits a 2011 count that still ' +
      'holds it.',
  },
  excluded: {
    label: 'Every fraud row left out of the count',
    why: "The plain reading of 'excluding fraud'; it does not reproduce the printed change since 2011.",
  },
  'mid-2015': {
    label: 'Every year divided by the ONS mid-2015 population',
    why: "Annex A: mid-2015 population 'for all uses … unless otherwise noted'; the report prints no series to test.",
  },
  'mid-year-nearest': {
    label: "Each year divided by the mid-year estimate nearest the window's middle",
    why: 'Revised per-year populations: a fairer series, but not the method Annex A states.',
  },
};

const BTP = 'btp';

function assertOneOf<T extends string>(value: T, allowed: readonly T[], name: string): void {
  if (!allowed.includes(value))
    throw new TypeError(
      `${name}: expected one of ${allowed.map((item) => `'${item}'`).join(', ')}, received ${JSON.stringify(value)}; ` +
        `e.g. '${allowed[0]}'`,
    );
}

/**
 * A force's (or BTP's) 12-month count under a fraud-base variant: with `forces-own-fraud-in-base`, a total that
 * excludes fraud also holds the series' own "Fraud offences" row where it still had one (never the national fraud
 * series). The row is `[z]` once fraud was recorded centrally, which adds nothing.
 * @example
 * crimeCountWithFraudBase(recordedCrime, 'durham', '2011-06-30', 'total-excl-fraud', { fraudBase: 'excluded' })
 */
export function crimeCountWithFraudBase(
  dataset: RecordedCrimeDataset,
  force: string,
  periodEnd: string,
  selection: CrimeSelection,
  options: { fraudBase: FraudBaseVariant },
): NumberOrMissing {
  assertOneOf(options.fraudBase, FRAUD_BASE_VARIANTS, 'options.fraudBase');
  const count = crimeCount(dataset, force, periodEnd, selection);
  if (options.fraudBase === 'excluded' || selection !== 'total-excl-fraud' || isMissing(count)) return count;
  const fraud = crimeCount(dataset, force, periodEnd, 'fraud-offences');
  if (!isMissing(fraud)) return count + fraud;
  // Not applicable (fraud recorded centrally) adds nothing; any other gap makes the count incomplete.
  return fraud.missing === 'z' ? count : missing(fraud.missing, `forces' own fraud offences: ${fraud.reason}`);
}

/** England and Wales counts under a variant, with what went into them. */
export interface EnglandWalesCount {
  value: NumberOrMissing;
  variants: Pick<MethodVariants, 'englandWales' | 'fraudBase'>;
  /** Series summed (force slugs, and `btp` under `home-office-incl-btp`). */
  included: string[];
  /** BTP's count when it is in the sum (so a reader can take it out again). */
  btp?: number;
}

/**
 * The England and Wales 12-month count under a comparator and fraud-base variant: Σ over the given forces, plus
 * British Transport Police under `home-office-incl-btp`. Missing when any series is missing (never a smaller sum).
 * @example englandWalesCrimeCount(recordedCrime, forces, '2016-06-30', 'total-excl-fraud', PEEL_2016_VARIANTS.rate)
 */
export function englandWalesCrimeCount(
  dataset: RecordedCrimeDataset,
  forces: readonly string[],
  periodEnd: string,
  selection: CrimeSelection,
  variants: Pick<MethodVariants, 'englandWales' | 'fraudBase'>,
): EnglandWalesCount {
  assertOneOf(variants.englandWales, ENGLAND_WALES_VARIANTS, 'variants.englandWales');
  const series = variants.englandWales === 'home-office-incl-btp' ? [...forces, BTP] : [...forces];
  let total = 0;
  let btp: number | undefined;
  for (const slug of series) {
    const count = crimeCountWithFraudBase(dataset, slug, periodEnd, selection, variants);
    if (isMissing(count)) return { value: missing(count.missing, `${slug}: ${count.reason}`), variants, included: [] };
    if (slug === BTP) btp = count;
    total += count;
  }
  return { value: total, variants, included: series, ...(btp === undefined ? {} : { btp }) };
}
