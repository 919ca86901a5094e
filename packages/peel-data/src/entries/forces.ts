// peel-data/forces: the forces table alone (also in the main entry).
export { COUNTRIES, FORCE_KINDS } from '../types/force.ts';
export type { Country, Force, ForceKind } from '../types/force.ts';
export {
  ENGLAND_AND_WALES,
  UnknownForceError,
  UnknownForceNameError,
  findForce,
  forces,
  getForce,
  resolveForce,
  resolveForceName,
  territorialForces,
} from '../datasets/forces.ts';
