/**
 * One builder per figure kind of a report layout (layout.ts): each turns a figure's layout into the model's Figure
 * for one force, reading values through the metric engine and labels through the registry.
 *
 * Method: by-force figures hold every force's bar (built once per computed metric and shared by every report) with
 * the subject force marked; the outcomes table matches printed rows on the outcome number (groups and totals on the
 * printed label) and never subtracts printed from recomputed values of different periods; printed-only tables are
 * Missing for every force but the one whose report was transcribed.
 */
import { isMissing, missing, type Period, type Provenance } from 'peel-data';
import { cached } from '../data/cache.ts';
import { territorialForcesOf } from '../data/release.ts';
import { exclusionNote, setAsideNote } from '../exclusion-note.ts';
import { rulesOf, type ExclusionRule } from '../exclusions.ts';
import { computeKey, exclusionRulesAt, type ComputedMetric } from '../metrics/engine.ts';
import { bandingSummaryOf } from '../metrics/metric-table.ts';
import { outcomesTable } from '../metrics/outcomes.ts';
import type { Figure, ForceBar, MetricFigure, PublishedBand, TableRow } from '../model/types.ts';
import type { MetricRegistry } from '../registry/registry.ts';
import { figureOf, sharedBandResult, type MetricFigureOptions } from './figure.ts';
import type { FigureLayout, LayoutContext, LayoutNotes, LayoutText } from './layout.ts';
import type { PeriodChoice } from './periods.ts';

/** What every builder reads: the release, the force, the registry, and the report's window. */
export interface BuildContext extends LayoutContext {
  registry: MetricRegistry;
  periodEnd: string;
  /** In a report regenerated for another period end: the period each metric is shown for (periods.ts). */
  periodOf?: (key: string) => PeriodChoice;
}

const PRINTED_SOURCE = 'peel-2016-durham-report';

export const textOf = (text: LayoutText, context: LayoutContext): string =>
  typeof text === 'string' ? text : text(context);

const notesOf = (notes: LayoutNotes, context: LayoutContext): string[] =>
  typeof notes === 'function' ? notes(context) : [...notes];

/** The number and title of a figure, in the model's key order. */
const headOf = (context: BuildContext, layout: FigureLayout) => ({
  number: layout.number,
  title: textOf(layout.title, context),
});

/** A figure's notes: the layout's, then the exclusion rules it lists. */
function notesFor(
  context: BuildContext,
  layout: Extract<FigureLayout, { kind: 'by-force' | 'outcomes-table' | 'printed-outcomes-table' | 'printed-table' }>,
): string[] {
  return [...notesOf(layout.notes, context), ...exclusionNotesOf(context, layout.metric, layout.exclusionNotes)];
}

/**
 * The exclusion rules of a key that hold for the values a report shows (the period it shows them for: the report's
 * own in the 2016 edition, the period chosen in a regenerated one), and those set aside there (exclusions.ts).
 */
export function rulesShown(
  context: Pick<BuildContext, 'release' | 'registry' | 'periodOf'>,
  key: string,
): ReturnType<typeof exclusionRulesAt> {
  const choice = context.periodOf?.(key);
  const period = choice === undefined ? undefined : isMissing(choice) ? null : choice.period;
  return exclusionRulesAt(context.release, key, { registry: context.registry, period });
}

/**
 * The exclusion rules of a metric as figure notes: all of them, or only the forces left out; then the rules of the
 * 2016 report that do not hold for the period shown, with what applies instead.
 */
function exclusionNotesOf(context: BuildContext, metric: string, which: 'all' | 'excluded' | undefined): string[] {
  if (!which) return [];
  const { holding, setAside } = rulesShown(context, metric);
  const pick = (rules: ExclusionRule[]) =>
    which === 'all' ? rules : rules.filter((rule) => rule.treatment === 'excluded');
  return [...pick(holding).map(exclusionNote), ...pick(setAside).map(setAsideNote)];
}

/** A figure for one force, with the registry of the report. */
export function itemFigure(context: BuildContext, metric: string, options: MetricFigureOptions = {}): MetricFigure {
  const choice = options.period === undefined ? context.periodOf?.(metric) : undefined;
  if (choice && isMissing(choice)) {
    const { label } = computeKey(context.release, metric, { registry: context.registry });
    return unavailableFigure(metric, label, choice.reason);
  }
  const figure = figureOf(context.release, context.force, metric, {
    ...options,
    registry: context.registry,
    ...(choice ? { period: choice.period } : {}),
  });
  // A figure shown for the nearest period its source covers says so.
  return choice?.nearest
    ? { ...figure, force: { ...figure.force, caveats: [...figure.force.caveats, choice.nearest] } }
    : figure;
}

/** Figure for a metric no dataset holds: Missing for every force, with the reason. */
export function unavailableFigure(metricId: string, label: string, reason: string): MetricFigure {
  const provenance: Provenance = { source: PRINTED_SOURCE, note: reason };
  return {
    metricId,
    label,
    unit: '',
    precision: 1,
    period: missing('x', 'no period: the value is not available'),
    force: { value: missing('x', reason), provenance, caveats: [] },
    englandWales: {
      value: missing('x', reason),
      provenance,
      caveats: [],
      method: 'published',
      included: [],
      excluded: [],
    },
    comparison: missing('x', reason),
  };
}

/** itemFigure, or an unavailable figure where the release holds no dataset for the key. */
export function safeFigure(
  context: BuildContext,
  metric: string,
  label: string,
  options: MetricFigureOptions = {},
): MetricFigure {
  try {
    return itemFigure(context, metric, options);
  } catch (error) {
    if (error instanceof RangeError)
      return unavailableFigure(metric, label, `no dataset in this release holds ${label.toLowerCase()}`);
    throw error;
  }
}

const tableRow = (figure: MetricFigure, extra: Partial<TableRow> = {}): TableRow => ({
  ...figure,
  rowType: 'metric',
  ...extra,
});

function seriesFigure(context: BuildContext, layout: Extract<FigureLayout, { kind: 'series' }>): Figure {
  const { release, force, registry, periodEnd } = context;
  const ends = release.recordedCrime.periods.filter((end) => end >= layout.from && end <= periodEnd);
  // Each point is the metric for the 12 months to that quarter end.
  const points = ends.map((end) => {
    const computed = computeKey(release, layout.metric, { period: end, registry });
    const row = computed.rows.get(force.slug);
    return {
      period: { type: 'rolling-12m', end } as Period,
      force: row
        ? { value: row.value, provenance: row.provenance, caveats: row.caveats }
        : { value: missing('x', 'no value'), provenance: computed.englandWales.provenance, caveats: [] },
      englandWales: computed.englandWales,
    };
  });
  const { unit, precision } = computeKey(release, layout.metric, { registry });
  return {
    kind: 'series',
    ...headOf(context, layout),
    metricIds: [layout.metric],
    period: { type: 'range', start: layout.from, end: periodEnd },
    notes: notesOf(layout.notes, context),
    unit,
    precision,
    points,
  };
}

// The bars of a by-force chart are the same in every force's report (bar the highlight), so they are built once.
function barsOf(context: BuildContext, computed: ComputedMetric): ForceBar[] {
  return cached(
    context.release,
    `bars|${computed.metricId}|${JSON.stringify(computed.period)}`,
    () =>
      computed.forces.map((candidate) => {
        const row = computed.rows.get(candidate.slug);
        return {
          force: { slug: candidate.slug, name: candidate.name, shortName: candidate.shortName },
          value: row?.value ?? missing('x', 'no value'),
          isSubject: false,
          ...(isMissing(computed.banding)
            ? {}
            : { band: sharedBandResult(context.release, computed.banding, candidate.slug) }),
          caveats: row?.caveats ?? [],
        };
      }),
    context.registry,
  );
}

function byForceFigure(context: BuildContext, layout: Extract<FigureLayout, { kind: 'by-force' }>): Figure {
  const { release, force, registry } = context;
  const choice = context.periodOf?.(layout.metric);
  if (choice && isMissing(choice)) {
    const subject = itemFigure(context, layout.metric);
    const { unit, precision } = subject;
    const notes = notesFor(context, layout);
    const banding = bandingSummaryOf(choice);
    return {
      kind: 'by-force',
      ...headOf(context, layout),
      metricIds: [layout.metric],
      period: choice,
      notes,
      unit,
      precision,
      subject,
      bars: [],
      banding,
    };
  }
  const computed = computeKey(release, layout.metric, { registry, ...(choice ? { period: choice.period } : {}) });
  const options = layout.publishedPeriodDiffers ? { publishedPeriodDiffers: layout.publishedPeriodDiffers } : {};
  const subject = itemFigure(context, layout.metric, options);
  return {
    kind: 'by-force',
    ...headOf(context, layout),
    metricIds: [layout.metric],
    period: computed.period,
    notes: notesFor(context, layout),
    unit: subject.unit,
    precision: subject.precision,
    subject,
    bars: barsOf(context, computed).map((bar) => (bar.force.slug === force.slug ? { ...bar, isSubject: true } : bar)),
    banding: bandingSummaryOf(computed.banding),
  };
}

const PRINTED_BANDS: Record<string, PublishedBand['band']> = {
  'among the highest': 'among-the-highest',
  'one of the highest': 'among-the-highest',
  'broadly in line': 'broadly-in-line',
  'broadly in line with': 'broadly-in-line',
  'among the lowest': 'among-the-lowest',
  'one of the lowest': 'among-the-lowest',
};

/**
 * The band a printed table row states, typed, with provenance "as printed"; a band text this library does not know
 * is a transcription error, so it throws naming the row.
 */
function publishedBandOf(printed: string, where: string, provenance: Provenance): PublishedBand {
  const band = PRINTED_BANDS[printed.trim().toLowerCase()];
  if (!band)
    throw new RangeError(
      `${where}: unknown printed band ${JSON.stringify(printed)}; expected one of ${Object.keys(PRINTED_BANDS)
        .map((text) => `'${text}'`)
        .join(', ')}`,
    );
  return { band, printed, provenance };
}

function outcomesFigure(context: BuildContext, layout: Extract<FigureLayout, { kind: 'outcomes-table' }>): Figure {
  const { release, force, periodEnd } = context;
  if (!release.outcomes) {
    return {
      kind: 'table',
      ...headOf(context, layout),
      metricIds: [layout.metric],
      period: missing('x', 'this release has no outcomes data'),
      notes: [],
      rows: [],
    };
  }
  const forces = territorialForcesOf(release);
  const table = outcomesTable(
    release.outcomes,
    forces.map((candidate) => candidate.slug),
  );
  const printedRows = release.durhamPublished?.force === force.slug ? release.durhamPublished.outcomes : [];
  const rows = table.rows.map((row): TableRow => {
    const figure = itemFigure(context, `${layout.metric}:${row.id}`);
    // Outcome rows match on the printed outcome number, group and total rows on the printed label.
    const printed = printedRows.find((candidate) =>
      row.rowType === 'outcome'
        ? !isMissing(candidate.number) && candidate.number === String(row.outcomeTypes[0])
        : candidate.rowType !== 'outcome' && candidate.type === row.label,
    );
    const withPrinted: MetricFigure = { ...figure, label: row.label };
    if (printed) {
      const printedForce =
        typeof printed.durham.value === 'number' ? printed.durham.value : missing('x', 'not printed');
      const printedEw =
        typeof printed.englandWales.value === 'number' ? printed.englandWales.value : missing('x', 'not printed');
      const printedProvenance: Provenance = {
        source: PRINTED_SOURCE,
        period: { type: 'rolling-12m', end: periodEnd },
        note: layout.printedNote,
      };
      withPrinted.published = { force: printedForce, englandWales: printedEw, provenance: printedProvenance };
      if (printed.band)
        withPrinted.publishedBand = publishedBandOf(printed.band, `durhamPublished.outcomes row "${printed.type}"`, {
          ...printedProvenance,
          note: layout.printedBandNote,
        });
      withPrinted.difference = {
        force: missing('z', layout.printedDiffers.force),
        englandWales: missing('z', layout.printedDiffers.englandWales),
      };
    }
    return tableRow(withPrinted, {
      rowType: row.rowType,
      outcomeNumbers: [...row.outcomeTypes],
      ...(row.group ? { group: row.group } : {}),
    });
  });
  return {
    kind: 'table',
    ...headOf(context, layout),
    metricIds: [...layout.metricIds],
    period: release.outcomes.period,
    notes: notesFor(context, layout),
    rows,
  };
}

function printedOutcomesFigure(
  context: BuildContext,
  layout: Extract<FigureLayout, { kind: 'printed-outcomes-table' }>,
): Figure {
  const { release, force, periodEnd } = context;
  const printed = release.durhamPublished?.domesticAbuseOutcomes ?? [];
  const isPrintedForce = release.durhamPublished?.force === force.slug;
  const window: Period = { type: 'rolling-12m', end: periodEnd };
  const provenance: Provenance = { source: PRINTED_SOURCE, period: window, note: layout.printedNote };
  const exclusions = rulesOf(layout.metric, context.registry.exclusions)
    .filter((r) => r.treatment === 'excluded')
    .map(exclusionNote);
  const rows = printed.map((row): TableRow => {
    const value =
      isPrintedForce && typeof row.durham.value === 'number' ? row.durham.value : missing('x', layout.notOpen);
    const englandWales =
      typeof row.englandWales.value === 'number' ? row.englandWales.value : missing('x', 'not printed');
    return {
      metricId: layout.metric,
      label: row.type,
      unit: layout.unit,
      precision: 1,
      period: window,
      force: { value, provenance, caveats: [] },
      englandWales: {
        value: englandWales,
        provenance: { ...provenance, exclusions },
        caveats: [],
        method: 'published',
        included: [],
        excluded: [],
      },
      comparison: isMissing(value)
        ? value
        : value === englandWales
          ? 'in-line'
          : isMissing(englandWales)
            ? englandWales
            : value > englandWales
              ? 'above'
              : 'below',
      ...(isPrintedForce && row.band
        ? {
            band: missing('x', layout.bandNotOpen),
            publishedBand: publishedBandOf(row.band, `durhamPublished.domesticAbuseOutcomes row "${row.type}"`, {
              ...provenance,
              note: layout.printedBandNote,
            }),
          }
        : {}),
      rowType: row.rowType,
    };
  });
  return {
    kind: 'table',
    ...headOf(context, layout),
    metricIds: [layout.metric],
    period: window,
    notes: notesFor(context, layout),
    rows,
  };
}

function printedTableFigure(context: BuildContext, layout: Extract<FigureLayout, { kind: 'printed-table' }>): Figure {
  return {
    kind: 'table',
    ...headOf(context, layout),
    metricIds: [layout.metric],
    period: layout.period,
    notes: notesFor(context, layout),
    rows: [tableRow(itemFigure(context, layout.metric))],
  };
}

function metricTableFigure(context: BuildContext, layout: Extract<FigureLayout, { kind: 'metric-table' }>): Figure {
  const rows = layout.metrics.map((metric) => tableRow(itemFigure(context, metric)));
  return {
    kind: 'table',
    ...headOf(context, layout),
    metricIds: rows.map((row) => row.metricId),
    period: { type: 'rolling-12m', end: context.periodEnd },
    notes: notesOf(layout.notes, context),
    rows,
  };
}

/**
 * The model's Figure for one figure of a layout.
 * @example figureFor(context, PEEL_2016_LAYOUT.figures[1]).kind // 'table'
 */
export function figureFor(context: BuildContext, layout: FigureLayout): Figure {
  switch (layout.kind) {
    case 'series':
      return seriesFigure(context, layout);
    case 'metric-table':
      return metricTableFigure(context, layout);
    case 'by-force':
      return byForceFigure(context, layout);
    case 'outcomes-table':
      return outcomesFigure(context, layout);
    case 'printed-outcomes-table':
      return printedOutcomesFigure(context, layout);
    case 'printed-table':
      return printedTableFigure(context, layout);
  }
}
