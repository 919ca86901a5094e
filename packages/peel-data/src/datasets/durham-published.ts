/** The figures printed in HMIC's PEEL: Police effectiveness 2016 report on Durham Constabulary. */
import { durhamPublishedData } from '../generated/durham-published.ts';
import type { DurhamPublished, PublishedFigure } from '../types/published.ts';

/**
 * Every value the Durham 2016 report prints, with printed text, period, source and notes. These are the
 * report's numbers, kept apart from anything peel computes (use them to check recomputed metrics).
 * @example durhamPublished.figures.find((f) => f.id === 'ocgs_per_million')?.durham // { value: 48, printed: '48' }
 */
export const durhamPublished: DurhamPublished = durhamPublishedData;

/**
 * A printed figure by id, or undefined.
 * @example getPublishedFigure(durhamPublished, 'crime_rate_assault_with_injury')?.englandWales.printed // '7.0'
 */
export function getPublishedFigure(dataset: DurhamPublished, id: string): PublishedFigure | undefined {
  return dataset.figures.find((figure) => figure.id === id);
}
