import { z } from 'zod';
import { MissingSchema } from './missing.ts';
import { ForceSlugSchema } from './force.ts';
import { SourceIdSchema } from './provenance.ts';
import { GRADES, JUDGMENT_QUESTIONS, JUDGMENT_YEARS } from '../types/judgment.ts';

// The plain parts live in types/judgment.ts (no zod), re-exported here for the import parsers.
export { GRADES, JUDGMENT_QUESTIONS, JUDGMENT_YEARS } from '../types/judgment.ts';
export type { Grade, Judgment, JudgmentQuestion, JudgmentSource, JudgmentYear } from '../types/judgment.ts';

/**
 * One of the four PEEL grades (GRADES); 'ungraded' is not a grade but a state of a judgment.
 * @example GradeSchema.parse('good') // 'good'
 */
export const GradeSchema = z.enum(GRADES);

/**
 * Where a grade is stated: the page, its publisher, and the words that state the grade.
 * @example JudgmentSourceSchema.parse(judgmentOf(judgments, 'durham', 2016, 'overall')!.source).publisher
 */
export const JudgmentSourceSchema = z
  .object({ dataset: SourceIdSchema, url: z.string().url(), publisher: z.string().min(1), quote: z.string().min(1) })
  .strict();

/**
 * One (year, force, question) judgment. `grade` is Missing when no source states it.
 * @example
 * JudgmentSchema.parse({ year: 2016, force: 'durham', question: 'specialist', grade: 'ungraded', source }) // ok
 */
export const JudgmentSchema = z
  .object({
    year: z.union(JUDGMENT_YEARS.map((year) => z.literal(year))),
    force: ForceSlugSchema,
    question: z.enum(JUDGMENT_QUESTIONS),
    grade: z.union([GradeSchema, z.literal('ungraded'), MissingSchema]),
    source: JudgmentSourceSchema.optional(),
  })
  .strict()
  .refine((judgment) => (typeof judgment.grade === 'string') === (judgment.source !== undefined), {
    message: 'a stated grade needs its source, and a missing grade has none',
  });
