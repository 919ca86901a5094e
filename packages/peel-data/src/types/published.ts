// What the Durham 2016 report prints, zod-free (the zod schemas are in schema/published.ts).
import type { Missing } from './missing.ts';
import type { ChangePeriod, Period } from './period.ts';

/** A period as the report prints it, and typed where the wording allows (Missing when it does not). */
export type PrintedPeriod = { text: string; typed: Period | ChangePeriod | Missing };

/** A printed number (or range), with the exact text printed; Missing when the report prints none. */
export type PublishedValue = {
  value: number | { min: number; max: number } | Missing;
  printed: string | Missing;
};

/** One figure printed in the Durham 2016 report: Durham's value and England and Wales's, never computed. */
export type PublishedFigure = {
  id: string;
  label: string;
  unit: string;
  period: PrintedPeriod;
  durham: PublishedValue;
  englandWales: PublishedValue;
  source: string;
  notes: string;
  /** Line references in the plain-text copy of the report the editors used. */
  sourceLines: string;
  comparisonText?: string | undefined;
  band?: string | undefined;
  target?: number | undefined;
};

/** A row of the Figure 4 (outcomes) or Figure 7 (domestic abuse outcomes) table as printed. */
export type PublishedOutcomeRow = {
  figure: 4 | 7;
  /** Outcome number as printed ("1", "*"); Missing for group and total rows that print none. */
  number: string | Missing;
  type: string;
  group?: string | undefined;
  rowType: 'outcome' | 'group' | 'total';
  durham: PublishedValue;
  englandWales: PublishedValue;
  band?: string | undefined;
  members?: string[] | undefined;
  note?: string | undefined;
};

/** Title, unit, period, source and exclusions of a printed table (Figures 4 and 7). */
export type PublishedTableMeta = {
  figure: number;
  title: string;
  unit: string;
  period: PrintedPeriod;
  source: string;
  exclusions: string;
  notes: string[];
};

/** A grade as the report prints it. */
export type PrintedGrade = 'Outstanding' | 'Good' | 'Requires improvement' | 'Inadequate' | 'Ungraded';

/** Everything the Durham 2016 report prints, as typed values kept apart from anything peel computes. */
export type DurhamPublished = {
  force: 'durham';
  forceName: string;
  report: string;
  inspectorate: string;
  period: PrintedPeriod;
  periodNotes: string;
  rule: string;
  judgments: {
    overall: { question: string; grade: PrintedGrade; previousYearGrade: string; previousYearNote: string };
    coreQuestions: {
      number: number;
      question: string;
      grade: PrintedGrade;
      areasForImprovement: string[];
      causesOfConcern: string[];
      previousInspection?: { name: string; grade: string } | undefined;
    }[];
  };
  figures: PublishedFigure[];
  outcomes: PublishedOutcomeRow[];
  outcomesMeta: PublishedTableMeta;
  domesticAbuseOutcomes: PublishedOutcomeRow[];
  domesticAbuseOutcomesMeta: PublishedTableMeta;
  /** Statements printed as words, not numbers (e.g. "the highest user in England and Wales"). */
  categorical: {
    id: string;
    label: string;
    period: PrintedPeriod;
    durham: string | Missing;
    englandWales: string | Missing;
    source: string;
    notes: string;
    sourceLines: string;
  }[];
  /** Measures the report refers to without printing a value. */
  mentionedWithoutValue: { id: string; note: string }[];
  /** Context numbers printed in the text (ranges across forces, counts, dates). */
  context: {
    label: string;
    value: number | Missing;
    unit?: string | undefined;
    printed: string;
    period?: PrintedPeriod | undefined;
  }[];
};
