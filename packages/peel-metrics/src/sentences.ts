/**
 * Comparison sentences, in this project's own words.
 *
 * Method: each builder takes unrounded numbers and returns the sentence with every number printed through
 * `formatValue` (rounded once, half away from zero, at the report's precision), plus the numbers, the
 * comparator ("England and Wales", excluding British Transport Police and any excluded force) and the rule
 * that chose each word, so a caller can show or check them. Directions ("above", "rose") are decided on
 * unrounded values, except that two values printing the same are "in line". A missing number never turns
 * into 0: the sentence says the figure is not available and why.
 */
import { formatMissing, isMissing, type NumberOrMissing } from 'peel-data';
import { BAND_LABEL, type Band } from './banding.ts';
import { compareWithEnglandWales, COMPARISON_LABEL } from './compare.ts';
import { formatValue } from './format/format-value.ts';
import type { Sentence } from './model/types.ts';
import * as METRIC from './registry/metric-id.ts';

/** The comparator every England and Wales figure refers to. */
export const ENGLAND_AND_WALES_COMPARATOR =
  'England and Wales (the 43 territorial forces; British Transport Police excluded)';

/**
 * Joins quoted labels: 'a', 'b' and 'c'.
 * @example quotedList(['Caution – adults', 'Community resolution']) // "'Caution – adults' and 'Community resolution'"
 */
export function quotedList(labels: readonly string[]): string {
  const quoted = labels.map((label) => `'${label}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

const printed = (value: NumberOrMissing, precision: number, unit?: string): string =>
  formatValue(value, unit === undefined ? { precision } : { precision, unit });
// Reasons are embedded in sentences, so a reason's own full stop is dropped.
const reasonOf = (value: NumberOrMissing): string =>
  isMissing(value) ? `${formatMissing(value)} ${value.reason.replace(/\.+$/, '')}` : '';

/** Inputs of a comparison with England and Wales. */
export interface ComparisonSentenceInput {
  metricId: string;
  /** Who, e.g. "Durham". */
  subject: string;
  /** What, e.g. "rate of domestic abuse calls" (the sentence reads "Durham's rate of … was …"). */
  measure: string;
  /** When, e.g. "the 12 months to 30 June 2016". */
  period: string;
  value: NumberOrMissing;
  englandWales: NumberOrMissing;
  precision: number;
  /** 'percent' prints a % sign; anything else is printed after the number, e.g. "per 1,000 population". */
  unit?: string;
}

/** What every sentence against England and Wales carries besides its text: its kind, metric, values and rule. */
function sentenceBase<Kind extends Sentence['kind'], Values>(
  kind: Kind,
  metricId: string,
  parts: { values: Values; rule: string },
) {
  return {
    kind,
    metricIds: [metricId],
    values: parts.values,
    comparator: ENGLAND_AND_WALES_COMPARATOR,
    rule: parts.rule,
  };
}

function withUnit(value: NumberOrMissing, precision: number, unit?: string): string {
  if (unit === 'percent' || unit === undefined || unit === '') return printed(value, precision, unit);
  return isMissing(value) ? printed(value, precision) : `${printed(value, precision)} ${unit}`;
}

/**
 * A force's value against England and Wales.
 * @example
 * describeComparison({ metricId: 'da_calls_per_1000', subject: 'Durham', measure: 'rate of domestic abuse calls',
 * period: 'the 12 months to 30 June 2016', value: 26.2, englandWales: 15.9, precision: 1, unit: 'per 1,000 population'
 * }).text
 * // "In the 12 months to 30 June 2016, Durham's rate of domestic abuse calls was 26.2 per 1,000 population, above the
 * England and Wales figure of 15.9."
 */
export function describeComparison(input: ComparisonSentenceInput): Sentence {
  const { subject, measure, period, value, englandWales, precision, unit } = input;
  const values = [
    { name: 'force', value, printed: printed(value, precision, unit === 'percent' ? unit : undefined) },
    {
      name: 'englandWales',
      value: englandWales,
      printed: printed(englandWales, precision, unit === 'percent' ? unit : undefined),
    },
  ];
  const rule =
    `"above"/"below" when the two values differ at ${precision} decimal place(s); "in line with" when ` +
    `they print the same.`;
  const base = sentenceBase('compare-with-england-and-wales', input.metricId, { values, rule });
  if (isMissing(value))
    return { ...base, text: `For ${period}, there is no figure for ${subject}'s ${measure} (${reasonOf(value)}).` };
  const comparison = compareWithEnglandWales(value, englandWales, { precision });
  const when = period.startsWith('as at') ? `A${period.slice(1)}` : `In ${period}`;
  const figure = `${when}, ${subject}'s ${measure} was ${withUnit(value, precision, unit)}`;
  if (isMissing(comparison))
    return {
      ...base,
      text: `${figure}; no England and Wales figure is available to compare it with (${reasonOf(comparison)}).`,
    };
  return {
    ...base,
    text:
      `${figure}, ${COMPARISON_LABEL[comparison]} the England and Wales figure of ` +
      `${printed(englandWales, precision, unit === 'percent' ? unit : undefined)}.`,
  };
}

/** Inputs of a change-over-time sentence. */
export interface ChangeSentenceInput {
  metricId: string;
  subject: string;
  /** e.g. "police-recorded crime (excluding fraud)". */
  measure: string;
  from: string;
  to: string;
  change: NumberOrMissing;
  englandWalesChange: NumberOrMissing;
  precision: number;
  basis: 'counts' | 'rates';
}

const movement = (change: number, precision: number): string =>
  formatValue(change, { precision }).replace('-', '') === formatValue(0, { precision })
    ? 'was unchanged'
    : change > 0
      ? 'rose'
      : 'fell';

/**
 * A change between two periods for a force and for England and Wales.
 * @example
 * describeChange({ metricId: 'crime_change_yoy', subject: 'Durham', measure: 'police-recorded crime (excluding fraud)',
 * from: 'the 12 months to 30 June 2015', to: 'the 12 months to 30 June 2016', change: 12.34, englandWalesChange: 7.8,
 * precision: 0, basis: 'counts' }).text
 * // 'Between the 12 months to 30 June 2015 and the 12 months to 30 June 2016, police-recorded crime (excluding fraud)
 * in Durham rose by 12%; across England and Wales it rose by 8%.'
 */
export function describeChange(input: ChangeSentenceInput): Sentence {
  const { subject, measure, from, to, change, englandWalesChange, precision, basis } = input;
  const values = [
    { name: 'forceChange', value: change, printed: printed(change, precision, 'percent') },
    {
      name: 'englandWalesChange',
      value: englandWalesChange,
      printed: printed(englandWalesChange, precision, 'percent'),
    },
  ];
  const rule =
    `Percentage change = (later − earlier) ÷ earlier × 100 on ${basis}; "rose"/"fell" from the sign, "was ` +
    `unchanged" when it prints as 0.`;
  const base = sentenceBase('change-over-time', input.metricId, { values, rule });
  const clause = (value: NumberOrMissing): string =>
    isMissing(value)
      ? `cannot be compared (${reasonOf(value)})`
      : movement(value, precision) === 'was unchanged'
        ? movement(value, precision)
        : `${movement(value, precision)} by ${printed(Math.abs(value), precision, 'percent')}`;
  return {
    ...base,
    text:
      `Between ${from} and ${to}, ${measure} in ${subject} ${clause(change)}; across England and Wales it ` +
      `${clause(englandWalesChange)}.`,
  };
}

/** Inputs of a banding sentence. */
export interface BandingSentenceInput {
  metricId: string;
  subject: string;
  period: string;
  /** Labels of the rows in each band, in display order. */
  highest: readonly string[];
  lowest: readonly string[];
  n: number;
  k: number;
  /** e.g. "in cases flagged as domestic abuse". */
  context?: string;
}

/**
 * The outcomes a force used among the most and the least, with the interpretation caveat.
 * @example
 * describeBanding({ metricId: 'outcome_proportion', subject: 'Durham Constabulary', period: 'the 12 months to 31 March
 * 2018', highest: ['Taken into consideration'], lowest: [], n: 42, k: 10 }).text.startsWith('In the 12 months to 31
 * March 2018, Durham Constabulary was in the top 10 of 42 ranked forces for') // true
 */
export function describeBanding(input: BandingSentenceInput): Sentence {
  const { subject, period, highest, lowest, n, k, context } = input;
  const where = context ? ` ${context}` : '';
  const parts: string[] = [];
  if (highest.length > 0)
    parts.push(`in the top ${k} of ${n} ranked forces for its use of ${quotedList(highest)}${where}`);
  if (lowest.length > 0) parts.push(`in the bottom ${k} for ${quotedList(lowest)}`);
  const caveat =
    'How often an outcome is used depends on the mix of crimes in an area and on how the force deals with different ' +
    'offenders, so a band describes use, not performance.';
  const text =
    parts.length === 0
      ? `In ${period}, ${subject}'s use of every outcome was ${BAND_LABEL['broadly-in-line']} (neither in the top ` +
        `nor the bottom ${k} of ${n} ranked forces). ${caveat}`
      : `In ${period}, ${subject} was ${parts.join(', and ')}. ${caveat}`;
  return {
    kind: 'banding-list',
    metricIds: [input.metricId],
    text,
    values: [
      { name: 'n', value: n, printed: String(n) },
      { name: 'k', value: k, printed: String(k) },
    ],
    comparator: 'the other ranked forces',
    rule:
      `Top and bottom k = floor(n / 4) of the n ranked forces (${BAND_LABEL['among-the-highest']} / ` +
      `${BAND_LABEL['among-the-lowest']}); ties at a cut-off join the tail.`,
  };
}

/**
 * Which rows of a banded table fall in the top and bottom tails.
 * @example
 * bandLists([{ label: 'A', band: 'among-the-highest' }, { label: 'B', band: 'broadly-in-line' }])
 * // { highest: ['A'], lowest: [] }
 */
export function bandLists(rows: readonly { label: string; band: Band | undefined }[]): {
  highest: string[];
  lowest: string[];
} {
  return {
    highest: rows.filter((row) => row.band === 'among-the-highest').map((row) => row.label),
    lowest: rows.filter((row) => row.band === 'among-the-lowest').map((row) => row.label),
  };
}

/**
 * A figure the force could not supply, or the open data do not have.
 * @example
 * describeMissing({ metricId: 'da_arrest_rate', subject: 'Durham Constabulary', measure: 'domestic abuse arrests',
 * value: { missing: 'x', reason: 'not supplied' } }).text
 * // 'There is no figure for domestic abuse arrests for Durham Constabulary: [x] not supplied.'
 */
export function describeMissing(input: {
  metricId: string;
  subject: string;
  measure: string;
  value: NumberOrMissing;
  ofForces?: number;
}): Sentence {
  const { subject, measure, value, ofForces } = input;
  const also = ofForces && ofForces > 1 ? ` It is one of ${ofForces} forces without this figure.` : '';
  return {
    kind: 'missing-data',
    metricIds: [input.metricId],
    text:
      `There is no figure for ${measure} for ${subject}: ` +
      `${isMissing(value) ? reasonOf(value) : 'not available'}.${also}`,
    values: [{ name: 'force', value, printed: isMissing(value) ? formatMissing(value) : printed(value, 1) }],
    rule: 'A value that does not exist is shown as a bracketed code with its reason, never as 0.',
  };
}

/**
 * Why forces are left out of a figure and of the England and Wales value.
 * @example
 * describeExclusion({ metricId: 'da_outcome_rate', forces: ['Dorset Police', 'Nottinghamshire Police'], measure:
 * 'domestic abuse outcomes', reason: 'they could not submit the data' }).text
 * // 'Dorset Police and Nottinghamshire Police are left out of domestic abuse outcomes and of the England and Wales
 * figure: they could not submit the data.'
 */
export function describeExclusion(input: {
  metricId: string;
  forces: readonly string[];
  measure: string;
  reason: string;
}): Sentence {
  const names =
    input.forces.length <= 1
      ? input.forces.join('')
      : `${input.forces.slice(0, -1).join(', ')} and ${input.forces.at(-1)}`;
  const verb = input.forces.length === 1 ? 'is' : 'are';
  return {
    kind: 'exclusion',
    metricIds: [input.metricId],
    text: `${names} ${verb} left out of ${input.measure} and of the England and Wales figure: ${input.reason}.`,
    values: [],
    comparator: ENGLAND_AND_WALES_COMPARATOR,
    rule: 'Excluded forces are not ranked, not banded and not in the England and Wales value.',
  };
}

/**
 * How many forces showed an annual increase.
 * @example
 * describeForcesWithIncrease({ count: 30, outOf: 43, measure: 'police-recorded crime (excluding fraud)', period: 'the
 * 12 months to 30 June 2016' }).text
 * // 'In the 12 months to 30 June 2016, 30 of the 43 forces recorded more police-recorded crime (excluding fraud) than
 * in the year before.'
 */
export function describeForcesWithIncrease(input: {
  count: NumberOrMissing;
  outOf: number;
  measure: string;
  period: string;
}): Sentence {
  const { count, outOf, measure, period } = input;
  return {
    kind: 'count-of-forces',
    metricIds: [METRIC.forces_with_annual_crime_increase],
    text: isMissing(count)
      ? `The number of forces with more ${measure} in ${period} than the year before is not available ` +
        `(${reasonOf(count)}).`
      : `In ${period}, ${count} of the ${outOf} forces recorded more ${measure} than in the year before.`,
    values: [
      { name: 'count', value: count, printed: printed(count, 0) },
      { name: 'outOf', value: outOf, printed: String(outOf) },
    ],
    rule:
      'A force counts when its count for the later 12 months is greater than for the 12 months before (counts, ' +
      'not rates).',
  };
}
