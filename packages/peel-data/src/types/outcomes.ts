// Home Office crime outcomes: the measures and the dataset's shape, zod-free (the zod schemas are in
// schema/outcomes.ts; the accessors and the framework in datasets/outcomes.ts).
import type { NumberOrMissing } from './missing.ts';
import type { FinancialYearPeriod } from './period.ts';
import type { SourceId } from './provenance.ts';

/**
 * The two Home Office outcome measures (see datasets/outcomes.ts).
 * @example OUTCOME_MEASURES[0] // 'offences-recorded-in-quarter'
 */
export const OUTCOME_MEASURES = ['offences-recorded-in-quarter', 'outcomes-recorded-in-quarter'] as const;
/** One of OUTCOME_MEASURES. */
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/** An outcome type as the imported file names it (`outcome_description`, `outcome_group`); type 0–21. */
export type OutcomeTypeInfo = { type: number; description: string; homeOfficeGroup: string };

/** A Home Office offence group (`offence_group`), with a kebab-case id made from its name. */
export type OutcomeOffenceGroup = { id: string; name: string };

/** A Home Office offence code kept separately (e.g. `8N` assault with injury). */
export type OutcomeOffenceCode = { code: string; description: string; offenceGroup: string; offenceSubgroup: string };

/** The cells of one measure: dense arrays indexed force → offence group (or code) → outcome type → quarter. */
export type OutcomeCells = { byOffenceGroup: NumberOrMissing[]; byOffenceCode: NumberOrMissing[] };

/** Outcomes by force × offence group (and selected codes) × outcome type × quarter. */
export type OutcomesDataset = {
  kind: 'ho-outcomes';
  source: SourceId;
  /** The file the dataset was imported from (name only). */
  file: string;
  period: FinancialYearPeriod;
  quarters: number[];
  forces: string[];
  offenceGroups: OutcomeOffenceGroup[];
  offenceCodes: OutcomeOffenceCode[];
  outcomeTypes: OutcomeTypeInfo[];
  counts: { 'offences-recorded-in-quarter': OutcomeCells; 'outcomes-recorded-in-quarter': OutcomeCells };
  notes: string[];
};

/** What the importer skipped, and why (kept beside the bundled dataset). */
export type OutcomesImportReport = {
  file: string;
  rowsRead: number;
  rowsUsed: number;
  skipped: { row: number; reason: string }[];
  blankLines: number;
  /** Cells below zero: Home Office net adjustments, kept as published. */
  negativeValues: number;
};
