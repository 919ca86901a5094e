/**
 * PEEL effectiveness judgments 2015–2017: every year × 43 forces × 6 questions, each with its source
 * or a Missing grade.
 */
import { judgmentSources, judgmentTuples } from '../generated/judgments.ts';
import type { Judgment, JudgmentQuestion } from '../types/judgment.ts';
import { getForce } from './forces.ts';

function expandJudgments(): readonly Judgment[] {
  return judgmentTuples.map(([year, force, question, grade, sourceIndex]) => {
    const source = judgmentSources[sourceIndex];
    return source ? { year, force, question, grade, source } : { year, force, question, grade };
  });
}

/**
 * All 774 judgments (3 years × 43 forces × 6 questions); unknown grades are Missing markers, not absent.
 * @example
 * judgments.filter((j) => j.year === 2016 && j.question === 'overall' && j.grade === 'outstanding').map((j) => j.force)
 * // ['durham']
 */
export const judgments: readonly Judgment[] = /* @__PURE__ */ expandJudgments();

const indexes = new WeakMap<readonly Judgment[], Map<string, Judgment>>();

/**
 * The judgment of a force (slug, ONS code, name or short name: see findForce) for a year and question; undefined
 * only when that (force, year, question) is not in the dataset at all (e.g. BTP, or year 2014).
 * @example judgmentOf(judgments, 'durham', 2016, 'preventing')?.grade // 'outstanding'
 * @example judgmentOf(judgments, 'Durham Constabulary', 2016, 'preventing')?.grade // 'outstanding'
 */
export function judgmentOf(
  dataset: readonly Judgment[],
  force: string,
  year: number,
  question: JudgmentQuestion,
): Judgment | undefined {
  let index = indexes.get(dataset);
  if (!index) {
    index = new Map(dataset.map((judgment) => [`${judgment.force}|${judgment.year}|${judgment.question}`, judgment]));
    indexes.set(dataset, index);
  }
  const slug = getForce(force)?.slug ?? force;
  return index.get(`${slug}|${year}|${question}`);
}
