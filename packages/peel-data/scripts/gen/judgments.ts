/**
 * Generates src/generated/judgments.ts: one judgment for every PEEL effectiveness year 2015–2017 ×
 * 43 forces × 6 questions. Grades come from data/raw/peel-effectiveness-grades-2015-2017/grades.csv
 * (each with its URL, publisher and quoted words). Specialist capabilities were ungraded in 2016 for
 * every force (spec §a.5, §c.19): `ungraded`, sourced to the Durham 2016 report. Every other cell no
 * source states is Missing `x`, never absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { missing, type Missing } from '../../src/types/missing.ts';
import {
  GRADES,
  JUDGMENT_QUESTIONS,
  JUDGMENT_YEARS,
  JudgmentSchema,
  type Grade,
  type Judgment,
  type JudgmentSource,
} from '../../src/schema/judgment.ts';
import { resolveForceName, territorialForces } from '../../src/datasets/forces.ts';
import { PACKAGE_DIR, readRawCsv, readRawText } from '../lib/raw.ts';
import { writeGeneratedModule } from '../lib/generated.ts';

const FILE = 'data/raw/peel-effectiveness-grades-2015-2017/grades.csv';

export const JUDGMENT_MISSING = {
  notFound: missing(
    'x',
    'not available: no source found states this grade in words (see ' +
      'data/raw/peel-effectiveness-grades-2015-2017/PROVENANCE.md)',
  ),
} as const satisfies Record<string, Missing>;

/** The Durham 2016 report's own statement that specialist capabilities were ungraded. */
export function durhamSpecialistSource(): JudgmentSource {
  const published = JSON.parse(
    readFileSync(join(PACKAGE_DIR, 'data', 'spec', 'durham-2016-published.json'), 'utf8'),
  ) as {
    judgments: { coreQuestions: { number: number; question: string; grade: string }[] };
  };
  const q5 = published.judgments.coreQuestions.find((question) => question.number === 5);
  if (q5?.grade !== 'Ungraded')
    throw new Error(
      `data/spec/durham-2016-published.json: core question 5 should be "Ungraded", found ${JSON.stringify(q5?.grade)}`,
    );
  // The report's URL as the raw judgments folder records it for Durham 2016.
  const url =
    /https:\/\/hmicfrs\.justiceinspectorates\.gov\.uk\/peel-assessments\/peel-2016\/durham\/effectiveness\//.exec(
      readRawText('peel2016-effectiveness-judgments', 'PROVENANCE.md'),
    )?.[0];
  if (!url)
    throw new Error(
      'data/raw/peel2016-effectiveness-judgments/PROVENANCE.md: the Durham 2016 effectiveness URL is missing',
    );
  return {
    dataset: 'peel-2016-durham-report',
    url,
    publisher: 'HMIC, PEEL: Police effectiveness 2016 – Durham Constabulary',
    quote: `${q5.question} ${q5.grade}`,
  };
}

/** Builds every judgment row from the raw grades file (throws naming the line and column on bad input). */
export function buildJudgments(): Judgment[] {
  const stated = new Map<string, { grade: Grade; source: JudgmentSource }>();
  for (const row of readRawCsv('peel-effectiveness-grades-2015-2017', 'grades.csv', [
    'year',
    'force',
    'question',
    'grade',
    'source_url',
    'source_publisher',
    'quoted_phrase',
  ])) {
    const where = `${FILE}, line ${row.line}`;
    const year = Number(row.values.year);
    if (!JUDGMENT_YEARS.includes(year as never))
      throw new Error(
        `${where}, column year: ${JSON.stringify(row.values.year)} is not one of ${JUDGMENT_YEARS.join(', ')}`,
      );
    const question = row.values.question!;
    if (!JUDGMENT_QUESTIONS.includes(question as never))
      throw new Error(
        `${where}, column question: ${JSON.stringify(question)} is not one of ${JUDGMENT_QUESTIONS.join(', ')}`,
      );
    const grade = row.values.grade!;
    if (!GRADES.includes(grade as Grade))
      throw new Error(`${where}, column grade: ${JSON.stringify(grade)} is not one of ${GRADES.join(', ')}`);
    const force = resolveForceName(row.values.force!, 'peel-effectiveness-grades-2015-2017').slug;
    const key = `${year}|${force}|${question}`;
    if (stated.has(key)) throw new Error(`${where}: a second grade for ${force}, ${year}, ${question}`);
    stated.set(key, {
      grade: grade as Grade,
      source: {
        dataset: 'peel-effectiveness-grades-2015-2017',
        url: row.values.source_url!,
        publisher: row.values.source_publisher!,
        quote: row.values.quoted_phrase!,
      },
    });
  }
  const specialist2016 = durhamSpecialistSource();
  const judgments: Judgment[] = [];
  for (const year of JUDGMENT_YEARS) {
    for (const force of territorialForces) {
      for (const question of JUDGMENT_QUESTIONS) {
        const found = stated.get(`${year}|${force.slug}|${question}`);
        if (question === 'specialist' && year === 2016) {
          if (found)
            throw new Error(
              `${FILE}: a specialist grade for ${force.slug} 2016, but the question was ungraded in 2016`,
            );
          judgments.push({ year, force: force.slug, question, grade: 'ungraded', source: specialist2016 });
        } else if (found) {
          judgments.push({ year, force: force.slug, question, grade: found.grade, source: found.source });
        } else {
          judgments.push({ year, force: force.slug, question, grade: JUDGMENT_MISSING.notFound });
        }
      }
    }
  }
  return judgments.map((judgment) => JudgmentSchema.parse(judgment));
}

export async function generate(): Promise<void> {
  const judgments = buildJudgments();
  // Columnar: a table of sources, then one tuple per row [year, force, question, grade or Missing, source index].
  const sources: JudgmentSource[] = [];
  const sourceIndex = new Map<string, number>();
  const tuples = judgments.map((judgment) => {
    let index = -1;
    if (judgment.source) {
      const key = JSON.stringify(judgment.source);
      if (!sourceIndex.has(key)) {
        sourceIndex.set(key, sources.length);
        sources.push(judgment.source);
      }
      index = sourceIndex.get(key)!;
    }
    const grade = typeof judgment.grade === 'string' ? JSON.stringify(judgment.grade) : 'M.notFound';
    const fields = [judgment.year, JSON.stringify(judgment.force), JSON.stringify(judgment.question), grade, index];
    return `  [${fields.join(',')}],`;
  });
  writeGeneratedModule(
    'judgments',
    `import type { Missing } from '../types/missing.ts';\nimport type { Grade, JudgmentQuestion, JudgmentSource, ` +
      `JudgmentYear } from '../types/judgment.ts';\n\n` +
      `const M = ${JSON.stringify(JUDGMENT_MISSING, null, 2)} as const satisfies Record<string, Missing>;\n\n` +
      `export const judgmentSources: readonly JudgmentSource[] = ` +
      `[\n${sources.map((source) => `  ${JSON.stringify(source)},`).join('\n')}\n];\n\n` +
      `/** [year, force slug, question, grade | 'ungraded' | Missing, index into judgmentSources or -1] */\n` +
      `export const judgmentTuples: readonly (readonly [JudgmentYear, string, JudgmentQuestion, Grade | 'ungraded' | ` +
      `Missing, number])[] = [\n${tuples.join('\n')}\n];\n`,
  );
}
