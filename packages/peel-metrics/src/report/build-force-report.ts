/**
 * The whole report model for one force: the walker of a report layout.
 *
 * Method: the layout (editions/peel-2016.ts by default) says what the report shows; this file walks it once for any
 * of the 43 territorial forces and the release's datasets:
 *   - judgments: the 2016 grades found in public sources (Missing where no source states one); question 5
 *     was ungraded for every force in this edition;
 *   - figures, panels, the crime-change block and the disclosure rates: one builder per figure kind (figures.ts),
 *     values from the metric engine, labels from the registry;
 *   - other metrics: every printed figure of the force the layout does not show elsewhere;
 *   - sentences (narrative.ts), footnotes and exclusion notes, in the layout's order.
 * Every number carries provenance; printed and recomputed values sit side by side with their difference.
 */
import { isMissing, judgmentOf, missing, type Force, type Grade, type Missing, type Provenance } from 'peel-data';
import { cached } from '../data/cache.ts';
import { resolveRelease, resolveTerritorialForce, territorialForcesOf, type MetricsRelease } from '../data/release.ts';
import { setAsideNote } from '../exclusion-note.ts';
import type { ExclusionRule } from '../exclusions.ts';
import { computeKey } from '../metrics/engine.ts';
import type { ForceReport, JudgmentEntry, MetricFigure } from '../model/types.ts';
import { METRIC_REGISTRY, presentationOf } from '../registry/registry.ts';
import { assertEdition, type EditionOptions } from './edition.ts';
import { PEEL_2016_LAYOUT } from './editions/peel-2016.ts';
import {
  figureFor,
  itemFigure,
  rulesShown,
  safeFigure,
  textOf,
  unavailableFigure,
  type BuildContext,
} from './figures.ts';
import type { PanelItemLayout, ReportLayout } from './layout.ts';
import { sentencesOf } from './narrative.ts';
import { reconcileRelease } from '../reconciliation.ts';
import { periodLayoutOf, printedOnlyFigure } from './period-layout.ts';
import {
  assertReportPeriod,
  periodChoiceOf,
  REGENERATION_NOTICE,
  regeneratedJudgments,
  regeneratedRelease,
  regenerationSentence,
} from './periods.ts';

/** Options of buildForceReport: the edition, release and registry, and the period end of a regenerated report. */
export interface ForceReportOptions extends EditionOptions {
  /**
   * A quarter end the release covers (`reportPeriods()`): the report regenerated for the 12 months to that date,
   * without judgments or printed values. The edition as HMIC published it when omitted.
   */
  periodEnd?: string;
}

const QUESTION_IDS = ['preventing', 'investigating', 'vulnerability', 'serious_organised', 'specialist'] as const;
const OVERALL_QUESTION = 'How effective is the force at keeping people safe and reducing crime?';

/** The layout of each edition this library builds. */
const LAYOUTS: Record<ReportLayout['edition'], ReportLayout> = { 'peel-2016-effectiveness': PEEL_2016_LAYOUT };

function judgmentEntries(release: MetricsRelease, force: Force): ForceReport['judgments'] {
  const published = release.durhamPublished?.force === force.slug ? release.durhamPublished : undefined;
  const questionText = (number: number): string =>
    release.durhamPublished?.judgments.coreQuestions.find((q) => q.number === number)?.question ??
    `Core question ${number}`;
  const lookup = (year: number, question: (typeof QUESTION_IDS)[number] | 'overall') =>
    release.judgments ? judgmentOf(release.judgments, force.slug, year, question) : undefined;
  const gradeOf = (
    year: number,
    question: (typeof QUESTION_IDS)[number] | 'overall',
  ): { grade: Grade | 'ungraded' | Missing; provenance?: Provenance } => {
    const judgment = lookup(year, question);
    if (!judgment) return { grade: missing('x', `no ${year} ${question} grade for ${force.name} in this release`) };
    const provenance: Provenance | undefined = judgment.source
      ? {
          source: judgment.source.dataset,
          note: `"${judgment.source.quote}" (${judgment.source.publisher}, ${judgment.source.url})`,
        }
      : undefined;
    return provenance ? { grade: judgment.grade, provenance } : { grade: judgment.grade };
  };
  const previous = (year: number, question: (typeof QUESTION_IDS)[number] | 'overall'): Grade | Missing => {
    const grade = gradeOf(year, question).grade;
    return grade === 'ungraded' ? missing('z', 'not graded that year') : grade;
  };
  const overall2016 = gradeOf(2016, 'overall');
  const overall: JudgmentEntry = {
    number: 0,
    question: release.durhamPublished?.judgments.overall.question ?? OVERALL_QUESTION,
    grade: overall2016.grade,
    previousGrade: previous(2015, 'overall'),
    areasForImprovement: missing('z', 'areas for improvement belong to the core questions'),
    ...(overall2016.provenance ? { provenance: overall2016.provenance } : {}),
  };
  const questions = QUESTION_IDS.map((question, index): JudgmentEntry => {
    const number = index + 1;
    const found = gradeOf(2016, question);
    // Question 5 (specialist capabilities) was not graded for any force in the 2016 edition.
    const grade = question === 'specialist' && isMissing(found.grade) ? 'ungraded' : found.grade;
    const areas = published?.judgments.coreQuestions.find((q) => q.number === number)?.areasForImprovement;
    return {
      number,
      question: questionText(number),
      grade,
      ...(question === 'vulnerability' ? { previousGrade: previous(2015, 'vulnerability') } : {}),
      areasForImprovement: areas
        ? [...areas]
        : missing('x', `the areas for improvement in ${force.name}'s report are not in the open data`),
      ...(found.provenance ? { provenance: found.provenance } : {}),
    };
  });
  return { overall, questions };
}

/** The label a panel item falls back to where the release cannot give its value: the registry's, else its id. */
function labelOf(context: BuildContext, key: string): string {
  const metric = context.registry.byId.get(key) ?? context.registry.parts.get(key)?.metric;
  return metric?.id === key ? presentationOf(metric).label : key.replaceAll('_', ' ');
}

function panelItem(context: BuildContext, item: PanelItemLayout, figures: ForceReport['figures']): MetricFigure {
  switch (item.kind) {
    case 'metric':
      return safeFigure(
        context,
        item.metric,
        labelOf(context, item.metric),
        item.publishedPeriodDiffers ? { publishedPeriodDiffers: item.publishedPeriodDiffers } : {},
      );
    case 'figure-row': {
      // Labelled as its row of the figure (the registry's label names the whole table).
      const figure = safeFigure(context, item.metric, item.label);
      const table = figures.find((candidate) => candidate.number === item.figure);
      const row =
        table?.kind === 'table' ? table.rows.find((candidate) => candidate.metricId === figure.metricId) : undefined;
      return row ? { ...figure, label: `${row.label} (share of offences recorded)` } : figure;
    }
    case 'unavailable': {
      // Only a rule whose evidence covers the period shown (the 2016 report's own, not a regenerated period).
      const rule = item.exclusionRuleFirst
        ? rulesShown(context, item.metric).holding.find((r) => r.force === context.force.slug)
        : undefined;
      const reason = rule?.reason ?? textOf(item.reason, context);
      const figure = unavailableFigure(item.metric, item.label, reason);
      return item.englandWalesMethod
        ? { ...figure, englandWales: { ...figure.englandWales, method: item.englandWalesMethod } }
        : figure;
    }
  }
}

function otherPrinted(context: BuildContext, layout: ReportLayout): MetricFigure[] {
  const shownElsewhere = new Set<string>(layout.otherMetricsExcept);
  return (context.release.durhamPublished?.figures ?? [])
    .filter((figure) => !shownElsewhere.has(figure.id))
    .map((figure) => safeFigure(context, figure.id, figure.label));
}

function exclusionNotes(context: BuildContext, layout: ReportLayout): string[] {
  const notes = cached(
    context.release,
    `exclusion-notes|${layout.edition}|${layout.periodEnd}`,
    () => {
      const names = new Map(territorialForcesOf(context.release).map((force) => [force.slug, force.name]));
      // A rule is listed when it holds for one of the metrics' values shown; else, once, with what applies instead.
      const holding = new Set(layout.exclusionNotesFor.flatMap((id) => rulesShown(context, id).holding));
      const setAside = new Set(
        layout.exclusionNotesFor.flatMap((id) => rulesShown(context, id).setAside.filter((r) => !holding.has(r))),
      );
      const head = (rule: ExclusionRule) =>
        `${names.get(rule.force) ?? rule.force} (${rule.treatment}; ${rule.metrics.slice(0, 3).join(', ')}` +
        `${rule.metrics.length > 3 ? ', …' : ''})`;
      return [...[...holding].map((rule) => `${head(rule)}: ${rule.reason}`), ...[...setAside].map(setAsideNote)];
    },
    context.registry,
  );
  return [...notes];
}

/**
 * Builds the report model of an edition (the 2016 effectiveness report by default) for any of the 43 territorial
 * forces, by walking the edition's layout.
 * @example buildForceReport('durham').judgments.overall.grade // 'outstanding'
 * @example buildForceReport('E23000008').figures.map((figure) => figure.number) // [1, 2, 3, 4, 5, 6, 7, 8, 9]
 */
export function buildForceReport(forceSlugOrCode: string, options: ForceReportOptions = {}): ForceReport {
  const edition = assertEdition(options.edition);
  const registry = options.registry ?? METRIC_REGISTRY;
  const given = resolveRelease(options.release);
  const periodEnd =
    options.periodEnd === undefined ? undefined : assertReportPeriod(given, registry, options.periodEnd);
  // A regenerated report reads the release without the printed report and the judgments (2016 edition only).
  const release = periodEnd === undefined ? given : regeneratedRelease(given);
  const layout = periodEnd === undefined ? LAYOUTS[edition] : periodLayoutOf(LAYOUTS[edition], periodEnd);
  const force = resolveTerritorialForce(forceSlugOrCode, release);
  const context: BuildContext = {
    release,
    force,
    registry,
    periodEnd: layout.periodEnd,
    ...(periodEnd === undefined
      ? {}
      : { periodOf: (key: string) => periodChoiceOf(release, registry, key, periodEnd) }),
  };
  const judgments = periodEnd === undefined ? judgmentEntries(release, force) : regeneratedJudgments(given);
  const figures = layout.figures.map((figure) =>
    periodEnd !== undefined && (figure.kind === 'printed-outcomes-table' || figure.kind === 'printed-table')
      ? printedOnlyFigure(context, figure)
      : figureFor(context, figure),
  );
  const forceInNumbers: ForceReport['forceInNumbers'] = layout.forceInNumbers.map((panel) => ({
    id: panel.id,
    label: panel.label,
    items: panel.items.map((item) => panelItem(context, item, figures)),
  }));
  const increaseChoice = context.periodOf?.(layout.crimeChange.forcesWithAnnualIncrease);
  const increases = computeKey(release, layout.crimeChange.forcesWithAnnualIncrease, {
    registry,
    ...(increaseChoice && !isMissing(increaseChoice) ? { period: increaseChoice.period } : {}),
  });
  const risingPeriod = increases.period;
  const report = {
    edition,
    title: textOf(layout.title, context),
    force: {
      slug: force.slug,
      name: force.name,
      shortName: force.shortName,
      code: isMissing(force.code) ? force.slug : force.code,
    },
    judgments,
    forceInNumbers,
    figures,
    crimeChange: {
      vs2011: itemFigure(context, layout.crimeChange.vs2011),
      victimBasedVs2011: itemFigure(context, layout.crimeChange.victimBasedVs2011),
      yearOnYear: itemFigure(context, layout.crimeChange.yearOnYear),
      forcesWithAnnualIncrease: {
        value: increaseChoice && isMissing(increaseChoice) ? increaseChoice : increases.englandWales.value,
        outOf: increases.forces.length,
        forces: increases.englandWales.included,
        provenance: {
          ...increases.englandWales.provenance,
          ...(!isMissing(risingPeriod) && risingPeriod.type === 'change' ? { period: risingPeriod.to } : {}),
        },
      },
    },
    domesticViolenceDisclosure: layout.domesticViolenceDisclosure.map((key) =>
      safeFigure(context, key, key.replaceAll('_', ' ')),
    ),
    otherMetrics: otherPrinted(context, layout),
    reconciliation: reconcileRelease(force, release, registry),
  };
  const narrative = { release, force, registry, report, ...(context.periodOf ? { periodOf: context.periodOf } : {}) };
  return {
    ...report,
    sentences:
      periodEnd === undefined
        ? sentencesOf(narrative, layout.sentences)
        : [
            regenerationSentence(periodEnd),
            ...sentencesOf(
              narrative,
              layout.sentences.filter((step) => step.kind !== 'judgment'),
            ),
          ],
    footnotes: layout.footnotes.flatMap((note) =>
      typeof note === 'string' ? [note] : note.force === force.slug ? [note.text] : [],
    ),
    exclusionNotes: exclusionNotes(context, layout),
    sources: Array.isArray(release.sources) ? release.sources : [],
    ...(periodEnd === undefined
      ? {}
      : { regeneration: { periodEnd, publishedByHmic: false as const, notice: REGENERATION_NOTICE } }),
  };
}
