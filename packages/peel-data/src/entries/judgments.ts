// peel-data/judgments: PEEL effectiveness judgments alone (also in the main entry).
export { GRADES, JUDGMENT_QUESTIONS, JUDGMENT_YEARS } from '../types/judgment.ts';
export type { Grade, Judgment, JudgmentQuestion, JudgmentSource, JudgmentYear } from '../types/judgment.ts';
export { judgmentOf, judgments } from '../datasets/judgments.ts';
