/**
 * Generates src/generated/boundaries.ts from the ONS Police Force Areas (December 2016) Ultra
 * Generalised Clipped GeoJSON. Transformations: features keyed by ONS code (`id`), properties reduced
 * to code, ONS name, force slug and ONS label point; coordinates rounded to 5 decimal places (about
 * 1 metre, far finer than the ultra-generalised lines); ordered by ONS code.
 */
import { readFileSync } from 'node:fs';
import { BoundaryCollectionSchema, type BoundaryCollection } from '../../src/schema/boundary.ts';
import { getForce } from '../../src/datasets/forces.ts';
import { rawPath } from '../lib/raw.ts';
import { BOUNDARIES_FILE } from '../lib/source-names.ts';
import { writeGeneratedModule } from '../lib/generated.ts';

type Coordinates = number | Coordinates[];
const round = (coordinates: Coordinates): Coordinates =>
  typeof coordinates === 'number' ? Math.round(coordinates * 1e5) / 1e5 : coordinates.map(round);

/** Builds the validated boundary collection (throws naming the feature on a code that is no force). */
export function buildBoundaries(): BoundaryCollection {
  const where = `data/raw/ons-pfa-dec2016-ugc-boundaries/${BOUNDARIES_FILE}`;
  const geojson = JSON.parse(readFileSync(rawPath('ons-pfa-dec2016-ugc-boundaries', BOUNDARIES_FILE), 'utf8')) as {
    features: {
      properties: { PFA16CD: string; PFA16NM: string; LONG: number; LAT: number };
      geometry: { type: string; coordinates: Coordinates };
    }[];
  };
  const features = geojson.features.map((feature, index) => {
    const { PFA16CD: code, PFA16NM: name, LONG, LAT } = feature.properties;
    const force = getForce(code);
    if (!force)
      throw new Error(`${where}, feature ${index}: PFA16CD ${JSON.stringify(code)} is no force in the forces table`);
    return {
      type: 'Feature',
      id: code,
      properties: { code, name, slug: force.slug, labelPoint: [LONG, LAT] },
      geometry: { type: feature.geometry.type, coordinates: round(feature.geometry.coordinates) },
    };
  });
  features.sort((a, b) => a.id.localeCompare(b.id));
  const parsed = BoundaryCollectionSchema.safeParse({ type: 'FeatureCollection', features });
  if (!parsed.success)
    throw new Error(
      `${where}: ${parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  return parsed.data;
}

export async function generate(): Promise<void> {
  const collection = buildBoundaries();
  const features = collection.features.map((feature) => `    ${JSON.stringify(feature)},`).join('\n');
  writeGeneratedModule(
    'boundaries',
    `import type { BoundaryCollection } from '../types/boundary.ts';\n\nexport const boundaryData: ` +
      `BoundaryCollection = {\n  type: 'FeatureCollection',\n  features: [\n${features}\n  ],\n};\n`,
  );
}
