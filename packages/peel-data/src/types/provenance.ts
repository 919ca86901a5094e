// Sources and provenance, zod-free (the zod schemas are in schema/provenance.ts).
import type { NumberOrMissing } from './missing.ts';
import type { Period } from './period.ts';

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

/** Where one dataset came from: enough to cite it and to redo the transformation. */
export type Source = {
  id: SourceId;
  title: string;
  publisher: string;
  licence: string;
  /** Attribution text the Open Government Licence v3.0 asks re-users to show. */
  attribution: string;
  upstream: string;
  vintage: string;
  files: string[];
  transformations: string[];
  caveats: string[];
};

/** What the denominator of a ratio counts: residents (a population estimate), or things (offences recorded…). */
export const DENOMINATOR_KINDS = ['population', 'count'] as const;
/** One of DENOMINATOR_KINDS. */
export type DenominatorKind = (typeof DENOMINATOR_KINDS)[number];

/**
 * The counts behind a ratio (a rate per 1,000, a proportion, a percentage change), so that a reader can check the
 * value (`numerator ÷ denominator × scale`) and re-aggregate it (sum numerators, sum denominators). For a percentage
 * change the numerator is the change in the count (later − earlier) and the denominator the earlier count.
 */
export type RatioCounts = {
  /** The count divided, unrounded; Missing with the reason where there is none. */
  numerator: NumberOrMissing;
  /** What it is divided by: a population or a count. */
  denominator: NumberOrMissing;
  denominatorKind: DenominatorKind;
  /** The mid-year of the ONS population estimate (population denominators only). */
  populationYear?: number | undefined;
  /** value = numerator ÷ denominator × scale (1000 for per 1,000, 100 for a percentage). */
  scale: number;
};

/** Provenance of one value: which dataset, which period, and how it was derived. */
export type Provenance = {
  source: SourceId;
  /** Further sources (e.g. the population denominator of a rate). */
  alsoFrom?: SourceId[] | undefined;
  period?: Period | undefined;
  denominator?: string | undefined;
  formula?: string | undefined;
  exclusions?: string[] | undefined;
  note?: string | undefined;
  /** The named method choices that produced the value (peel-metrics' method variants, e.g. englandWales). */
  variants?: Record<string, string> | undefined;
  /** The counts behind a ratio (numerator, denominator and, for a population, its year). */
  counts?: RatioCounts | undefined;
};
