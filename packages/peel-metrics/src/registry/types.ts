/**
 * The shape of a metric registry entry: the method text the catalogue serves (`definition`), and how peel computes the
 * metric (`compute`: a kind with its parameters, or that the value is printed). The compute kinds are implemented in
 * metrics/compute.ts; a kind also fixes the metric's period rule (which windows it has, e.g. 12 months to each quarter
 * end, or a change against the same window `yearsBack` years earlier).
 */
import type { Missing, Period, ChangePeriod, Provenance } from 'peel-data';
import type { EnglandWalesValue } from '../model/types.ts';
import type { Banding } from '../banding.ts';
import type { MetricsRelease } from '../data/release.ts';
import type { ExclusionRule } from '../exclusions.ts';
import type { CrimeSelection } from '../metrics/recorded-crime.ts';
import type { MethodVariants } from '../method-variants.ts';
import type { MetricDefinition } from './definition.ts';
import type { MetricId, PartId } from './ids.ts';

/** A period a metric can be asked for. */
export type MetricPeriod = Period | ChangePeriod;

/** One force's value with its provenance. */
export interface ForceValue {
  value: number | Missing;
  provenance: Provenance;
  caveats: string[];
}

/** What a compute function returns for one period: every force's value, England and Wales and the banding. */
export interface ComputeResult {
  rows: Map<string, ForceValue>;
  englandWales: EnglandWalesValue;
  banding: Banding | Missing;
  /** Set when the values are for another period than asked (printed values stand in for missing data). */
  period?: MetricPeriod | Missing;
}

/** What a compute function is given besides the release and the period. */
export interface ComputeContext {
  /** The key the metric was asked for (a metric id, a part id, or `<id>:<row>`). */
  key: string;
  /** The exclusion rules of the registry in use that hold for the period computed (ruleHolds). */
  exclusions: readonly ExclusionRule[];
  /** The metric's rules that do not hold for the period: the force's value says what applies instead. */
  setAside?: readonly ExclusionRule[];
}

/**
 * How a metric is computed. Each kind is one function in metrics/compute.ts and carries its own period rule.
 * `printed`: the value printed in the report (Durham's only), Missing with `whyNotComputed` for other forces.
 * `custom`: a compute function given with the entry (how a new metric is added without touching the engine).
 */
export type ComputeRule =
  | { kind: 'crime-rate'; selection: CrimeSelection; method?: MethodVariants }
  | { kind: 'crime-change'; selection: CrimeSelection; yearsBack: number; method?: MethodVariants }
  | { kind: 'forces-with-increase'; selection: CrimeSelection; yearsBack: number; method?: MethodVariants }
  | { kind: 'offence-code-rate'; offenceCode: string; offence: string; note: string; whyNotComputed: string }
  | { kind: 'asb-rate' }
  | { kind: 'asb-change' }
  | { kind: 'outcome-share'; row: string }
  | { kind: 'disclosure-rate'; count: PartId; rate: PartId }
  | { kind: 'printed'; whyNotComputed?: string }
  | CustomCompute;

/** A compute function given with a registry entry, with its period rule. */
export interface CustomCompute {
  kind: 'custom';
  /** The period the report shows. */
  reportPeriod: MetricPeriod;
  /** Every period the release can give a value for. */
  periods(release: MetricsRelease): MetricPeriod[];
  compute(release: MetricsRelease, period: MetricPeriod, context: ComputeContext): ComputeResult;
}

/** The kinds of ComputeRule. */
export type ComputeKind = ComputeRule['kind'];

/**
 * A part a metric is shown as, under its own id (Right to Ask: the printed count, and the rate rebuilt from it).
 * Without a label the part is labelled with its id, as the report model always has.
 */
export interface MetricPart {
  id: PartId;
  label?: string;
  unit?: string;
  compute: ComputeRule;
}

/**
 * One metric, defined once: the catalogue's method text, how it is computed, and the precision of computed values.
 * Label, unit and printed decimals are the definition's; `valueUnit` is the unit of computed values where it is not
 * the catalogue's (a count of forces, a rate rebuilt from a printed count).
 * @example METRICS.crime_rate_total_excl_fraud.compute // { kind: 'crime-rate', selection: 'total-excl-fraud' }
 */
export interface MetricSpec<Id extends string = MetricId> {
  id: Id;
  definition: MetricDefinition & { id: Id };
  compute: ComputeRule;
  /** Decimal places of computed values where the report prints none (`definition.printedDecimals` otherwise). */
  decimals: number;
  valueUnit?: string;
  parts?: readonly MetricPart[];
  /**
   * Named alternatives to the default method (a comparator, base or denominator choice), each overriding the
   * compute rule; asked for with `{ variant }`. The recorded-crime metrics name theirs `<dimension>:<value>`
   * (method-variants.ts), e.g. `englandWales:annex-a-43-forces`.
   */
  variants?: Readonly<Record<string, Partial<ComputeRule>>>;
}
