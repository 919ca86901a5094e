// PEEL judgments, zod-free (the zod schemas are in schema/judgment.ts).
import type { Missing } from './missing.ts';
import type { SourceId } from './provenance.ts';

/**
 * The overall effectiveness question and the five core questions of PEEL effectiveness (spec §a.2).
 * @example JUDGMENT_QUESTIONS.length // 6
 */
export const JUDGMENT_QUESTIONS = [
  'overall',
  'preventing',
  'investigating',
  'vulnerability',
  'serious_organised',
  'specialist',
] as const;
/** One of JUDGMENT_QUESTIONS. */
export type JudgmentQuestion = (typeof JUDGMENT_QUESTIONS)[number];

/**
 * HMIC's four grades, best first. "Ungraded" is a display state, not a grade (spec §a.5).
 * @example GRADES.indexOf('good') // 1 (lower is better)
 */
export const GRADES = ['outstanding', 'good', 'requires improvement', 'inadequate'] as const;
/** One of the four HMIC grades. */
export type Grade = (typeof GRADES)[number];

/**
 * PEEL effectiveness inspection years covered (2015 published Feb 2016; 2016 published Mar 2017;
 * 2017 published Mar 2018).
 * @example JUDGMENT_YEARS.at(-1) // 2017
 */
export const JUDGMENT_YEARS = [2015, 2016, 2017] as const;
/** One of JUDGMENT_YEARS. */
export type JudgmentYear = (typeof JUDGMENT_YEARS)[number];

/** Where a grade is stated: the page, its publisher, and the words that state the grade. */
export type JudgmentSource = { dataset: SourceId; url: string; publisher: string; quote: string };

/** One (year, force, question) judgment. `grade` is Missing when no source states it. */
export type Judgment = {
  year: JudgmentYear;
  /** Force slug, e.g. `durham`. */
  force: string;
  question: JudgmentQuestion;
  grade: Grade | 'ungraded' | Missing;
  source?: JudgmentSource | undefined;
};
