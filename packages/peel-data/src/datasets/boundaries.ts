/** Police force area boundaries (ONS, December 2016, ultra generalised clipped), keyed by ONS code. */
import { boundaryData } from '../generated/boundaries.ts';
import type { BoundaryCollection, BoundaryFeature } from '../types/boundary.ts';

/**
 * GeoJSON FeatureCollection of the 43 police force areas (WGS84 lon/lat); each feature's `id` is its ONS code.
 * Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown
 * copyright and database right.
 * @example forceBoundaries.features.length // 43
 */
export const forceBoundaries: BoundaryCollection = boundaryData;

let byCode: Map<string, BoundaryFeature> | undefined;

/**
 * The boundary of one force area by ONS code (case-insensitive), or undefined.
 * @example getBoundary(forceBoundaries, 'E23000008')?.properties.slug // 'durham'
 */
export function getBoundary(collection: BoundaryCollection, code: string): BoundaryFeature | undefined {
  if (collection !== boundaryData) return collection.features.find((feature) => feature.id === code.toUpperCase());
  byCode ??= new Map(collection.features.map((feature) => [feature.id, feature]));
  return byCode.get(code.toUpperCase());
}
