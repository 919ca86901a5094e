/**
 * Path and query parameters that name things: a force (slug such as `durham`, ONS code such as `E23000008`, name or
 * short name, case-insensitive: peel-data's findForce) and a metric (a catalogue id). Anything else is a problem that
 * suggests the closest names.
 */
import { findForce, type Force } from 'peel-data';
import type { RegistryDefinition } from 'peel-metrics';
import { ProblemError } from '../http/problem.ts';
import { suggest } from './suggest.ts';

/**
 * The territorial force a parameter names, or a ProblemError: 404 with the closest slugs, or 404 with the reason
 * for British Transport Police and the England and Wales aggregate (PEEL does not inspect them as forces).
 * @example resolveForce(forces, 'E23000008').slug // 'durham'
 * @example resolveForce(forces, 'durhm') // throws ProblemError: "No police force 'durhm'. Did you mean 'durham'? …"
 */
export function resolveForce(forces: readonly Force[], param: string, parameter = 'force'): Force {
  // peel-data's one resolver: slug, ONS code, name or short name, any case.
  const force = findForce(forces, param);
  if (force?.kind === 'territorial') return force;
  const slugs = forces.filter((f) => f.kind === 'territorial').map((f) => f.slug);
  if (force) {
    throw new ProblemError({
      status: 404,
      code: 'not-a-territorial-force',
      parameter,
      detail:
        `'${clip(param)}' is ${force.name}, which PEEL 2016 does not inspect as a force; ` +
        "use one of the 43 territorial forces, e.g. 'durham'.",
      validValues: slugs,
    });
  }
  const suggestions = suggest(param.replace(/[^A-Za-z0-9-]+/g, '-'), slugs);
  throw new ProblemError({
    status: 404,
    code: 'unknown-force',
    parameter,
    detail:
      `No police force '${clip(param)}'.${didYouMean(suggestions)} ` +
      "Use a slug such as 'durham' or an ONS code such as 'E23000008'; GET /v1/forces lists all 43.",
    suggestions,
    validValues: slugs,
  });
}

/**
 * The catalogue entry a metric parameter names, or a ProblemError (404 with the closest ids).
 * @example
 * resolveMetric(metricDefinitions(), 'asb_rate').label
 * // 'Anti-social behaviour incidents per 1,000 population'
 */
export function resolveMetric(
  catalogue: readonly RegistryDefinition[],
  param: string,
  { parameter = 'metric', status = 404 as 400 | 404 } = {},
): RegistryDefinition {
  const definition = catalogue.find((entry) => entry.id === param);
  if (definition) return definition;
  const ids = catalogue.map((entry) => entry.id);
  const suggestions = suggest(param, ids);
  throw new ProblemError({
    status,
    code: 'unknown-metric',
    parameter,
    detail:
      `No metric '${clip(param)}'.${didYouMean(suggestions)} ` +
      `GET /v1/metrics lists the ${ids.length} metrics of the catalogue.`,
    suggestions,
    validValues: ids,
  });
}

/** " Did you mean 'a' or 'b'?" for suggestions, or nothing. */
const didYouMean = (suggestions: readonly string[]): string =>
  suggestions.length ? ` Did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : '';

/**
 * Shortens user input echoed in an error message.
 * @example clip('x'.repeat(100), 10) // 'xxxxxxxxx…'
 */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
