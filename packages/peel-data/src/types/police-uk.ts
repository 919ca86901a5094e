// data.police.uk counts: the datasets' shapes, zod-free (the zod schemas are in schema/police-uk.ts; the labels and
// accessors in datasets/police-uk.ts).
import type { NumberOrMissing } from './missing.ts';
import type { SourceId } from './provenance.ts';

/** ASB incidents, crimes by type and crimes by last outcome, by force × calendar year. */
export type PoliceUkAggregatesDataset = {
  kind: 'policeuk-aggregates';
  source: SourceId;
  file: string;
  years: number[];
  forces: string[];
  /** police.uk crime types other than anti-social behaviour, as labelled in the file. */
  crimeTypes: string[];
  /** police.uk last outcome categories, plus `NO_OUTCOME_LABEL`. */
  outcomeCategories: string[];
  /** [force][year] */
  asbIncidents: NumberOrMissing[];
  /** [force][crime type][year] */
  crimesByType: NumberOrMissing[];
  /** [force][outcome category][year], crimes only (ASB has no outcome). */
  crimesByLastOutcome: NumberOrMissing[];
  notes: string[];
};

/** Street-level records counted by force × month × crime type × last outcome. */
export type PoliceUkStreetCountsDataset = {
  kind: 'policeuk-street-counts';
  source: SourceId;
  /** Files counted, one entry per import. */
  files: string[];
  /** Which force × month pairs the files cover (counts outside these are Missing, inside them absent = 0). */
  coverage: { force: string; month: string }[];
  forces: string[];
  months: string[];
  crimeTypes: string[];
  outcomeCategories: string[];
  /** [force index, month index, crime type index, outcome index, count]; only non-zero counts. */
  cells: [number, number, number, number, number][];
};
