/**
 * The metric engine: any registry metric for every territorial force, with England and Wales and a banding.
 *
 * Method: a key is resolved through the registry (registry/metrics.ts) to one compute rule, which compute.ts runs:
 *   - a metric id: its entry's rule (or a named variant of it);
 *   - `<id>:<row>`: one row of a metric with rows (`outcome_proportion:charged-summonsed`);
 *   - a part id (`right_to_ask_rate`): the part's rule;
 *   - any other id the release's printed report holds: the printed value (Durham's only).
 * Label, unit and precision are the registry's (the catalogue label names the data's period where it differs from
 * the report's). Results are cached per release, registry, key, variant and period (data/cache.ts), so the report
 * models and the API share one computation.
 */
import { isMissing, type Force, type Missing, type ChangePeriod, type Period } from 'peel-data';
import type { Banding } from '../banding.ts';
import { cached } from '../data/cache.ts';
import { publishedFigure, territorialForcesOf, type MetricsRelease } from '../data/release.ts';
import { ruleHolds, rulesOf, rulesSetAside, type ExclusionRule, type RuleAt } from '../exclusions.ts';
import { relabelPeriod } from '../format/relabel-period.ts';
import type { EnglandWalesValue } from '../model/types.ts';
import type { MetricDefinition } from '../registry/definition.ts';
import { METRIC, type MetricKey } from '../registry/ids.ts';
import { METRIC_REGISTRY, presentationOf, type MetricRegistry } from '../registry/registry.ts';
import type { ComputeRule, ForceValue, MetricPeriod, MetricSpec } from '../registry/types.ts';
import { computerOf, type Computer } from './compute.ts';
import { outcomeRows } from './outcomes.ts';

export type { ForceValue, MetricPeriod };

/** A metric computed for every territorial force. */
export interface ComputedMetric {
  metricId: string;
  label: string;
  unit: string;
  precision: number;
  period: MetricPeriod | Missing;
  forces: readonly Force[];
  rows: Map<string, ForceValue>;
  englandWales: EnglandWalesValue;
  banding: Banding | Missing;
}

/** Options of computeMetric. */
export interface ComputeOptions {
  /** A Period/ChangePeriod, an ISO end date ('2016-06-30'), a financial year ('2017/18') or a year ('2015'). */
  period?: MetricPeriod | string;
  /** A named variant of the metric's method (the entry's `variants`); the default method when omitted. */
  variant?: string;
  /** The registry to read (METRIC_REGISTRY by default). */
  registry?: MetricRegistry;
}

/** A key resolved through the registry: how to compute it and how to present its values. */
interface Resolved {
  key: string;
  /** The registry entry (for a row or a part: its metric). */
  metric?: MetricSpec<string>;
  /** The row label of `<id>:<row>`. */
  rowLabel?: string;
  label: string;
  unit: string;
  precision: number;
  computer: Computer;
  /** The values are the edition's printed ones (its exclusion rules hold for them whatever the period). */
  printed: boolean;
  periods: MetricPeriod[];
}

const PRINTED_KINDS: ReadonlySet<ComputeRule['kind']> = new Set(['printed', 'disclosure-rate']);
/** Values of a kind are the edition's printed ones (a regenerated report's release has no printed report). */
const printedIn = (release: MetricsRelease, kind: ComputeRule['kind']): boolean =>
  PRINTED_KINDS.has(kind) && release.durhamPublished !== undefined;

const rolling = (end: string): Period => ({ type: 'rolling-12m', end });
const NOT_BANDED_IN_REPORT =
  "The 2016 report does not band this measure: peel ranks it with the report's rule for comparison only.";
const samePeriod = (a: MetricPeriod, b: MetricPeriod): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A metric's rule under a named variant, or several joined by commas (`englandWales:annex-a-43-forces,fraudBase:
 * excluded`): each variant's override applied in turn; the method choices (`method`) of each are merged dimension by
 * dimension, so two variants that each change one choice change both.
 */
function ruleWithVariant(metric: MetricSpec<string>, variant: string | undefined): ComputeRule {
  if (variant === undefined) return metric.compute;
  let rule = metric.compute;
  for (const name of variant.split(',')) {
    const override = metric.variants?.[name];
    if (!override)
      throw new RangeError(
        `${metric.id}: unknown variant ${JSON.stringify(name)}; ` +
          `valid variants: ${Object.keys(metric.variants ?? {}).join(', ') || 'none (only the default method)'}`,
      );
    const base = 'method' in metric.compute ? metric.compute.method : undefined;
    const chosen = 'method' in override ? override.method : undefined;
    const sofar = 'method' in rule ? rule.method : undefined;
    const method =
      base && chosen && sofar
        ? {
            ...sofar,
            ...Object.fromEntries(
              Object.entries(chosen).filter(([dimension, value]) => base[dimension as keyof typeof base] !== value),
            ),
          }
        : chosen;
    rule = { ...rule, ...override, ...(method ? { method } : {}) } as ComputeRule;
  }
  return rule;
}

function unknownKey(key: string, registry: MetricRegistry, release: MetricsRelease): RangeError {
  const printed = release.durhamPublished?.figures.map((figure) => figure.id) ?? [];
  const examples = [...registry.byId.keys(), 'outcome_proportion:<row id>', ...registry.parts.keys(), ...printed];
  return new RangeError(
    `Unknown metric ${JSON.stringify(key)}; valid ids include ${examples.slice(0, 30).join(', ')}…; ` +
      `e.g. '${registry.metrics[0]?.id ?? METRIC.crime_rate_total_excl_fraud}'`,
  );
}

function resolveUncached(
  release: MetricsRelease,
  key: string,
  registry: MetricRegistry,
  variant: string | undefined,
): Omit<Resolved, 'periods'> {
  const metric = registry.byId.get(key);
  if (metric) {
    const { label, unit, precision } = presentationOf(metric);
    const rule = ruleWithVariant(metric, variant);
    const computer = computerOf(rule, key);
    return { key, metric, label, unit, precision, computer, printed: printedIn(release, rule.kind) };
  }
  const [baseId, rowId] = key.split(':') as [string, string | undefined];
  const base = rowId === undefined ? undefined : registry.byId.get(baseId);
  if (base && rowId !== undefined && base.compute.kind === 'outcome-share') {
    const rows = release.outcomes ? outcomeRows(release.outcomes) : undefined;
    const row = rows?.find((candidate) => candidate.id === rowId);
    if (rows && !row)
      throw new RangeError(
        `Unknown metric ${JSON.stringify(key)}: no outcomes row ${JSON.stringify(rowId)}; valid rows: ` +
          `${rows.map((candidate) => candidate.id).join(', ')}; e.g. '${baseId}:charged-summonsed'`,
      );
    const rule = ruleWithVariant(base, variant);
    const { label, unit, precision } = presentationOf(base);
    const computer = computerOf(rule.kind === 'outcome-share' ? { ...rule, row: rowId } : rule, key);
    const printed = printedIn(release, rule.kind);
    return { key, metric: base, rowLabel: row?.label ?? rowId, label, unit, precision, computer, printed };
  }
  // A part or printed figure without its own words takes the printed figure's label and unit (never its raw id).
  const printed = publishedFigure(release, key);
  const part = registry.parts.get(key);
  if (part) {
    const rule = part.part.compute;
    const computer = computerOf(rule, key);
    const label = part.part.label ?? printed?.label ?? key;
    const unit = part.part.unit ?? printed?.unit ?? '';
    const printedPart = printedIn(release, rule.kind);
    return { key, label, unit, precision: part.metric.decimals, computer, printed: printedPart };
  }
  if (printed) {
    const precision = printed.unit.startsWith('count') ? 0 : 1;
    const computer = computerOf({ kind: 'printed' }, key);
    return {
      key,
      label: printed.label,
      unit: printed.unit,
      precision,
      computer,
      printed: printedIn(release, 'printed'),
    };
  }
  throw unknownKey(key, registry, release);
}

function resolve(
  release: MetricsRelease,
  key: string,
  registry: MetricRegistry,
  variant: string | undefined,
): Resolved {
  return cached(
    release,
    `resolved|${key}|${variant ?? ''}`,
    () => {
      const resolved = resolveUncached(release, key, registry, variant);
      return { ...resolved, periods: resolved.computer.periods(release) };
    },
    registry,
  );
}

/** The fields of each period type (peel-data's Period and ChangePeriod), for checking a period a caller passes. */
const PERIOD_FIELDS: Readonly<Record<string, Readonly<Record<string, 'date' | 'year' | 'quarter?' | 'period'>>>> = {
  'rolling-12m': { end: 'date' },
  snapshot: { date: 'date' },
  'financial-year': { startYear: 'year', quarter: 'quarter?' },
  'mid-year': { year: 'year' },
  'calendar-year': { year: 'year' },
  range: { start: 'date', end: 'date' },
  projection: { year: 'year', basedOn: 'year' },
  change: { from: 'period', to: 'period' },
};

/** What is wrong with a period object (the first problem, with its field), or undefined when it is valid. */
function periodProblem(value: unknown, allowChange: boolean, at = 'period'): string | undefined {
  if (typeof value !== 'object' || value === null) return `${at}: expected an object`;
  const { type, ...rest } = value as Record<string, unknown>;
  const fields = typeof type === 'string' && (allowChange || type !== 'change') ? PERIOD_FIELDS[type] : undefined;
  if (fields === undefined) return `${at}.type: unknown period type ${JSON.stringify(type)}`;
  for (const key of Object.keys(rest)) if (!(key in fields)) return `${at}: unknown field ${JSON.stringify(key)}`;
  for (const [key, kind] of Object.entries(fields)) {
    const field = rest[key];
    const where = `${at}.${key}`;
    if (kind === 'period') {
      const problem = periodProblem(field, false, where);
      if (problem !== undefined) return problem;
    } else if (kind === 'date') {
      if (typeof field !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(field))
        return `${where}: expected an ISO date (YYYY-MM-DD)`;
    } else if (kind === 'year') {
      if (!Number.isInteger(field)) return `${where}: expected a whole number`;
    } else if (field !== undefined && !(Number.isInteger(field) && (field as number) >= 1 && (field as number) <= 4)) {
      return `${where}: expected a quarter 1 to 4`;
    }
  }
  return undefined;
}

/**
 * Parses a period option: a Period/ChangePeriod object, an ISO end date ('2016-06-30' = 12 months to then),
 * a financial year ('2017/18') or a calendar year ('2015').
 * @example parsePeriod('2016-06-30') // { type: 'rolling-12m', end: '2016-06-30' }
 */
export function parsePeriod(period: MetricPeriod | string): MetricPeriod {
  if (typeof period !== 'string') {
    const problem = periodProblem(period, true);
    if (problem !== undefined)
      throw new TypeError(
        `period: not a valid period object (${problem}); e.g. { type: 'rolling-12m', ` +
          "end: '2016-06-30' } or '2016-06-30'",
      );
    return period;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return rolling(period);
  const financial = /^(\d{4})\/(\d{2})$/.exec(period);
  if (financial) return { type: 'financial-year', startYear: Number(financial[1]) };
  if (/^\d{4}$/.test(period)) return { type: 'calendar-year', year: Number(period) };
  throw new TypeError(
    "period: expected an ISO end date ('2016-06-30'), a financial year ('2017/18') or a calendar year ('2015'), " +
      `received ${JSON.stringify(period)}`,
  );
}

/** computeMetric for any key the engine resolves (parts and printed figure ids too): the report uses it. */
export function computeKey(release: MetricsRelease, key: string, options: ComputeOptions = {}): ComputedMetric {
  const registry = options.registry ?? METRIC_REGISTRY;
  const requestKey = `request|${key}|${options.variant ?? ''}|${
    typeof options.period === 'string' ? options.period : JSON.stringify(options.period ?? null)
  }`;
  return cached(
    release,
    requestKey,
    () => {
      const resolved = resolve(release, key, registry, options.variant);
      const valid = resolved.periods;
      const reportPeriod = resolved.computer.reportPeriod(release);
      const requested = options.period === undefined ? reportPeriod : parsePeriod(options.period);
      // A change metric may be asked for by its later window ('2016-06-30').
      const period =
        valid.find(
          (candidate) =>
            samePeriod(candidate, requested) || (candidate.type === 'change' && samePeriod(candidate.to, requested)),
        ) ?? (options.period === undefined ? requested : undefined);
      if (!period) {
        throw new RangeError(
          `${key}: no data for period ${JSON.stringify(options.period)}; valid periods are listed by ` +
            `metricPeriods(${JSON.stringify(key)}), e.g. ${JSON.stringify(valid.at(-1) ?? reportPeriod)}`,
        );
      }
      return cached(
        release,
        `result|${key}|${options.variant ?? ''}|${JSON.stringify(period)}`,
        () => resultOf(release, resolved, period, registry),
        registry,
      );
    },
    registry,
  );
}

function resultOf(
  release: MetricsRelease,
  resolved: Resolved,
  period: MetricPeriod,
  registry: MetricRegistry,
): ComputedMetric {
  // Only the exclusion rules whose evidence covers this period (or the edition's printed values) hold (exclusions.ts).
  const at = { period, printed: resolved.printed };
  const { period: ownPeriod, ...computed } = resolved.computer.compute(release, period, {
    key: resolved.key,
    exclusions: registry.exclusions.filter((rule) => ruleHolds(rule, at)),
    setAside: rulesSetAside(resolved.key, registry.exclusions, at),
  });
  const shown = ownPeriod ?? period;
  const definition = resolved.metric?.definition;
  // The catalogue's `banding` says whether the 2016 report bands the measure; peel ranks every computed measure
  // with the report's rule, and says so where the report does not.
  if (definition && !definition.banding && !isMissing(computed.banding))
    computed.banding = { ...computed.banding, rule: `${computed.banding.rule} ${NOT_BANDED_IN_REPORT}` };
  return {
    metricId: resolved.key,
    label: definition ? relabelPeriod(definition.label, definition.period, shown) : resolved.label,
    unit: resolved.unit,
    precision: resolved.precision,
    period: shown,
    forces: territorialForcesOf(release),
    ...computed,
  };
}

/**
 * Computes a metric for every territorial force at a period (the report's period by default). Results are
 * cached per release, metric and period, so the report models and the API share one computation.
 * @example computeMetric(resolveRelease(), 'crime_rate_total_excl_fraud').englandWales.value // ≈ 67 (per 1,000)
 */
export function computeMetric(
  release: MetricsRelease,
  metricId: MetricKey,
  options: ComputeOptions = {},
): ComputedMetric {
  return computeKey(release, metricId, options);
}

/**
 * The periods a metric can be computed for.
 * @example metricPeriodsOf(resolveRelease(), 'crime_rate_total_excl_fraud').length // 52 quarter and year ends
 */
export function metricPeriodsOf(
  release: MetricsRelease,
  metricId: MetricKey,
  options: Pick<ComputeOptions, 'registry' | 'variant'> = {},
): MetricPeriod[] {
  return [...resolve(release, metricId, options.registry ?? METRIC_REGISTRY, options.variant).periods];
}

/**
 * The exclusion rules of a key that hold for its values at a period (the report's period by default; `null`: the
 * values of no period, as a regenerated report's printed-only figures), and those set aside there.
 * @example exclusionRulesAt(release, 'outcome_proportion').setAside.map((rule) => rule.force)[0] // 'dorset'
 */
export function exclusionRulesAt(
  release: MetricsRelease,
  key: string,
  options: Pick<ComputeOptions, 'registry'> & { period?: MetricPeriod | null } = {},
): { holding: ExclusionRule[]; setAside: ExclusionRule[] } {
  const registry = options.registry ?? METRIC_REGISTRY;
  let at: RuleAt;
  try {
    const resolved = resolve(release, key, registry, undefined);
    at =
      options.period === null
        ? { period: undefined }
        : { period: options.period ?? resolved.computer.reportPeriod(release), printed: resolved.printed };
  } catch {
    // A key the engine cannot resolve has no values: only the rules about the force itself hold.
    at = { period: undefined };
  }
  return { holding: rulesOf(key, registry.exclusions, at), setAside: rulesSetAside(key, registry.exclusions, at) };
}

/**
 * The period the 2016 report shows for a metric.
 * @example reportPeriodOf(bundledRelease, 'crime_rate_total_excl_fraud') // { type: 'rolling-12m', end: '2016-06-30' }
 */
export function reportPeriodOf(
  release: MetricsRelease,
  metricId: MetricKey,
  options: Pick<ComputeOptions, 'registry'> = {},
): MetricPeriod {
  return resolve(release, metricId, options.registry ?? METRIC_REGISTRY, undefined).computer.reportPeriod(release);
}

/**
 * The catalogue entry a metric table names: the registry entry's method text (a row keeps its metric's text under
 * its own id, labelled "<metric>: <row>"), or `{ id }` for a key the registry does not define.
 * @example metricRefOf(resolveRelease(), 'outcome_proportion:charged-summonsed').label // '…: Charged/Summonsed'
 */
export function metricRefOf(
  release: MetricsRelease,
  key: string,
  options: Pick<ComputeOptions, 'registry'> & { rowLabel?: boolean } = {},
): MetricDefinition | { id: string } {
  const resolved = resolve(release, key, options.registry ?? METRIC_REGISTRY, undefined);
  const definition = resolved.metric?.definition;
  if (!definition) return { id: key };
  if (definition.id === key) return definition;
  return options.rowLabel && resolved.rowLabel !== undefined
    ? { ...definition, id: key, label: `${definition.label}: ${resolved.rowLabel}` }
    : { ...definition, id: key };
}

export type { ChangePeriod };
