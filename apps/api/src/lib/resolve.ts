/**
 * Path parameters that name a force: a slug (`durham`) or an ONS code (`E23000008`), case-insensitive.
 * Anything else is a 404 problem that suggests the closest slugs.
 */
import { type Force, getForce, territorialForces } from 'peel-data';
import { ProblemError } from '../http/problem.ts';
import { suggest } from './suggest.ts';

const slugs = () => territorialForces.map((force) => force.slug);

/**
 * The territorial force a parameter names, or a ProblemError (404 with suggestions; 404 with the reason for
 * British Transport Police and the England and Wales aggregate, which PEEL does not inspect as forces).
 * @example resolveForce('E23000008').slug // 'durham'
 * @example resolveForce('durhm') // throws ProblemError: "No police force 'durhm'. Did you mean 'durham'? …"
 */
export function resolveForce(param: string, parameter = 'force'): Force {
  const force = getForce(param) ?? getForce(param.trim().toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-'));
  if (force?.kind === 'territorial') return force;
  if (force) {
    throw new ProblemError({
      status: 404,
      code: 'not-a-territorial-force',
      parameter,
      detail: `'${param}' is ${force.name}, which PEEL 2016 does not inspect as a force; use one of the 43 territorial forces, e.g. 'durham'.`,
      validValues: slugs(),
    });
  }
  const suggestions = suggest(param.replace(/[^A-Za-z0-9-]+/g, '-'), slugs());
  throw new ProblemError({
    status: 404,
    code: 'unknown-force',
    parameter,
    detail: `No police force '${clip(param)}'.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : ''} Use a slug such as 'durham' or an ONS code such as 'E23000008'; GET /v1/forces lists all 43.`,
    suggestions,
    validValues: slugs(),
  });
}

/** Shortens user input echoed in an error message. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
