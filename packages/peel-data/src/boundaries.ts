// peel-data/boundaries: police force area boundaries for maps (a separate entry so nobody pays for it unasked).
export {
  BoundaryCollectionSchema,
  BoundaryFeatureSchema,
  MultiPolygonSchema,
  PolygonSchema,
} from './schema/boundary.ts';
export type { BoundaryCollection, BoundaryFeature } from './schema/boundary.ts';
export { forceBoundaries, getBoundary } from './datasets/boundaries.ts';
