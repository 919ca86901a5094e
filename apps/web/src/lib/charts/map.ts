/**
 * Projects police force area boundaries to SVG paths on the server, so the map needs no JavaScript.
 * Albers equal-area, centred on England and Wales, fitted to the box; coordinates rounded to 0.1 px
 * (the boundaries are ONS "ultra generalised" already, so finer digits only add bytes).
 */
import { geoAlbers, geoArea, geoPath } from 'd3-geo';
import type { ExtendedFeatureCollection, ExtendedFeature } from 'd3-geo';

export interface ProjectedArea {
  code: string;
  d: string;
  /** Label point (projected centroid), for a focus ring or annotation. */
  centroid: [number, number];
}

/**
 * d3-geo reads polygon rings with the opposite winding to RFC 7946; a ring wound the "wrong" way covers
 * the whole globe minus the area. Reverse such rings rather than draw a world-sized polygon.
 */
function rewound(feature: ExtendedFeature): ExtendedFeature {
  if (geoArea(feature) <= 2 * Math.PI || !feature.geometry) return feature;
  const geometry = feature.geometry;
  if (geometry.type === 'Polygon') {
    return {
      ...feature,
      geometry: { ...geometry, coordinates: geometry.coordinates.map((ring) => [...ring].reverse()) },
    };
  }
  if (geometry.type === 'MultiPolygon') {
    return {
      ...feature,
      geometry: {
        ...geometry,
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => [...ring].reverse())),
      },
    };
  }
  return feature;
}

/**
 * @param codeOf reads the ONS code from a feature (the boundaries are keyed by code).
 * @example
 * const areas = projectBoundaries(boundaries, { width: 400, height: 480, codeOf: (f) => String(f.id) });
 * areas.find((a) => a.code === 'E23000008')?.d.startsWith('M') // true
 */
export function projectBoundaries(
  collection: ExtendedFeatureCollection,
  {
    width = 400,
    height = 480,
    codeOf,
  }: { width?: number; height?: number; codeOf: (feature: ExtendedFeature) => string },
): ProjectedArea[] {
  if (collection.features.length === 0) {
    throw new TypeError('projectBoundaries: the FeatureCollection has no features; expected the 43 police force areas');
  }
  const features = collection.features.map(rewound);
  const projection = geoAlbers().center([0, 52.6]).rotate([2.5, 0]).parallels([50, 55]);
  projection.fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    { type: 'FeatureCollection', features },
  );
  const path = geoPath(projection).digits(1);
  return features.map((feature) => {
    const [cx, cy] = path.centroid(feature);
    return {
      code: codeOf(feature),
      d: path(feature) ?? '',
      centroid: [Math.round(cx * 10) / 10, Math.round(cy * 10) / 10],
    };
  });
}
