import { describe, expect, it } from 'vitest';
import { GRADES, JUDGMENT_QUESTIONS, JUDGMENT_YEARS, JudgmentSchema, type Grade } from '../schema/judgment.ts';
import { isMissing } from '../types/missing.ts';
import { readRawText } from '../../scripts/lib/raw.ts';
import { readOverallGradeLists } from '../../scripts/lib/source-names.ts';
import { buildJudgments } from '../../scripts/gen/judgments.ts';
import { forces, resolveForceName, territorialForces } from './forces.ts';
import { judgmentOf, judgments } from './judgments.ts';

const overallCounts = (year: number) => {
  const counts: Record<string, number> = {};
  for (const judgment of judgments.filter((row) => row.year === year && row.question === 'overall')) {
    const key = typeof judgment.grade === 'string' ? judgment.grade : 'missing';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

describe('judgments', () => {
  it('has one valid row for every year × 43 forces × 6 questions, equal to a fresh build', () => {
    expect(judgments).toHaveLength(JUDGMENT_YEARS.length * 43 * JUDGMENT_QUESTIONS.length);
    for (const judgment of judgments) expect(JudgmentSchema.safeParse(judgment).success).toBe(true);
    for (const year of JUDGMENT_YEARS)
      for (const force of territorialForces)
        for (const question of JUDGMENT_QUESTIONS)
          expect(judgmentOf(judgments, force.slug, year, question), `${force.slug} ${year} ${question}`).toBeDefined();
    expect(judgments).toEqual(buildJudgments());
  });

  it.each([
    { year: 2015, expected: { outstanding: 1, good: 24, 'requires improvement': 18 } },
    { year: 2016, expected: { outstanding: 1, good: 28, 'requires improvement': 13, inadequate: 1 } },
    { year: 2017, expected: { outstanding: 1, good: 29, 'requires improvement': 12, missing: 1 } },
  ])('overall grades $year are $expected', ({ year, expected }) => {
    expect(overallCounts(year)).toEqual(expected);
  });

  it('has Derbyshire 2017 overall as Missing', () => {
    expect(isMissing(judgmentOf(judgments, 'derbyshire', 2017, 'overall')?.grade)).toBe(true);
  });

  it('agrees with both copies of the PA list of 2016 overall grades (ITV, Isle of Wight Radio)', () => {
    const lists = readOverallGradeLists();
    expect(lists).toHaveLength(2);
    for (const list of lists) {
      expect(list.entries).toHaveLength(43);
      for (const entry of list.entries) {
        const slug = resolveForceName(entry.name, 'peel2016-effectiveness-judgments').slug;
        expect(judgmentOf(judgments, slug, 2016, 'overall')?.grade, `${list.file}: ${entry.name}`).toBe(
          entry.heading.toLowerCase() as Grade,
        );
      }
    }
  });

  it('has Durham 2016 questions O, G, G, O as Police Life reports, and Q5 ungraded from the Durham report', () => {
    const grades = (['preventing', 'investigating', 'vulnerability', 'serious_organised'] as const).map(
      (question) => judgmentOf(judgments, 'durham', 2016, question)?.grade,
    );
    expect(grades).toEqual(['outstanding', 'good', 'good', 'outstanding']);
    const policeLife = readRawText(
      'peel2016-effectiveness-judgments',
      'police-life-2017-04-13-durham-success.excerpt.txt',
    );
    expect(policeLife).toMatch(/'outstanding' at preventing crime/);
    expect(policeLife).toMatch(/'good' at investigating crime/);
    expect(policeLife).toMatch(/'good' at protecting the vulnerable/);
    expect(policeLife).toMatch(/'outstanding' at tackling serious and organised crime/);
    const specialist = judgmentOf(judgments, 'durham', 2016, 'specialist')!;
    expect(specialist.grade).toBe('ungraded');
    expect(specialist.source?.dataset).toBe('peel-2016-durham-report');
  });

  it('marks specialist ungraded for every force in 2016 and Missing in 2015 and 2017', () => {
    for (const force of territorialForces) {
      expect(judgmentOf(judgments, force.slug, 2016, 'specialist')?.grade).toBe('ungraded');
      expect(isMissing(judgmentOf(judgments, force.slug, 2015, 'specialist')?.grade)).toBe(true);
      expect(isMissing(judgmentOf(judgments, force.slug, 2017, 'specialist')?.grade)).toBe(true);
    }
  });

  it('gives every stated grade a source with a URL and the quoted words, and every other row a Missing grade', () => {
    for (const judgment of judgments) {
      if (isMissing(judgment.grade)) {
        expect(judgment.source).toBeUndefined();
        expect(judgment.grade.reason.length).toBeGreaterThan(10);
      } else {
        expect([...GRADES, 'ungraded']).toContain(judgment.grade);
        expect(judgment.source?.url).toMatch(/^https?:\/\//);
        expect(judgment.source?.quote.length).toBeGreaterThan(0);
      }
    }
  });

  it('agrees with the Avon and Somerset 2016 press release excerpt', () => {
    const grades = (['overall', 'preventing', 'investigating', 'vulnerability', 'serious_organised'] as const).map(
      (question) => judgmentOf(judgments, 'avon-and-somerset', 2016, question)?.grade,
    );
    expect(grades).toEqual(['good', 'good', 'good', 'good', 'requires improvement']);
    expect(
      readRawText(
        'peel2016-effectiveness-judgments',
        'hmicfrs-peel-police-effectiveness-2016-force-press-releases.excerpt.txt',
      ),
    ).toMatch(/‘requires improvement’ in how it tackles serious and organised crime/);
  });

  it('returns undefined for a force or year outside the dataset', () => {
    expect(judgmentOf(judgments, 'btp', 2016, 'overall')).toBeUndefined();
    expect(judgmentOf(judgments, 'durham', 2014, 'overall')).toBeUndefined();
  });
});

describe('judgmentOf takes any force identifier', () => {
  it('finds the same judgment by slug, ONS code, name and short name', () => {
    for (const force of forces.filter((row) => row.kind === 'territorial')) {
      const bySlug = judgmentOf(judgments, force.slug, 2016, 'overall');
      expect(bySlug).toBeDefined();
      for (const identifier of [force.name, force.shortName, String(force.code), force.slug.toUpperCase()])
        expect(judgmentOf(judgments, identifier, 2016, 'overall'), identifier).toBe(bySlug);
    }
    expect(judgmentOf(judgments, 'Atlantis', 2016, 'overall')).toBeUndefined();
  });
});
