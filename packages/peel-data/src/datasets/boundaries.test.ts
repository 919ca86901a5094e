import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BoundaryCollectionSchema } from '../schema/boundary.ts';
import { rawPath } from '../../scripts/lib/raw.ts';
import { BOUNDARIES_FILE } from '../../scripts/lib/source-names.ts';
import { buildBoundaries } from '../../scripts/gen/boundaries.ts';
import { territorialForces } from './forces.ts';
import { forceBoundaries, getBoundary } from './boundaries.ts';

describe('forceBoundaries', () => {
  it('validates and equals a fresh build from the GeoJSON', () => {
    expect(BoundaryCollectionSchema.safeParse(forceBoundaries).success).toBe(true);
    expect(forceBoundaries).toEqual(buildBoundaries());
  });

  it('has one feature per territorial force, keyed by its ONS code', () => {
    expect(forceBoundaries.features.map((feature) => feature.id)).toEqual(territorialForces.map((force) => force.code));
    for (const force of territorialForces)
      expect(getBoundary(forceBoundaries, force.code as string)?.properties.slug).toBe(force.slug);
    expect(getBoundary(forceBoundaries, 'e23000008')?.properties.name).toBe('Durham');
  });

  it('keeps every vertex of the source within 1e-5 degrees (rounding only)', () => {
    const raw = JSON.parse(readFileSync(rawPath('ons-pfa-dec2016-ugc-boundaries', BOUNDARIES_FILE), 'utf8')) as {
      features: { properties: { PFA16CD: string }; geometry: { coordinates: unknown } }[];
    };
    const flatten = (value: unknown): number[] => (Array.isArray(value) ? value.flatMap(flatten) : [value as number]);
    for (const feature of raw.features) {
      const source = flatten(feature.geometry.coordinates);
      const ours = flatten(getBoundary(forceBoundaries, feature.properties.PFA16CD)!.geometry.coordinates);
      expect(ours).toHaveLength(source.length);
      expect(Math.max(...source.map((value, index) => Math.abs(value - ours[index]!)))).toBeLessThanOrEqual(
        0.5e-5 + 1e-12,
      );
    }
  });
});
