/**
 * A force's report as text: Markdown (tables, footnotes) or plain text (aligned columns), from the report model
 * alone. The model is walked once into blocks (headings, paragraphs, tables, lists), which either writer prints.
 *
 * Values print as the report prints them (formatValue, at the model's precision and unit). A missing value prints as
 * its marker with a footnote holding the reason (`[x][^1]` in Markdown, `[x] (note 1)` in text); one footnote per
 * distinct reason. Every measure is named by its label with its unit; a metric id that a generated note still holds
 * (`outcome_proportion`) is replaced by its label, so no raw id reaches the reader.
 */
import { formatMissing, formatPeriod, isMissing, type Missing, type NumberOrMissing } from 'peel-data';
import { formatValue } from '../format/format-value.ts';
import type { EnglandWalesValue, Figure, ForceReport, JudgmentEntry, MetricFigure } from '../model/types.ts';
import { METRIC_REGISTRY, type MetricRegistry } from '../registry/registry.ts';
import { resolveRelease, type MetricsRelease } from '../data/release.ts';

/** The formats renderReport writes. */
export const REPORT_TEXT_FORMATS = ['markdown', 'text'] as const;
/** One of REPORT_TEXT_FORMATS. */
export type ReportTextFormat = (typeof REPORT_TEXT_FORMATS)[number];

/** Options of renderReport. */
export interface RenderReportOptions {
  /** `markdown` (default) or `text`. */
  format?: ReportTextFormat;
  /** The registry whose labels replace metric ids in notes (METRIC_REGISTRY by default). */
  registry?: MetricRegistry;
  /** The release whose printed-figure labels replace their ids (the bundled one by default). */
  release?: MetricsRelease;
}

type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

/** Footnotes for missing values: one number per distinct marker and reason. */
class Notes {
  readonly reasons: string[] = [];
  constructor(
    private readonly format: ReportTextFormat,
    /** The registry's unit of a metric, for a figure that has none (a value no dataset holds). */
    readonly unitOf: (metricId: string) => string,
  ) {}
  mark(value: Missing): string {
    const text = `${formatMissing(value)} ${value.reason}`;
    let index = this.reasons.indexOf(text);
    if (index < 0) index = this.reasons.push(text) - 1;
    return this.format === 'markdown'
      ? `${formatMissing(value)}[^${index + 1}]`
      : `${formatMissing(value)} (note ${index + 1})`;
  }
}

const GRADE_WORDS: Record<string, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
  ungraded: 'Ungraded',
};

function labelWithUnit(label: string, unit: string): string {
  return unit && !label.toLowerCase().includes(unit.toLowerCase()) ? `${label} (${unit})` : label;
}

/** Every registry id, part id and printed-figure id mapped to its label, longest first so none is cut short. */
function idLabels(registry: MetricRegistry, release: MetricsRelease): [string, string][] {
  const labels = new Map<string, string>();
  for (const metric of registry.metrics) {
    labels.set(metric.id, metric.definition.label);
    for (const part of metric.parts ?? []) labels.set(part.id, part.label ?? metric.definition.label);
  }
  for (const figure of release.durhamPublished?.figures ?? [])
    if (!labels.has(figure.id)) labels.set(figure.id, figure.label);
  return [...labels].sort((a, b) => b[0].length - a[0].length);
}

function humaniser(registry: MetricRegistry, release: MetricsRelease): (text: string) => string {
  const labels = idLabels(registry, release);
  const byId = new Map(labels);
  return (text) =>
    text.replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?::[a-z0-9-]+)?\b/g, (id) => {
      const [base = id, row] = id.split(':');
      const label = byId.get(base);
      return label === undefined ? id : row ? `${label}: ${row.replaceAll('-', ' ')}` : `“${label}”`;
    });
}

function valueText(notes: Notes, value: NumberOrMissing, precision: number, unit: string): string {
  return isMissing(value) ? notes.mark(value) : formatValue(value, { precision, unit });
}

function periodText(period: MetricFigure['period']): string {
  return isMissing(period) ? 'period not stated' : formatPeriod(period);
}

function comparisonText(notes: Notes, comparison: MetricFigure['comparison']): string {
  if (isMissing(comparison)) return notes.mark(comparison);
  return comparison === 'in-line' ? 'in line' : comparison;
}

function englandWalesOf(figure: { englandWales: EnglandWalesValue }): NumberOrMissing {
  return figure.englandWales.value;
}

/** A table of measures for the force against England and Wales. */
function measureTable(notes: Notes, force: string, figures: readonly MetricFigure[]): Block {
  const unitOf = (figure: MetricFigure) => figure.unit || notes.unitOf(figure.metricId);
  return {
    kind: 'table',
    head: ['Measure', 'Period', force, 'England and Wales', 'Compared with England and Wales'],
    rows: figures.map((figure) => [
      labelWithUnit(figure.label, unitOf(figure)),
      periodText(figure.period),
      valueText(notes, figure.force.value, figure.precision, figure.unit),
      valueText(notes, englandWalesOf(figure), figure.precision, figure.unit),
      comparisonText(notes, figure.comparison),
    ]),
  };
}

function figureBlocks(notes: Notes, report: ForceReport, figure: Figure, humanise: (text: string) => string): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: `Figure ${figure.number}: ${figure.title}` }];
  const force = report.force.shortName;
  if (figure.kind === 'series') {
    blocks.push({
      kind: 'table',
      head: ['Period', `${force} (${figure.unit})`, `England and Wales (${figure.unit})`],
      rows: figure.points.map((point) => [
        formatPeriod(point.period),
        valueText(notes, point.force.value, figure.precision, figure.unit),
        point.englandWales
          ? valueText(notes, point.englandWales.value, figure.precision, figure.unit)
          : notes.mark({ missing: 'x', reason: 'no England and Wales value for this period' }),
      ]),
    });
  } else if (figure.kind === 'table') {
    blocks.push(measureTable(notes, force, figure.rows));
  } else {
    blocks.push(measureTable(notes, force, [figure.subject]));
    blocks.push({
      kind: 'table',
      head: ['Force', labelWithUnit(figure.subject.label, figure.unit), 'Band'],
      rows: figure.bars.map((bar) => [
        bar.isSubject ? `**${bar.force.name}**` : bar.force.name,
        valueText(notes, bar.value, figure.precision, figure.unit),
        bar.band === undefined ? '' : isMissing(bar.band) ? notes.mark(bar.band) : bar.band.band.replaceAll('-', ' '),
      ]),
    });
  }
  if (figure.notes.length) blocks.push({ kind: 'list', items: figure.notes.map((note) => `Note: ${humanise(note)}`) });
  return blocks;
}

function judgmentLine(notes: Notes, entry: JudgmentEntry): string {
  const grade = isMissing(entry.grade) ? notes.mark(entry.grade) : (GRADE_WORDS[entry.grade] ?? entry.grade);
  const previous =
    entry.previousGrade === undefined
      ? ''
      : isMissing(entry.previousGrade)
        ? ` (previous grade ${notes.mark(entry.previousGrade)})`
        : ` (previous grade: ${GRADE_WORDS[entry.previousGrade] ?? entry.previousGrade})`;
  return `${entry.question}: ${grade}${previous}`;
}

function blocksOf(report: ForceReport, notes: Notes, humanise: (text: string) => string): Block[] {
  const force = report.force.shortName;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: report.title },
    { kind: 'paragraph', text: `${report.force.name} (ONS code ${report.force.code}).` },
    { kind: 'heading', level: 2, text: 'Judgments' },
    {
      kind: 'list',
      items: [report.judgments.overall, ...report.judgments.questions].map((e) => judgmentLine(notes, e)),
    },
    { kind: 'heading', level: 2, text: 'Summary' },
    ...report.sentences.map((sentence): Block => ({ kind: 'paragraph', text: humanise(sentence.text) })),
    { kind: 'heading', level: 2, text: 'Force in numbers' },
  ];
  for (const area of report.forceInNumbers) {
    blocks.push({ kind: 'heading', level: 3, text: area.label }, measureTable(notes, force, area.items));
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Figures' });
  for (const figure of report.figures) blocks.push(...figureBlocks(notes, report, figure, humanise));
  const change = report.crimeChange;
  blocks.push(
    { kind: 'heading', level: 2, text: 'Change in recorded crime' },
    measureTable(notes, force, [change.vs2011, change.victimBasedVs2011, change.yearOnYear]),
    {
      kind: 'paragraph',
      text:
        `Forces with an annual increase in recorded crime: ` +
        `${valueText(notes, change.forcesWithAnnualIncrease.value, 0, '')} of ` +
        `${change.forcesWithAnnualIncrease.outOf}.`,
    },
    { kind: 'heading', level: 2, text: 'Domestic Violence Disclosure Scheme' },
    measureTable(notes, force, report.domesticViolenceDisclosure),
    { kind: 'heading', level: 2, text: 'Other figures in the report' },
    measureTable(notes, force, report.otherMetrics),
  );
  if (report.footnotes.length)
    blocks.push({ kind: 'heading', level: 2, text: 'Notes' }, { kind: 'list', items: report.footnotes.map(humanise) });
  if (report.exclusionNotes.length)
    blocks.push(
      { kind: 'heading', level: 2, text: 'Forces excluded or flagged' },
      { kind: 'list', items: report.exclusionNotes.map(humanise) },
    );
  blocks.push(
    { kind: 'heading', level: 2, text: 'Sources' },
    {
      kind: 'list',
      items: report.sources.map(
        (source) => `${source.title} (${source.publisher}; ${source.licence}): ${source.upstream}`,
      ),
    },
  );
  return blocks;
}

const markdownCell = (text: string) => text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');

function markdown(blocks: readonly Block[], notes: Notes): string {
  const out = blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `${'#'.repeat(block.level)} ${block.text}`;
      case 'paragraph':
        return block.text;
      case 'list':
        return block.items.map((item) => `- ${item}`).join('\n');
      case 'table':
        return [
          `| ${block.head.map(markdownCell).join(' | ')} |`,
          `|${block.head.map(() => '---').join('|')}|`,
          ...block.rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`),
        ].join('\n');
    }
  });
  const footnotes = notes.reasons.map((reason, index) => `[^${index + 1}]: ${reason}`);
  return `${[...out, ...(footnotes.length ? ['## Missing values', footnotes.join('\n')] : [])].join('\n\n')}\n`;
}

const plain = (text: string) => text.replace(/\*\*(.*?)\*\*/g, '$1 (this force)');

function text(blocks: readonly Block[], notes: Notes): string {
  const out = blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return block.level === 3
          ? block.text
          : `${block.text}\n${(block.level === 1 ? '=' : '-').repeat(Math.min(block.text.length, 100))}`;
      case 'paragraph':
        return block.text;
      case 'list':
        return block.items.map((item) => `* ${item}`).join('\n');
      case 'table': {
        const rows = [block.head, ...block.rows].map((row) => row.map(plain));
        const widths = block.head.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
        return rows
          .map((row) =>
            row
              .map((cell, column) => cell.padEnd(widths[column] ?? 0))
              .join('  ')
              .trimEnd(),
          )
          .join('\n');
      }
    }
  });
  const footnotes = notes.reasons.map((reason, index) => `${index + 1}. ${reason}`);
  const missingSection = footnotes.length ? ['Missing values\n--------------', footnotes.join('\n')] : [];
  return `${[...out, ...missingSection].join('\n\n')}\n`;
}

/**
 * A force's report as Markdown or plain text.
 * @example
 * renderReport(buildForceReport('durham'), { format: 'markdown' }).split('\n')[0]
 * // '# PEEL: Police effectiveness 2016 – Durham Constabulary'
 */
export function renderReport(report: ForceReport, options: RenderReportOptions = {}): string {
  const format = options.format ?? 'markdown';
  if (!(REPORT_TEXT_FORMATS as readonly string[]).includes(format))
    throw new RangeError(
      `renderReport: options.format must be 'markdown' or 'text', received ${JSON.stringify(format)}; ` +
        "e.g. renderReport(report, { format: 'markdown' })",
    );
  if (typeof report !== 'object' || report === null || !Array.isArray(report.figures))
    throw new TypeError(
      'renderReport: expected a report model from buildForceReport, e.g. renderReport(buildForceReport("durham"))',
    );
  const registry = options.registry ?? METRIC_REGISTRY;
  const notes = new Notes(format, (metricId) => registry.byId.get(metricId)?.definition.unit ?? '');
  const humanise = humaniser(registry, resolveRelease(options.release));
  const blocks = blocksOf(report, notes, humanise);
  return format === 'markdown' ? markdown(blocks, notes) : text(blocks, notes);
}
