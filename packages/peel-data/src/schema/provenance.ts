import { z } from 'zod';
import { DENOMINATOR_KINDS, SOURCE_IDS } from '../types/provenance.ts';
import { NumberOrMissingSchema } from './missing.ts';
import { PeriodSchema } from './period.ts';

// The plain parts live in types/provenance.ts (no zod), re-exported here for the import parsers.
export { SOURCE_IDS } from '../types/provenance.ts';
export type { DenominatorKind, Provenance, RatioCounts, Source, SourceId } from '../types/provenance.ts';

/**
 * Validates a SourceId.
 * @example SourceIdSchema.parse('ho-outcomes-2017-18') // 'ho-outcomes-2017-18'
 */
export const SourceIdSchema = z.enum(SOURCE_IDS);

/**
 * Where one dataset came from: enough to cite it and to redo the transformation.
 * @example SourceSchema.parse(getSource('ons-rec-crime-pfa')).publisher
 */
export const SourceSchema = z
  .object({
    id: z.enum(SOURCE_IDS),
    title: z.string(),
    publisher: z.string(),
    licence: z.string(),
    /** Attribution text the Open Government Licence v3.0 asks re-users to show. */
    attribution: z.string(),
    upstream: z.string(),
    vintage: z.string(),
    files: z.array(z.string()),
    transformations: z.array(z.string()),
    caveats: z.array(z.string()),
  })
  .strict();

/**
 * The counts behind a ratio: value = numerator ÷ denominator × scale.
 * @example RatioCountsSchema.parse({ numerator: 40, denominator: 2000, denominatorKind: 'population', scale: 1000 })
 */
export const RatioCountsSchema = z
  .object({
    numerator: NumberOrMissingSchema,
    denominator: NumberOrMissingSchema,
    denominatorKind: z.enum(DENOMINATOR_KINDS),
    /** The mid-year of the ONS population estimate (population denominators only). */
    populationYear: z.number().int().optional(),
    scale: z.number().positive(),
  })
  .strict();

/**
 * Provenance of one value: which dataset, which period, and how it was derived.
 * @example ProvenanceSchema.parse({ source: 'ons-rec-crime-pfa', period: { type: 'rolling-12m', end: '2016-06-30' } })
 */
export const ProvenanceSchema = z
  .object({
    source: z.enum(SOURCE_IDS),
    /** Further sources (e.g. the population denominator of a rate). */
    alsoFrom: z.array(z.enum(SOURCE_IDS)).optional(),
    period: PeriodSchema.optional(),
    denominator: z.string().optional(),
    formula: z.string().optional(),
    exclusions: z.array(z.string()).optional(),
    note: z.string().optional(),
    /** The named method choices that produced the value (peel-metrics' method variants, e.g. englandWales). */
    variants: z.record(z.string(), z.string()).optional(),
    /** The counts behind a ratio (numerator, denominator and, for a population, its year). */
    counts: RatioCountsSchema.optional(),
  })
  .strict();
