import { z } from 'zod';
import { ForceSlugSchema } from './force.ts';

// The types live in types/boundary.ts (no zod), re-exported here for the import parsers.
export type { BoundaryCollection, BoundaryFeature, MultiPolygon, Polygon, Position } from '../types/boundary.ts';

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const LinearRing = z.array(Position).min(4);

/**
 * A GeoJSON Polygon in WGS84 longitude/latitude.
 * @example
 * PolygonSchema.safeParse({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }).success // true
 */
export const PolygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(LinearRing).min(1) }).strict();
/**
 * A GeoJSON MultiPolygon in WGS84 longitude/latitude.
 * @example
 * MultiPolygonSchema.safeParse({ type: 'MultiPolygon', coordinates: [] }).success // false (at least one polygon)
 */
export const MultiPolygonSchema = z
  .object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(LinearRing).min(1)).min(1) })
  .strict();

/**
 * One police force area: its ONS code as the feature id, WGS84 lon/lat coordinates.
 * @example BoundaryFeatureSchema.parse(forceBoundaries.features[0]).id // 'E23000001'
 */
export const BoundaryFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.string().regex(/^(E23|W15)\d{6}$/),
    properties: z
      .object({
        code: z.string().regex(/^(E23|W15)\d{6}$/),
        /** ONS area name (`PFA16NM`). */
        name: z.string(),
        slug: ForceSlugSchema,
        /** ONS label point [longitude, latitude]. */
        labelPoint: Position,
      })
      .strict(),
    geometry: z.discriminatedUnion('type', [PolygonSchema, MultiPolygonSchema]),
  })
  .strict();

/**
 * The 43 police force areas of England and Wales (December 2016, ultra generalised, clipped).
 * @example BoundaryCollectionSchema.safeParse(forceBoundaries).success // true
 */
export const BoundaryCollectionSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(BoundaryFeatureSchema).length(43) })
  .strict();
