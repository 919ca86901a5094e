import { z } from 'zod';
import { PeriodSchema } from './period.ts';

/**
 * Ids of the source datasets that peel-data is built from (folders under packages/peel-data/data/raw).
 * @example SOURCE_IDS.includes('ons-rec-crime-pfa') // true
 */
export const SOURCE_IDS = [
  'ons-rec-crime-pfa',
  'ons-mye-lad-2001-2020',
  'ons-lad-csp-pfa-lookup-2017',
  'ons-pfa-households-mid2018',
  'ons-pfa-boundaries-dec2016',
  'ho-outcomes-2017-18',
  'policeuk-aggregates-2012-2016',
  'policeuk-forces',
  'peel-effectiveness-grades-2015-2017',
  'peel2016-effectiveness-judgments',
  'peel-2016-durham-report',
  'pfa-population-england-2009-2019',
  'policeuk-street-sample',
] as const;
/** One of SOURCE_IDS. */
export type SourceId = (typeof SOURCE_IDS)[number];
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
/** See SourceSchema. */
export type Source = z.infer<typeof SourceSchema>;

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
  })
  .strict();
/** See ProvenanceSchema. */
export type Provenance = z.infer<typeof ProvenanceSchema>;
