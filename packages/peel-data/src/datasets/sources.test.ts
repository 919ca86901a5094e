import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_IDS, SourceSchema } from '../schema/provenance.ts';
import { PACKAGE_DIR } from '../../scripts/lib/raw.ts';
import { getSource, sources } from './sources.ts';

describe('sources', () => {
  it('has exactly one valid entry per SourceId', () => {
    expect(sources.map((source) => source.id).sort()).toEqual([...SOURCE_IDS].sort());
    for (const source of sources) expect(SourceSchema.safeParse(source).success, source.id).toBe(true);
  });

  it('names files that exist, and covers every raw folder', () => {
    const named = sources.flatMap((source) => source.files);
    for (const file of named) expect(existsSync(join(PACKAGE_DIR, file)), file).toBe(true);
    for (const folder of readdirSync(join(PACKAGE_DIR, 'data', 'raw'))) {
      expect(
        named.some((file) => file.startsWith(`data/raw/${folder}/`)),
        folder,
      ).toBe(true);
    }
  });

  it('gives OGL sources an attribution statement naming the licence', () => {
    for (const source of sources) {
      expect(source.licence).toMatch(/Open Government Licence v3\.0/);
      expect(source.attribution).toMatch(/Open Government Licence v\.?3\.0/);
    }
    expect(getSource('ons-pfa-boundaries-dec2016')?.attribution).toMatch(/Contains OS data © Crown copyright/);
  });
});
