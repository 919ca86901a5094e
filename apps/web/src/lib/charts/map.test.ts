import { readFileSync } from 'node:fs';
import type { ExtendedFeatureCollection } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { projectBoundaries } from './map.ts';

// The real ONS boundary file (the same one peel-data ships), read here only as a test fixture.
const boundaries = JSON.parse(
  readFileSync(
    new URL(
      '../../../../../packages/peel-data/data/raw/ons-pfa-dec2016-ugc-boundaries/' +
        'Police_Force_Areas_December_2016_UGC_EW.geojson',
      import.meta.url,
    ),
    'utf8',
  ),
) as ExtendedFeatureCollection;
const codeOf = (feature: ExtendedFeatureCollection['features'][number]) => String(feature.properties?.['PFA16CD']);

function extent(d: string): { minX: number; maxX: number; minY: number; maxY: number } {
  const numbers = d.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
  const xs = numbers.filter((_, index) => index % 2 === 0);
  const ys = numbers.filter((_, index) => index % 2 === 1);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

describe('projectBoundaries', () => {
  const areas = projectBoundaries(boundaries, { width: 400, height: 480, codeOf });

  it('draws one path per police force area, keyed by ONS code', () => {
    expect(areas).toHaveLength(43);
    expect(new Set(areas.map((area) => area.code)).size).toBe(43);
    expect(areas.every((area) => area.d.startsWith('M'))).toBe(true);
  });

  it('keeps every area inside the box', () => {
    for (const area of areas) {
      const box = extent(area.d);
      expect(box.minX, area.code).toBeGreaterThanOrEqual(0);
      expect(box.maxX, area.code).toBeLessThanOrEqual(400);
      expect(box.minY, area.code).toBeGreaterThanOrEqual(0);
      expect(box.maxY, area.code).toBeLessThanOrEqual(480);
    }
  });

  it('puts the north above the south and Wales west of London', () => {
    const centre = (code: string) => areas.find((area) => area.code === code)?.centroid ?? [NaN, NaN];
    const northumbria = centre('E23000007');
    const devon = centre('E23000035');
    const dyfedPowys = centre('W15000004');
    const metropolitan = centre('E23000001');
    expect(northumbria[1]).toBeLessThan(devon[1]);
    expect(dyfedPowys[0]).toBeLessThan(metropolitan[0]);
  });

  it('rewinds rings given in RFC 7946 order instead of drawing the whole globe', () => {
    const first = boundaries.features[0]!;
    const reversed = structuredClone(first);
    if (reversed.geometry?.type === 'Polygon')
      reversed.geometry.coordinates = reversed.geometry.coordinates.map((ring) => [...ring].reverse());
    if (reversed.geometry?.type === 'MultiPolygon')
      reversed.geometry.coordinates = reversed.geometry.coordinates.map((p) => p.map((ring) => [...ring].reverse()));
    const [normal] = projectBoundaries({ type: 'FeatureCollection', features: [first] }, { codeOf });
    const [fixed] = projectBoundaries({ type: 'FeatureCollection', features: [reversed] }, { codeOf });
    expect(extent(fixed!.d)).toEqual(extent(normal!.d));
  });

  it('refuses an empty collection with a clear message', () => {
    expect(() => projectBoundaries({ type: 'FeatureCollection', features: [] }, { codeOf })).toThrow(/no features/);
  });
});
