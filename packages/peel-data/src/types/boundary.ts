// Force area boundaries (GeoJSON), zod-free (the zod schemas are in schema/boundary.ts).

/** A [longitude, latitude] position in WGS84. */
export type Position = [number, number];

/** A GeoJSON Polygon in WGS84 longitude/latitude. */
export type Polygon = { type: 'Polygon'; coordinates: Position[][] };

/** A GeoJSON MultiPolygon in WGS84 longitude/latitude. */
export type MultiPolygon = { type: 'MultiPolygon'; coordinates: Position[][][] };

/** One police force area: its ONS code as the feature id, WGS84 lon/lat coordinates. */
export type BoundaryFeature = {
  type: 'Feature';
  id: string;
  properties: {
    code: string;
    /** ONS area name (`PFA16NM`). */
    name: string;
    slug: string;
    /** ONS label point [longitude, latitude]. */
    labelPoint: Position;
  };
  geometry: Polygon | MultiPolygon;
};

/** The 43 police force areas of England and Wales (December 2016, ultra generalised, clipped). */
export type BoundaryCollection = { type: 'FeatureCollection'; features: BoundaryFeature[] };
