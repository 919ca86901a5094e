import { describe, expect, it } from 'vitest';
import { exclusionsFor } from './exclusions.ts';
import { exclusionNote } from './exclusion-note.ts';

describe('exclusionNote', () => {
  it.each([
    { slug: 'dorset', name: 'Dorset Police' },
    { slug: 'nottinghamshire', name: 'Nottinghamshire Police' },
  ])('names $slug as "$name", never by its slug', ({ slug, name }) => {
    const rule = exclusionsFor('da_outcome_rate').find((candidate) => candidate.force === slug);
    expect(rule).toBeDefined();
    const note = exclusionNote(rule!);
    expect(note.startsWith(`${name}: `)).toBe(true);
    expect(note).toContain(rule!.reason);
  });
});

describe('report notes', () => {
  it('never start with a force slug', async () => {
    const { buildForceReport } = await import('./report/build-force-report.ts');
    const { territorialForces } = await import('peel-data');
    const report = buildForceReport('durham');
    const notes = report.figures.flatMap((figure) => figure.notes);
    expect(notes.length).toBeGreaterThan(0);
    for (const force of territorialForces)
      for (const note of notes) expect(note.startsWith(`${force.slug}:`)).toBe(false);
    expect(notes.some((note) => note.startsWith('Dorset Police: '))).toBe(true);
  });
});
