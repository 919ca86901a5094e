/**
 * Reconciliation: every figure the report prints that the open data rebuild, beside its recomputation, with the
 * difference and one cause from a closed list, and the evidence for it.
 *
 * Method, per printed value p (printed to d decimals) and recomputed value r (the report's default method):
 *   1. `rounding`: r rounds to p at d decimals, so the two agree as printed.
 *   2. `method-variant`: r does not, but the value under another named variant (method-variants.ts) does.
 *   3. `resident-population`: City of London, whose printed rates used resident + transient population (not open).
 *   4. `data-vintage`: the count (or, for a rate rebuilt from a printed count, the population) the printed value
 *      implies differs from the one in the file by at most VINTAGE_TOLERANCE; for a change, recomputing it with the
 *      count the printed rate implies reproduces p.
 *   5. `unexplained`: none of the above; the evidence lists what was tried.
 * The other variants' values are always listed, so a reader sees what each choice does. Rows exist only where the
 * open data rebuild the printed figure for the same period: a copied printed value is never reconciled with itself.
 */
import { isMissing, missing, type Force, type NumberOrMissing, type PublishedFigure } from 'peel-data';
import { publishedFigure, resolveRelease, territorialForcesOf, type MetricsRelease } from './data/release.ts';
import { formatValue } from './format/format-value.ts';
import { roundHalfAwayFromZero } from './format/round.ts';
import { percentChange } from './change.ts';
import { computeKey, type ComputedMetric } from './metrics/engine.ts';
import { populationOfYear, shiftYears, type CrimeSelection } from './metrics/recorded-crime.ts';
import { crimeCountWithFraudBase, englandWalesCrimeCount, type MethodVariants } from './method-variants.ts';
import { RECONCILIATION_CAUSE_TEXT, type ReconciliationCause, type ReconciliationRow } from './model/reconciliation.ts';
import { METRIC_REGISTRY, type MetricRegistry } from './registry/registry.ts';
import type { ComputeRule } from './registry/types.ts';

/**
 * The largest relative gap between a count implied by print and the count in the file that peel puts down to a
 * later vintage (Durham's own recorded-crime count was revised by 0.6 % between releases); a larger gap is
 * "unexplained", never vintage by default.
 */
export const VINTAGE_TOLERANCE = 0.01;

/** Options of reconcilePrinted. */
export interface ReconcileOptions {
  release?: MetricsRelease;
  registry?: MetricRegistry;
}

const PRINTED_SOURCE = 'peel-2016-durham-report';
const CITY_OF_LONDON = 'city-of-london';
const grouped = (value: number) => formatValue(value, { precision: 0 });

function decimalsOf(text: string, value: number): number {
  const match = /-?\d[\d,]*(?:\.(\d+))?/.exec(text);
  if (match && Number(match[0].replaceAll(',', '').replace('-', '')) === Math.abs(value)) return match[1]?.length ?? 0;
  const fraction = String(value).split('.')[1];
  return fraction?.length ?? 0;
}

function ruleOf(registry: MetricRegistry, key: string): { rule: ComputeRule; variants: string[] } | undefined {
  const metric = registry.byId.get(key);
  if (metric) return { rule: metric.compute, variants: Object.keys(metric.variants ?? {}) };
  const part = registry.parts.get(key);
  return part ? { rule: part.part.compute, variants: [] } : undefined;
}

function methodOf(rule: ComputeRule): Partial<MethodVariants> {
  return 'method' in rule && rule.method ? { ...(rule.method as Partial<MethodVariants>) } : {};
}

/** The variant choices recorded on a value's provenance. */
function variantsOf(computed: ComputedMetric, area: ReconciliationRow['area'], force: string): Record<string, string> {
  const provenance = area === 'force' ? computed.rows.get(force)?.provenance : computed.englandWales.provenance;
  return { ...provenance?.variants };
}

/** Where a figure's value for one area is: the force's row, or England and Wales (when it is recomputed). */
function valueOf(computed: ComputedMetric, area: ReconciliationRow['area'], force: string): NumberOrMissing {
  if (area === 'england-and-wales')
    return computed.englandWales.method === 'published'
      ? missing('x', 'England and Wales is the printed value: the open data cannot rebuild it')
      : computed.englandWales.value;
  const row = computed.rows.get(force);
  if (!row) return missing('x', 'no row for this force');
  // A printed value standing in for data is not a recomputation.
  return row.provenance.source === PRINTED_SOURCE && !row.provenance.formula
    ? missing('x', 'the value shown is the printed one: the open data cannot rebuild it')
    : row.value;
}

function samePeriods(figure: PublishedFigure, computed: ComputedMetric): boolean {
  const typed = figure.period.typed;
  const period = computed.period;
  if (isMissing(typed) || isMissing(period)) return true;
  // A count of forces with an increase is printed under the later window of the change it counts.
  const later = period.type === 'change' && typed.type !== 'change' ? period.to : period;
  return JSON.stringify(typed) === JSON.stringify(later);
}

interface Context {
  release: MetricsRelease;
  registry: MetricRegistry;
  force: Force;
  forces: readonly string[];
}

/** The crime-rate figure the report printed for a selection (the base of a change's implied count). */
function printedRateFor(context: Context, selection: CrimeSelection): PublishedFigure | undefined {
  for (const metric of context.registry.metrics) {
    if (metric.compute.kind !== 'crime-rate' || metric.compute.selection !== selection) continue;
    const figure = publishedFigure(context.release, metric.id);
    if (figure) return figure;
  }
  return undefined;
}

function population2015(context: Context, area: ReconciliationRow['area']): NumberOrMissing {
  if (area === 'force') return populationOfYear(context.release.population, context.force.slug, 2015);
  let total = 0;
  for (const slug of context.forces) {
    const value = populationOfYear(context.release.population, slug, 2015);
    if (isMissing(value)) return value;
    total += value;
  }
  return total;
}

function countOf(
  context: Context,
  area: ReconciliationRow['area'],
  end: string,
  selection: CrimeSelection,
  method: MethodVariants,
): NumberOrMissing {
  return area === 'force'
    ? crimeCountWithFraudBase(context.release.recordedCrime, context.force.slug, end, selection, method)
    : englandWalesCrimeCount(context.release.recordedCrime, context.forces, end, selection, method).value;
}

const FULL_DEFAULTS: MethodVariants = {
  englandWales: 'annex-a-43-forces',
  fraudBase: 'excluded',
  denominator: 'mid-year-nearest',
};

/** Evidence that a later vintage explains the gap, or undefined when it does not. */
function vintageEvidence(
  context: Context,
  row: Omit<ReconciliationRow, 'cause' | 'evidence'>,
  rule: ComputeRule,
): { cause: 'data-vintage' | 'unexplained'; evidence: string } | undefined {
  const half = 0.5 * 10 ** -row.printed.decimals;
  const method = { ...FULL_DEFAULTS, ...methodOf(rule) };
  if (rule.kind === 'crime-rate') {
    const population = population2015(context, row.area);
    const count = countOf(context, row.area, '2016-06-30', rule.selection, method);
    if (isMissing(population) || isMissing(count)) return undefined;
    const [low, high] = [
      ((row.printed.value - half) * population) / 1000,
      ((row.printed.value + half) * population) / 1000,
    ];
    const implied = (row.printed.value * population) / 1000;
    const gap = (count - implied) / implied;
    const words =
      `The printed ${row.printed.text} over the mid-2015 population of ${grouped(population)} implies ` +
      `${grouped(Math.ceil(low))}–${grouped(Math.floor(high))} offences; the file has ${grouped(count)} ` +
      `(${gap >= 0 ? '+' : ''}${(gap * 100).toFixed(2)} %).`;
    return Math.abs(gap) <= VINTAGE_TOLERANCE
      ? { cause: 'data-vintage', evidence: `${words} A later vintage of the count explains the difference.` }
      : { cause: 'unexplained', evidence: `${words} Too large a gap for a data revision.` };
  }
  if (rule.kind === 'crime-change') {
    const rate = printedRateFor(context, rule.selection);
    const printedRate = rate?.[row.area === 'force' ? 'durham' : 'englandWales'].value;
    const population = population2015(context, row.area);
    const earlier = countOf(context, row.area, shiftYears('2016-06-30', -rule.yearsBack), rule.selection, method);
    if (typeof printedRate !== 'number' || isMissing(population) || isMissing(earlier)) return undefined;
    let implied = (printedRate * population) / 1000;
    const printedCount = implied;
    let btpNote = '';
    // The printed England and Wales rate includes BTP; a 43-force change needs BTP's count (from the file) out.
    if (row.area === 'england-and-wales' && method.englandWales === 'annex-a-43-forces') {
      const btp = englandWalesCrimeCount(context.release.recordedCrime, [], '2016-06-30', rule.selection, {
        englandWales: 'home-office-incl-btp',
        fraudBase: method.fraudBase,
      }).value;
      if (isMissing(btp)) return undefined;
      implied -= btp;
      btpNote = `, less British Transport Police's ${grouped(btp)} in the file: ${grouped(Math.round(implied))}`;
    }
    const change = percentChange(earlier, implied);
    if (isMissing(change)) return undefined;
    const shown = (value: number) => formatValue(value, { precision: row.printed.decimals, unit: 'percent change' });
    const words =
      `With the 2016 count the printed rate of ${rate?.[row.area === 'force' ? 'durham' : 'englandWales'].printed} ` +
      `per 1,000 implies (${grouped(Math.round(printedCount))}${btpNote}) over ` +
      `the file's ${grouped(earlier)} in the earlier 12 months, the change is ${shown(change)}.`;
    if (roundHalfAwayFromZero(change, row.printed.decimals) === row.printed.value)
      return { cause: 'data-vintage', evidence: `${words} A later vintage of the 2016 count explains the difference.` };
    // The printed rate is itself rounded (to 0.1 per 1,000): the counts it allows give a range of changes.
    const rateHalf = 0.05;
    const shift = (rateHalf * population) / 1000;
    const [low, high] = [percentChange(earlier, implied - shift), percentChange(earlier, implied + shift)];
    if (isMissing(low) || isMissing(high)) return undefined;
    const fits = low < row.printed.value + half && high >= row.printed.value - half;
    const range = `The printed rate's own rounding (±${rateHalf} per 1,000) allows ${shown(low)} to ${shown(high)}`;
    return fits
      ? {
          cause: 'data-vintage',
          evidence:
            `${words} ${range}, which holds the printed ${row.printed.text}: a later vintage of the 2016 count ` +
            'explains the difference.',
        }
      : {
          cause: 'unexplained',
          evidence: `${words} ${range}; that does not reproduce the printed ${row.printed.text} either.`,
        };
  }
  if (rule.kind === 'disclosure-rate' && row.area === 'force') {
    const count = publishedFigure(context.release, rule.count)?.durham.value;
    const population = population2015(context, 'force');
    if (typeof count !== 'number' || isMissing(population)) return undefined;
    const [low, high] = [(count / (row.printed.value + half)) * 1e5, (count / (row.printed.value - half)) * 1e5];
    const implied = (count / row.printed.value) * 1e5;
    const gap = (population - implied) / implied;
    const words =
      `The printed count ${grouped(count)} and rate ${row.printed.text} imply a population of ` +
      `${grouped(Math.ceil(low))}–${grouped(Math.floor(high))}; the revised ONS mid-2015 estimate in the file is ` +
      `${grouped(population)}.`;
    return Math.abs(gap) <= VINTAGE_TOLERANCE
      ? { cause: 'data-vintage', evidence: `${words} The population estimate was revised after the report.` }
      : { cause: 'unexplained', evidence: `${words} Too large a gap for a population revision.` };
  }
  return undefined;
}

function causeOf(
  context: Context,
  row: Omit<ReconciliationRow, 'cause' | 'evidence'>,
  rule: ComputeRule,
): { cause: ReconciliationCause; evidence: string } {
  const { decimals, value: printed, text } = row.printed;
  const shown = (value: number) =>
    formatValue(value, { precision: Number.isInteger(value) ? 0 : decimals + 2, unit: row.unit });
  const others = row.otherVariants
    .filter((other) => !isMissing(other.value))
    .map((other) => `under ${other.variant}: ${shown(other.value as number)}`);
  const otherWords = others.length > 0 ? ` (${others.join('; ')})` : '';
  if (isMissing(row.recomputed)) return { cause: 'unexplained', evidence: `Not recomputed: ${row.recomputed.reason}.` };
  if (roundHalfAwayFromZero(row.recomputed, decimals) === printed)
    return {
      cause: 'rounding',
      evidence: `Recomputed ${shown(row.recomputed)} prints as ${text}${otherWords}.`,
    };
  const variant = row.otherVariants.find(
    (other) => !isMissing(other.value) && roundHalfAwayFromZero(other.value, decimals) === printed,
  );
  if (variant)
    return {
      cause: 'method-variant',
      evidence: `Under ${variant.variant} the value is ${shown(variant.value as number)}, which prints as ${text}.`,
    };
  if (row.area === 'force' && context.force.slug === CITY_OF_LONDON)
    return { cause: 'resident-population', evidence: RECONCILIATION_CAUSE_TEXT['resident-population'] };
  const vintage = vintageEvidence(context, row, rule);
  if (vintage) return { ...vintage, evidence: `Recomputed ${shown(row.recomputed)}${otherWords}. ${vintage.evidence}` };
  return {
    cause: 'unexplained',
    evidence: `Recomputed ${shown(row.recomputed)}${otherWords}; no variant, vintage or rounding reproduces ${text}.`,
  };
}

/**
 * Every printed value of a force's report that the open data rebuild, with its recomputation, difference and cause.
 * Empty for a force whose report has not been transcribed (only Durham's has).
 * @example reconcilePrinted('durham').find((row) => row.figureId === 'crime_change_vs_2011')?.cause // 'data-vintage'
 */
export function reconcilePrinted(force: Force | string, options: ReconcileOptions = {}): ReconciliationRow[] {
  return reconcileRelease(force, resolveRelease(options.release), options.registry ?? METRIC_REGISTRY);
}

/**
 * reconcilePrinted with the release resolved (the report builder calls it).
 * @example reconcileRelease('kent', resolveRelease()) // [] (only Durham's report is transcribed)
 */
export function reconcileRelease(
  force: Force | string,
  release: MetricsRelease,
  registry: MetricRegistry = METRIC_REGISTRY,
): ReconciliationRow[] {
  const forces = territorialForcesOf(release);
  const slug = typeof force === 'string' ? force : force.slug;
  const forceRecord = forces.find((candidate) => candidate.slug === slug);
  if (!forceRecord)
    throw new RangeError(
      `reconcilePrinted: unknown territorial force ${JSON.stringify(force)}; e.g. reconcilePrinted('durham')`,
    );
  const printed = release.durhamPublished;
  // Only a transcribed report has printed values to reconcile (today Durham's).
  if (!printed || printed.force !== slug) return [];
  const context: Context = { release, registry, force: forceRecord, forces: forces.map((f) => f.slug) };
  const rows: ReconciliationRow[] = [];
  for (const figure of printed.figures) {
    const found = ruleOf(registry, figure.id);
    if (!found || found.rule.kind === 'printed') continue;
    const computed = computeKey(release, figure.id, { registry });
    if (!samePeriods(figure, computed)) continue;
    const variants = found.variants.map((variant) => ({
      variant,
      computed: computeKey(release, figure.id, { registry, variant }),
    }));
    const areas = [['force', figure.durham] as const, ['england-and-wales', figure.englandWales] as const];
    for (const [area, published] of areas) {
      if (typeof published.value !== 'number' || typeof published.printed !== 'string') continue;
      const recomputed = valueOf(computed, area, slug);
      if (isMissing(recomputed) && recomputed.reason.includes('printed')) continue;
      const decimals = decimalsOf(published.printed, published.value);
      const base = {
        figureId: figure.id,
        label: computed.label,
        unit: computed.unit,
        area,
        printed: { value: published.value, text: published.printed, decimals },
        recomputed,
        difference: isMissing(recomputed) ? recomputed : recomputed - published.value,
        method: variantsOf(computed, area, slug),
        // Only the variants that touch this value (the comparator does not change a force's own rate).
        otherVariants: variants
          .filter(({ computed: other }) => {
            const own = JSON.stringify(variantsOf(computed, area, slug));
            return JSON.stringify(variantsOf(other, area, slug)) !== own;
          })
          .map(({ variant, computed: other }) => ({ variant, value: valueOf(other, area, slug) })),
      };
      rows.push({ ...base, ...causeOf(context, base, found.rule) });
    }
  }
  return rows;
}
