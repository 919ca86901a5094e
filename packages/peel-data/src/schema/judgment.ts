import { z } from 'zod';
import { MissingSchema } from './missing.ts';
import { ForceSlugSchema } from './force.ts';
import { SourceIdSchema } from './provenance.ts';

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
 * PEEL effectiveness inspection years covered (2015 published Feb 2016; 2016 published Mar 2017; 2017 published Mar 2018).
 * @example JUDGMENT_YEARS.at(-1) // 2017
 */
export const JUDGMENT_YEARS = [2015, 2016, 2017] as const;
/** One of JUDGMENT_YEARS. */
export type JudgmentYear = (typeof JUDGMENT_YEARS)[number];

/**
 * Where a grade is stated: the page, its publisher, and the words that state the grade.
 * @example JudgmentSourceSchema.parse(judgmentOf(judgments, 'durham', 2016, 'overall')!.source).publisher
 */
export const JudgmentSourceSchema = z
  .object({ dataset: SourceIdSchema, url: z.string().url(), publisher: z.string().min(1), quote: z.string().min(1) })
  .strict();
/** See JudgmentSourceSchema. */
export type JudgmentSource = z.infer<typeof JudgmentSourceSchema>;

/**
 * One (year, force, question) judgment. `grade` is Missing when no source states it.
 * @example JudgmentSchema.parse({ year: 2016, force: 'durham', question: 'specialist', grade: 'ungraded', source }) // ok
 */
export const JudgmentSchema = z
  .object({
    year: z.union(JUDGMENT_YEARS.map((year) => z.literal(year))),
    force: ForceSlugSchema,
    question: z.enum(JUDGMENT_QUESTIONS),
    grade: z.union([z.enum(GRADES), z.literal('ungraded'), MissingSchema]),
    source: JudgmentSourceSchema.optional(),
  })
  .strict()
  .refine((judgment) => (typeof judgment.grade === 'string') === (judgment.source !== undefined), {
    message: 'a stated grade needs its source, and a missing grade has none',
  });
/** See JudgmentSchema. */
export type Judgment = z.infer<typeof JudgmentSchema>;
