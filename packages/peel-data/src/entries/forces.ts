// peel-data/forces: the forces table alone (also in the main entry).
export { COUNTRIES, FORCE_KINDS, ForceSchema, ForceSlugSchema } from '../schema/force.ts';
export type { Country, Force, ForceKind } from '../schema/force.ts';
export {
  ENGLAND_AND_WALES,
  UnknownForceNameError,
  forces,
  getForce,
  resolveForceName,
  territorialForces,
} from '../datasets/forces.ts';
