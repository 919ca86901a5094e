// peel-data/boundaries: police force area boundaries for maps (a separate entry so nobody pays for it unasked).
export type { BoundaryCollection, BoundaryFeature } from './types/boundary.ts';
export { forceBoundaries, getBoundary } from './datasets/boundaries.ts';
