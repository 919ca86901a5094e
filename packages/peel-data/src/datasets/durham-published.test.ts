import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMissing } from '../types/missing.ts';
import { DurhamPublishedSchema } from '../schema/published.ts';
import { PACKAGE_DIR } from '../../scripts/lib/raw.ts';
import { buildDurhamPublished } from '../../scripts/gen/durham-published.ts';
import { durhamPublished, getPublishedFigure } from './durham-published.ts';

const raw = JSON.parse(readFileSync(join(PACKAGE_DIR, 'data', 'spec', 'durham-2016-published.json'), 'utf8')) as {
  metrics: { id: string; durham: unknown; englandWales: unknown; durhamPrinted?: string; period: string }[];
  outcomes: { type: string; durham: number | null; englandWales: number | null }[];
};

describe('durhamPublished', () => {
  it('validates and equals a fresh build from the JSON', () => {
    expect(DurhamPublishedSchema.safeParse(durhamPublished).success).toBe(true);
    expect(durhamPublished).toEqual(buildDurhamPublished());
  });

  it('keeps every printed metric value, with Missing where the report prints none', () => {
    expect(durhamPublished.figures).toHaveLength(raw.metrics.length);
    for (const metric of raw.metrics) {
      const figure = getPublishedFigure(durhamPublished, metric.id)!;
      expect(figure.period.text).toBe(metric.period);
      for (const side of ['durham', 'englandWales'] as const) {
        if (metric[side] === null) expect(isMissing(figure[side].value), `${metric.id} ${side}`).toBe(true);
        else expect(figure[side].value).toEqual(metric[side]);
      }
      if (metric.durhamPrinted) expect(figure.durham.printed).toBe(metric.durhamPrinted);
    }
  });

  it.each([
    { id: 'crime_rate_assault_with_injury', durham: 6.7, englandWales: 7.0, printed: '7.0' },
    { id: 'crime_rate_burglary_dwelling', durham: 5.9, englandWales: 8.1, printed: '8.1' },
    { id: 'ocgs_per_million', durham: 48, englandWales: 46, printed: '46' },
    { id: 'vulnerable_victim_crime_pct', durham: 3.9, englandWales: 14.3, printed: '14.3 percent' },
  ])(
    '$id prints Durham $durham and England and Wales $englandWales (spec §b)',
    ({ id, durham, englandWales, printed }) => {
      const figure = getPublishedFigure(durhamPublished, id)!;
      expect(figure.durham.value).toBe(durham);
      expect(figure.englandWales.value).toBe(englandWales);
      expect(figure.englandWales.printed).toBe(printed);
    },
  );

  it('types unambiguous periods and leaves the rest as text', () => {
    expect(getPublishedFigure(durhamPublished, 'da_calls_per_1000')?.period.typed).toEqual({
      type: 'rolling-12m',
      end: '2016-06-30',
    });
    expect(getPublishedFigure(durhamPublished, 'ocgs_per_million')?.period.typed).toEqual({
      type: 'snapshot',
      date: '2016-07-01',
    });
    expect(getPublishedFigure(durhamPublished, 'public_satisfaction_local_policing')?.period.typed).toEqual({
      type: 'range',
      start: '2016-07-01',
      end: '2016-08-31',
    });
    expect(isMissing(getPublishedFigure(durhamPublished, 'iom_cohort')?.period.typed)).toBe(true);
  });

  it('keeps the Figure 4 table with its total printed to 2 dp and the unprinted group header as Missing', () => {
    expect(durhamPublished.outcomes).toHaveLength(raw.outcomes.length);
    expect(durhamPublished.outcomes.at(-1)?.durham).toEqual({ value: 100, printed: '100.00' });
    const header = durhamPublished.outcomes.find(
      (row) => row.type === 'Evidential difficulties (victim supports police action)',
    )!;
    expect(isMissing(header.durham.value)).toBe(true);
    expect(header.band).toBe('among the lowest');
  });

  it('has the report grades: overall Outstanding, Q1–Q5 Outstanding, Good, Good, Outstanding, Ungraded', () => {
    expect(durhamPublished.judgments.overall.grade).toBe('Outstanding');
    expect(durhamPublished.judgments.coreQuestions.map((question) => question.grade)).toEqual([
      'Outstanding',
      'Good',
      'Good',
      'Outstanding',
      'Ungraded',
    ]);
  });
});
