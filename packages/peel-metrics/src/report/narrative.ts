/**
 * The report's sentences, written in the order the layout lists them (layout.ts `SentenceLayout`), each from the
 * model's own figures through sentences.ts, so a sentence and the number it states cannot disagree.
 *
 * Method: a comparison names the force's short name, the measure (the figure's label without its "per 1,000
 * population" tail unless the layout names it) and the period as the figure states it; a missing value gets the
 * missing sentence with its reason; changes give both windows; the banding sentence lists the outcome rows in the
 * top and bottom quarter; exclusion sentences name the forces a measure leaves out and why.
 */
import { formatPeriod, isMissing, missing, type Force } from 'peel-data';
import { territorialForcesOf, type MetricsRelease } from '../data/release.ts';
import { rulesShown } from './figures.ts';
import type { PeriodChoice } from './periods.ts';
import type { ForceReport, MetricFigure, Sentence } from '../model/types.ts';
import type { MetricRegistry } from '../registry/registry.ts';
import * as say from '../sentences.ts';
import type { FigureRef, SentenceLayout } from './layout.ts';

type ReportSoFar = Omit<ForceReport, 'sentences' | 'footnotes' | 'exclusionNotes' | 'sources'>;

interface NarrativeContext {
  release: MetricsRelease;
  force: Force;
  registry: MetricRegistry;
  report: ReportSoFar;
  /** In a report regenerated for another period end: the period each metric is shown for (periods.ts). */
  periodOf?: (key: string) => PeriodChoice;
}

const periodWords = (figure: MetricFigure): string => {
  if (isMissing(figure.period)) return 'the period';
  const words = formatPeriod(figure.period);
  return /^(as at|calendar|financial|mid-)/.test(words) ? words : `the ${words}`;
};

const measureOf = (label: string): string =>
  `${label.charAt(0).toLowerCase()}${label.slice(1)}`.replace(
    / per (1,000|100,000|one million|1,000,000)( population| households)?$/,
    '',
  );

/** The figure a sentence refers to, or undefined when the report has none there. */
function figureAt(report: ReportSoFar, ref: FigureRef): MetricFigure | undefined {
  if ('crimeChange' in ref) return report.crimeChange[ref.crimeChange];
  if ('panel' in ref)
    return report.forceInNumbers
      .find((area) => area.id === ref.panel)
      ?.items.find((item) => item.metricId === ref.metric);
  const figure = report.figures.find((candidate) => candidate.number === ref.figure);
  return figure?.kind === 'by-force' ? figure.subject : undefined;
}

function judgmentSentence({ force, report }: NarrativeContext): Sentence {
  const overall = report.judgments.overall;
  const previous =
    overall.previousGrade && !isMissing(overall.previousGrade)
      ? `; in 2015 it was judged ${overall.previousGrade}`
      : '';
  return {
    kind: 'judgment',
    metricIds: [],
    text: isMissing(overall.grade)
      ? `No public source in this release states ${force.name}'s overall effectiveness grade for 2016 ` +
        `(${overall.grade.reason}).`
      : `In 2016 HMIC judged ${force.name} ${overall.grade} at keeping people safe and reducing crime${previous}.`,
    values: [],
    rule: "Grades as stated in the sources named in each judgment's provenance.",
  };
}

function tableComparisons(
  { force, report }: NarrativeContext,
  step: Extract<SentenceLayout, { kind: 'table-comparisons' }>,
): Sentence[] {
  const table = report.figures.find((figure) => figure.number === step.figure);
  if (table?.kind !== 'table') return [];
  return table.rows.map((row) => {
    const sentence = say.describeComparison({
      metricId: row.metricId,
      subject: force.shortName,
      measure: `rate of ${measureOf(row.label)}`,
      period: periodWords(row),
      value: row.force.value,
      englandWales: row.englandWales.value,
      precision: row.precision,
      unit: row.unit.replace(/^crimes /, ''),
    });
    // City of London's rates are not comparable with the report's (see its caveat): say so in the sentence itself.
    if (force.slug === 'city-of-london' && typeof row.force.value === 'number') sentence.text += step.cityOfLondonNote;
    return sentence;
  });
}

function changeSentence(
  { force, report }: NarrativeContext,
  step: Extract<SentenceLayout, { kind: 'change' }>,
): Sentence[] {
  const figure = figureAt(report, step.of);
  if (!figure) return [];
  const period = figure.period;
  const isChange = !isMissing(period) && period.type === 'change';
  if (step.periodWords === 'bare' && !isChange) return [];
  const [from, to] =
    !isMissing(period) && period.type === 'change'
      ? step.periodWords === 'the'
        ? [`the ${formatPeriod(period.from)}`, `the ${formatPeriod(period.to)}`]
        : [formatPeriod(period.from), formatPeriod(period.to)]
      : ['the earlier period', 'the later period'];
  return [
    say.describeChange({
      metricId: figure.metricId,
      subject: force.shortName,
      measure: step.measure,
      from,
      to,
      change: figure.force.value,
      englandWalesChange: figure.englandWales.value,
      precision: figure.precision,
      basis: step.basis,
    }),
  ];
}

function comparisonSentence(
  { force, report }: NarrativeContext,
  step: Extract<SentenceLayout, { kind: 'comparison' }>,
): Sentence[] {
  const s = figureAt(report, step.of);
  if (!s) return [];
  if (step.missingSentence && isMissing(s.force.value))
    return [
      say.describeMissing({
        metricId: s.metricId,
        subject: force.name,
        measure: s.label.toLowerCase(),
        value: s.force.value,
      }),
    ];
  return [
    say.describeComparison({
      metricId: s.metricId,
      subject: force.shortName,
      measure: step.measure ?? measureOf(s.label),
      period: periodWords(s),
      value: s.force.value,
      englandWales: s.englandWales.value,
      precision: s.precision,
      unit: step.unit ?? (s.unit.startsWith('percent') ? 'percent' : s.unit),
    }),
  ];
}

function bandingSentence(
  { force, report }: NarrativeContext,
  step: Extract<SentenceLayout, { kind: 'banding' }>,
): Sentence[] {
  const outcomes = report.figures.find((figure) => figure.number === step.figure);
  if (outcomes?.kind !== 'table' || outcomes.rows.length === 0) return [];
  const metricId = outcomes.metricIds[0] ?? '';
  const bandedRows = outcomes.rows.filter(
    (row) => row.rowType !== 'total' && !(row.rowType === 'outcome' && row.group),
  );
  const lists = say.bandLists(
    bandedRows.map((row) => ({ label: row.label, band: row.band && !isMissing(row.band) ? row.band.band : undefined })),
  );
  const first = bandedRows.find((row) => row.band && !isMissing(row.band))?.band;
  if (first && !isMissing(first))
    return [
      say.describeBanding({
        metricId,
        subject: force.name,
        period: isMissing(outcomes.period) ? 'the period' : formatPeriod(outcomes.period),
        ...lists,
        n: first.n,
        k: first.k,
      }),
    ];
  const reason = bandedRows.find((row) => row.band && isMissing(row.band))?.band;
  return [
    say.describeMissing({
      metricId,
      subject: force.name,
      measure: 'outcome bands',
      value: reason && isMissing(reason) ? reason : missing('x', 'no banding'),
    }),
  ];
}

function disclosureComparisons(
  { force, report }: NarrativeContext,
  step: Extract<SentenceLayout, { kind: 'disclosure-comparisons' }>,
): Sentence[] {
  return report.domesticViolenceDisclosure
    .filter((figure) => figure.metricId.endsWith('_rate'))
    .map((item) =>
      isMissing(item.force.value)
        ? say.describeMissing({
            metricId: item.metricId,
            subject: force.name,
            measure: item.label.toLowerCase(),
            value: item.force.value,
          })
        : say.describeComparison({
            metricId: item.metricId,
            subject: force.shortName,
            measure: `rate of ${item.label.replace(/ rate$/i, '')}`,
            period: step.period,
            value: item.force.value,
            englandWales: item.englandWales.value,
            precision: item.precision,
            unit: item.unit,
          }),
    );
}

function missingSentence(
  { force, report }: NarrativeContext,
  step: Extract<SentenceLayout, { kind: 'missing' }>,
): Sentence[] {
  const figure = figureAt(report, step.of);
  if (!figure || !isMissing(figure.force.value)) return [];
  return [
    say.describeMissing({
      metricId: figure.metricId,
      subject: force.name,
      measure: step.measure,
      value: figure.force.value,
    }),
  ];
}

function exclusionSentences(
  context: NarrativeContext,
  step: Extract<SentenceLayout, { kind: 'exclusions' }>,
): Sentence[] {
  const names = new Map(territorialForcesOf(context.release).map((candidate) => [candidate.slug, candidate.name]));
  return step.metrics.flatMap(([metricId, measure]) => {
    // Only the rules that hold for the values shown (the 2016 report's Dorset exclusion is not the 2017/18 data's).
    const rules = rulesShown(context, metricId).holding.filter((rule) => rule.treatment === 'excluded');
    if (rules.length === 0) return [];
    const reasons = [...new Set(rules.map((rule) => rule.reason))];
    return [
      say.describeExclusion({
        metricId,
        forces: rules.map((rule) => names.get(rule.force) ?? rule.force),
        measure,
        reason: reasons.length === 1 ? (reasons[0] as string) : reasons.join('; '),
      }),
    ];
  });
}

/**
 * The report's sentences, one layout step at a time.
 * @example sentencesOf(context, PEEL_2016_LAYOUT.sentences)[0].kind // 'judgment'
 */
export function sentencesOf(context: NarrativeContext, steps: readonly SentenceLayout[]): Sentence[] {
  return steps.flatMap((step): Sentence[] => {
    switch (step.kind) {
      case 'judgment':
        return [judgmentSentence(context)];
      case 'table-comparisons':
        return tableComparisons(context, step);
      case 'change':
        return changeSentence(context, step);
      case 'forces-with-increase': {
        const increase = context.report.crimeChange.forcesWithAnnualIncrease;
        return [
          say.describeForcesWithIncrease({
            count: increase.value,
            outOf: increase.outOf,
            measure: step.measure,
            period: step.period,
          }),
        ];
      }
      case 'comparison':
        return comparisonSentence(context, step);
      case 'banding':
        return bandingSentence(context, step);
      case 'disclosure-comparisons':
        return disclosureComparisons(context, step);
      case 'missing':
        return missingSentence(context, step);
      case 'exclusions':
        return exclusionSentences(context, step);
    }
  });
}
