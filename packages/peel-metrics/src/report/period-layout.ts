/**
 * The 2016 layout regenerated for another period end: the same figures, panels and sentences in the same order, with
 * titles, notes and footnotes that name the period shown instead of the 12 months to 30 June 2016, and the five-year
 * series shifted to end at the period end. Printed-only tables become Missing with the reason (periods.ts).
 */
import { formatDate, formatPeriod, isMissing, missing, type Period } from 'peel-data';
import type { Figure } from '../model/types.ts';
import { METRIC } from '../registry/ids.ts';
import { METRIC_REGISTRY } from '../registry/registry.ts';
import { populationYearForPeriodEnd } from '../rate.ts';
import { shiftYears } from '../metrics/recorded-crime.ts';
import { textOf, unavailableFigure, type BuildContext } from './figures.ts';
import type { FigureLayout, LayoutContext, ReportLayout, SentenceLayout } from './layout.ts';
import { periodChoiceOf, REGENERATION_NOTICE } from './periods.ts';

/** The words for the period a metric is shown for in a report to `periodEnd` (its nearest period, or the window). */
function shownPeriodWords({ release }: LayoutContext, metric: string, periodEnd: string): string {
  const choice = periodChoiceOf(release, METRIC_REGISTRY, metric, periodEnd);
  return isMissing(choice) ? formatPeriod({ type: 'rolling-12m', end: periodEnd }) : formatPeriod(choice.period);
}

/** Figure titles and notes for a report to `periodEnd`, by figure number; figures not listed keep the layout's. */
function figureTexts(periodEnd: string): Record<number, Partial<Pick<FigureLayout, 'title' | 'notes'>>> {
  const window = formatPeriod({ type: 'rolling-12m', end: periodEnd });
  const date = formatDate(periodEnd);
  return {
    1: {
      title: ({ force }) =>
        `Police-recorded crime rates (per 1,000 population) in ${force.name}, for the five years to ${date}`,
    },
    2: {
      title: `Police-recorded crime rates per 1,000 population compared with England and Wales, ${window}`,
      notes: (context) => [
        'Burglary in a dwelling is a rate per 1,000 households, not population; only the 2016 report printed it.',
        'Assault with injury (offence code 8N) is rebuilt from the Home Office outcomes file for ' +
          `${shownPeriodWords(context, METRIC.crime_rate_assault_with_injury, periodEnd)}.`,
      ],
    },
    3: {
      title: (context) =>
        'Percentage change in the rate of anti-social behaviour incidents (per 1,000 population), by force, ' +
        `${shownPeriodWords(context, METRIC.asb_rate_change_yoy, periodEnd)} (data.police.uk)`,
      notes: (context) => [
        `The report compares the 12 months to the period end with the 12 months before; data.police.uk gives ` +
          `calendar years, so ${shownPeriodWords(context, METRIC.asb_rate_change_yoy, periodEnd)}, the nearest ` +
          `it covers to the ${window}, is shown.`,
      ],
    },
    4: {
      notes: (context) => [
        'Recomputed from Home Office outcomes for offences recorded in ' +
          `${shownPeriodWords(context, `${METRIC.outcome_proportion}:charged-summonsed`, periodEnd)}, the nearest ` +
          `period the open data cover to the ${window}.`,
        'Group rows are computed from the unrounded counts of their members.',
        'Outcome type 10 (formal action not in the public interest, police decision) is counted in the total ' +
          'assigned but, as in the report, has no row.',
      ],
    },
    5: {
      notes: (context) => [
        'Outcome types 14 and 16. The share can be affected by the level of crimes such as domestic abuse in a force.',
        'Period: offences recorded in ' +
          `${shownPeriodWords(context, METRIC.evidential_difficulties_victim_not_support_pct, periodEnd)} ` +
          '(nearest open data).',
      ],
    },
    6: {
      title: `Percentage of police-recorded crime with a vulnerable victim identified, by force, ${window}`,
    },
    7: {
      title: ({ force }) => `Rate of outcomes recorded in the ${window} for domestic-related offences in ${force.name}`,
    },
    8: { title: `Organised crime groups per one million population, by force, ${window}`, notes: [] },
    9: {
      title: ({ force }) => `Active organised crime groups by predominant crime type in ${force.name}, ${window}`,
      notes: [],
    },
  };
}

/** Footnotes of the 2016 layout that name its window or its outcomes year; replaced in a regenerated report. */
const NAMES_2016_PERIOD = /30 June 2016|2017\/18/;

/**
 * The layout of a report regenerated for the 12 months to `periodEnd`, derived from an edition's layout.
 * @example periodLayoutOf(PEEL_2016_LAYOUT, '2018-06-30').periodEnd // '2018-06-30'
 */
export function periodLayoutOf(layout: ReportLayout, periodEnd: string): ReportLayout {
  const window = formatPeriod({ type: 'rolling-12m', end: periodEnd });
  const texts = figureTexts(periodEnd);
  const yearsBefore = (from: string) => Number(layout.periodEnd.slice(0, 4)) - Number(from.slice(0, 4));
  const figures = layout.figures.map((figure): FigureLayout => {
    const shifted = { ...figure, ...texts[figure.number] } as FigureLayout;
    return shifted.kind === 'series'
      ? { ...shifted, from: shiftYears(periodEnd, -yearsBefore(shifted.from)) }
      : shifted;
  });
  const sentences = layout.sentences.map((step): SentenceLayout =>
    step.kind === 'forces-with-increase' || step.kind === 'disclosure-comparisons'
      ? { ...step, period: `the ${window}` }
      : step,
  );
  const year = populationYearForPeriodEnd(periodEnd);
  return {
    ...layout,
    title: ({ force }) =>
      `Police effectiveness figures for the ${window} – ${force.name} ` +
      "(HMIC's PEEL 2016 method; not an HMIC publication)",
    periodEnd,
    figures,
    sentences,
    footnotes: [
      REGENERATION_NOTICE,
      ...layout.footnotes.filter((note) => typeof note !== 'string' || !NAMES_2016_PERIOD.test(note)),
      `Rates for the ${window} use ONS mid-${year} population estimates (the mid-year nearest the middle of the ` +
        '12 months).',
      'Anti-social behaviour and outcomes are for the nearest periods their open sources cover, named on each figure ' +
        'and value.',
    ],
  };
}

/**
 * A table printed in the 2016 report only, in a regenerated report: one Missing row saying why.
 * @example printedOnlyFigure(context, layout).rows[0].force.value // { missing: 'x', reason: 'HMIC collected …' }
 */
export function printedOnlyFigure(
  context: BuildContext,
  layout: Extract<FigureLayout, { kind: 'printed-outcomes-table' | 'printed-table' }>,
): Figure {
  const choice = periodChoiceOf(context.release, context.registry, layout.metric, context.periodEnd);
  const reason = isMissing(choice) ? choice.reason : 'printed in the 2016 report only';
  const { label } = context.registry.byId.get(layout.metric)?.definition ?? { label: layout.metric };
  const notes = typeof layout.notes === 'function' ? layout.notes(context) : [...layout.notes];
  const period: Period | ReturnType<typeof missing> = missing('x', reason);
  return {
    kind: 'table',
    number: layout.number,
    title: textOf(layout.title, context),
    metricIds: [layout.metric],
    period,
    notes,
    rows: [{ ...unavailableFigure(layout.metric, label, reason), rowType: 'metric' }],
  };
}
