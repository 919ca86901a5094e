/**
 * Generates src/generated/durham-published.ts from data/spec/durham-2016-published.json: the values the
 * Durham PEEL effectiveness 2016 report prints, each with its printed text, period, source and notes.
 * Transformations: `null` (not printed) becomes a Missing marker; periods keep their printed text and
 * gain a typed form where the wording is unambiguous; Figure 4 and 7 values lacking a separate printed
 * text get it from the value at the 1 decimal place those tables print (spec §b.4, §b.6).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { missing, type Missing } from '../../src/types/missing.ts';
import {
  DurhamPublishedSchema,
  type DurhamPublished,
  type PrintedPeriod,
  type PublishedOutcomeRow,
  type PublishedValue,
} from '../../src/schema/published.ts';
import { PACKAGE_DIR } from '../lib/raw.ts';
import { typePrintedPeriod } from '../lib/printed-period.ts';
import { writeGeneratedModule } from '../lib/generated.ts';

const FILE = 'data/spec/durham-2016-published.json';
const NOT_PRINTED = missing('x', 'not printed in the report');
const TEXT_NOT_RECORDED = missing('x', 'the printed text was not recorded separately in durham-2016-published.json');

type RawValue = number | { min: number; max: number } | null;
type Raw = Record<string, unknown> & {
  metrics: (Record<string, unknown> & { durham: RawValue; englandWales: RawValue; period: string })[];
  outcomes: (Record<string, unknown> & { durham: number | null; englandWales: number | null })[];
  domesticAbuseOutcomes: (Record<string, unknown> & { durham: number | null; englandWales: number | null })[];
  categorical: (Record<string, unknown> & { period: string; durham: string | null; englandWales: string | null })[];
  context: (Record<string, unknown> & { value?: number; period?: string })[];
};

function printedPeriod(text: string): PrintedPeriod {
  return { text, typed: typePrintedPeriod(text) };
}

function publishedValue(
  value: RawValue,
  printed: unknown,
  fallbackPrinted?: (value: number) => string,
): PublishedValue {
  if (value === null) return { value: NOT_PRINTED, printed: NOT_PRINTED };
  if (typeof printed === 'string') return { value, printed };
  if (typeof value === 'number' && fallbackPrinted) return { value, printed: fallbackPrinted(value) };
  return { value, printed: TEXT_NOT_RECORDED };
}

function outcomeRow(row: Raw['outcomes'][number], figure: 4 | 7): PublishedOutcomeRow {
  const oneDecimal = (value: number) => value.toFixed(1);
  return {
    figure,
    number:
      typeof row.number === 'string' ? row.number : missing('z', 'the report prints no outcome number for this row'),
    type: row.type as string,
    ...(typeof row.group === 'string' ? { group: row.group } : {}),
    rowType: (row.rowType as PublishedOutcomeRow['rowType'] | undefined) ?? 'outcome',
    durham: publishedValue(row.durham, row.durhamPrinted, oneDecimal),
    englandWales: publishedValue(row.englandWales, row.englandWalesPrinted, oneDecimal),
    ...(typeof row.band === 'string' ? { band: row.band } : {}),
    ...(Array.isArray(row.members) ? { members: row.members as string[] } : {}),
    ...(typeof row.note === 'string' || typeof row.membersNote === 'string'
      ? { note: [row.note, row.membersNote].filter(Boolean).join(' ') }
      : {}),
  };
}

function tableMeta(meta: Record<string, unknown>) {
  const known = new Set(['figure', 'title', 'unit', 'period', 'source', 'exclusions']);
  return {
    figure: meta.figure as number,
    title: meta.title as string,
    unit: meta.unit as string,
    period: printedPeriod(meta.period as string),
    source: meta.source as string,
    exclusions: (meta.exclusions as string | undefined) ?? '',
    notes: Object.entries(meta)
      .filter(([key]) => !known.has(key))
      .map(([key, value]) => `${key}: ${String(value)}`),
  };
}

/** Builds the typed, validated Durham published figures (throws with the zod path on bad input). */
export function buildDurhamPublished(): DurhamPublished {
  const raw = JSON.parse(readFileSync(join(PACKAGE_DIR, 'data', 'spec', 'durham-2016-published.json'), 'utf8')) as Raw;
  const judgments = raw.judgments as DurhamPublished['judgments'] & { gradeScale?: unknown };
  const { gradeScale: _gradeScale, ...judgmentsWithoutScale } = judgments;
  const candidate = {
    force: 'durham',
    forceName: raw.force,
    report: raw.report,
    inspectorate: raw.inspectorate,
    period: printedPeriod(raw.period as string),
    periodNotes: raw.periodNotes,
    rule: (raw.provenance as { rule: string }).rule,
    judgments: judgmentsWithoutScale,
    figures: raw.metrics.map((metric) => ({
      id: metric.id,
      label: metric.label,
      unit: metric.unit,
      period: printedPeriod(metric.period),
      durham: publishedValue(metric.durham, metric.durhamPrinted),
      englandWales: publishedValue(metric.englandWales, metric.englandWalesPrinted),
      source: metric.source,
      notes: metric.notes,
      sourceLines: metric.sourceLines,
      ...(metric.comparisonText !== undefined ? { comparisonText: metric.comparisonText } : {}),
      ...(metric.band !== undefined ? { band: metric.band } : {}),
      ...(metric.target !== undefined ? { target: metric.target } : {}),
    })),
    outcomes: raw.outcomes.map((row) => outcomeRow(row, 4)),
    outcomesMeta: tableMeta(raw.outcomesMeta as Record<string, unknown>),
    domesticAbuseOutcomes: raw.domesticAbuseOutcomes.map((row) => outcomeRow({ ...row, rowType: 'outcome' }, 7)),
    domesticAbuseOutcomesMeta: tableMeta(raw.domesticAbuseOutcomesMeta as Record<string, unknown>),
    categorical: raw.categorical.map((item) => ({
      ...item,
      period: printedPeriod(item.period),
      durham: item.durham ?? NOT_PRINTED,
      englandWales: item.englandWales ?? NOT_PRINTED,
    })),
    mentionedWithoutValue: raw.mentionedWithoutValue,
    context: raw.context.map((item) => ({
      ...item,
      value: item.value ?? (missing('z', 'a date or wording, not a number') satisfies Missing),
      ...(item.period ? { period: printedPeriod(item.period) } : {}),
    })),
  };
  const parsed = DurhamPublishedSchema.safeParse(candidate);
  if (!parsed.success)
    throw new Error(
      `${FILE}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}

export async function generate(): Promise<void> {
  writeGeneratedModule(
    'durham-published',
    `import type { DurhamPublished } from '../types/published.ts';\n\nexport const durhamPublishedData: ` +
      `DurhamPublished = ${JSON.stringify(buildDurhamPublished(), null, 1)};\n`,
  );
}
