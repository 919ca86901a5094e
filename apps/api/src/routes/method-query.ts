/**
 * The method query parameters of the metric endpoints (issue 10): a caller picks the method variants of a metric
 * (peel-metrics' method-variants.ts: `englandWales`, `fraudBase`, `denominator`) and can rank City of London on
 * population rates (`rankCityOfLondon=true`). A value equal to the metric's default is the default answer; a choice
 * the metric does not have is a 400 problem naming the parameter and the valid values.
 */
import { z } from '@hono/zod-openapi';
import {
  createRegistry,
  DENOMINATOR_VARIANTS,
  ENGLAND_WALES_VARIANTS,
  FRAUD_BASE_VARIANTS,
  METHOD_VARIANT_TEXT,
  type MetricRegistry,
  rankingCityOfLondon,
} from 'peel-metrics';
import { ProblemError } from '../http/problem.ts';

const DIMENSIONS = {
  englandWales: ENGLAND_WALES_VARIANTS,
  fraudBase: FRAUD_BASE_VARIANTS,
  denominator: DENOMINATOR_VARIANTS,
} as const;
type Dimension = keyof typeof DIMENSIONS;

const describe = (values: readonly (keyof typeof METHOD_VARIANT_TEXT)[]) =>
  values.map((value) => `'${value}': ${METHOD_VARIANT_TEXT[value].label}`).join('; ');

/**
 * The query schema shape of the method parameters, enums in the OpenAPI spec.
 * @example strictQuery('/v1/metrics/{metric}', { period: PeriodQuerySchema, ...METHOD_QUERY })
 */
export const METHOD_QUERY = {
  englandWales: z
    .enum(ENGLAND_WALES_VARIANTS)
    .optional()
    .openapi({
      description:
        'Recorded-crime rates and changes: how England and Wales is formed. ' +
        `${describe(ENGLAND_WALES_VARIANTS)}. Default: the PEEL 2016 report's (the Home Office's for rates, the 43 ` +
        'forces for changes).',
      example: 'annex-a-43-forces',
    }),
  fraudBase: z
    .enum(FRAUD_BASE_VARIANTS)
    .optional()
    .openapi({
      description:
        `Recorded-crime changes: what "excluding fraud" leaves out. ${describe(FRAUD_BASE_VARIANTS)}. Default: ` +
        "forces' own fraud kept in the base (reproduces print).",
      example: 'excluded',
    }),
  denominator: z
    .enum(DENOMINATOR_VARIANTS)
    .optional()
    .openapi({
      description:
        'The five-year crime rate series (Figure 1): which population divides each year. ' +
        `${describe(DENOMINATOR_VARIANTS)}. Default: mid-2015 (Annex A).`,
      example: 'mid-year-nearest',
    }),
  rankCityOfLondon: z
    .enum(['true', 'false'])
    .optional()
    .openapi({
      description:
        "Population rates: 'true' ranks and bands City of London (its resident-only rates are 5–10 times any other " +
        "force's, so it is left out of ranks and bands by default; its value and offences stay in either case).",
      example: 'true',
    }),
};

/** The method parameters as the route reads them. */
export type MethodQuery = { [D in Dimension]?: string } & { rankCityOfLondon?: 'true' | 'false' | undefined };

/** What a request's method parameters resolve to: the engine's variant, the registry, and words for the answer. */
export type ChosenMethod = {
  /** The variant names joined by commas, for the engine; undefined for the default method. */
  variant?: string;
  registry: MetricRegistry;
  /** `englandWales=…; rankCityOfLondon=true`: what was chosen, '' for the default (cache keys, CSV, file names). */
  label: string;
};

const rankingRegistries = new WeakMap<MetricRegistry, MetricRegistry>();

/** The registry with City of London ranked: one per registry, so the engine's cache is shared across requests. */
function rankingRegistryOf(registry: MetricRegistry): MetricRegistry {
  let ranking = rankingRegistries.get(registry);
  if (!ranking)
    rankingRegistries.set(
      registry,
      (ranking = createRegistry(registry.metrics, rankingCityOfLondon(registry.exclusions))),
    );
  return ranking;
}

/**
 * Resolves the method parameters for a metric: a dimension the metric's method does not have, or a value it has no
 * variant for, is a 400 problem listing what the metric accepts.
 * @example chosenMethod(registry, 'crime_rate_total_excl_fraud', { englandWales: 'annex-a-43-forces' }).variant
 * // 'englandWales:annex-a-43-forces'
 */
export function chosenMethod(registry: MetricRegistry, metricId: string, query: MethodQuery): ChosenMethod {
  const entry = registry.byId.get(metricId);
  const defaults = entry && 'method' in entry.compute ? entry.compute.method : undefined;
  const variants = Object.keys(entry?.variants ?? {});
  const names: string[] = [];
  const words: string[] = [];
  for (const dimension of Object.keys(DIMENSIONS) as Dimension[]) {
    const value = query[dimension];
    if (value === undefined) continue;
    const name = `${dimension}:${value}`;
    const own = variants.filter((candidate) => candidate.startsWith(`${dimension}:`));
    if (defaults?.[dimension] === value && own.length > 0) continue;
    if (!variants.includes(name)) {
      const validValues = own.length > 0 && defaults ? [defaults[dimension], ...own.map((v) => v.split(':')[1]!)] : [];
      throw new ProblemError({
        status: 400,
        code: 'invalid-query',
        parameter: dimension,
        detail:
          own.length === 0
            ? `Query parameter '${dimension}' does not apply to ${metricId}: its method has no ${dimension} choice.` +
              ` Metrics with method variants list them in their catalogue entry's comparator text.`
            : `Query parameter '${dimension}' '${value}' is not a method of ${metricId}. Valid values: ` +
              `${validValues.join(', ')}.`,
        ...(validValues.length ? { validValues } : {}),
      });
    }
    names.push(name);
    words.push(`${dimension}=${value}`);
  }
  const ranked = query.rankCityOfLondon === 'true';
  if (ranked) words.push('rankCityOfLondon=true');
  return {
    ...(names.length ? { variant: names.join(',') } : {}),
    registry: ranked ? rankingRegistryOf(registry) : registry,
    label: words.join('; '),
  };
}
