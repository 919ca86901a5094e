/**
 * The views of a report payload (issue 13: the API's `?view=`). A report carries two kinds of content:
 *   - its values: every figure, comparison, band, judgment, sentence, printed value and reconciliation, each value
 *     with its provenance (source, period, counts, method variants), its caveats and, where missing, the reason;
 *   - the method text that explains them and is the same in every force's report: definitions, formulas, rules,
 *     figure notes, footnotes, exclusion notes, the sources' descriptions and the catalogue `metrics` restating
 *     the figures.
 * `full` is both (what `leanReport` makes of the model plus `metrics`); `values` leaves the method text out, and
 * writes each bar of a by-force chart as the force's slug, value, band and rank (the band's cutoffs, n, k and rule
 * are the figure's `banding`; the force's names are in the force list). Both are lean (ids into maps) and
 * self-contained: every id a view writes is in its own maps.
 */
import { isObject, leanReport, type LeanReport } from './lean-report.ts';

/** The views a report payload comes in; the API's default is the first. */
export const REPORT_VIEWS = ['values', 'full'] as const;
/** A view of a report payload. */
export type ReportView = (typeof REPORT_VIEWS)[number];

/** Keys of method text: a values view leaves out a string (or list of strings) under any of them. */
export const METHOD_TEXT_KEYS = ['rule', 'note', 'formula', 'denominator', 'notes', 'exclusions'] as const;
const METHOD_KEYS = new Set<string>(METHOD_TEXT_KEYS);
/** Top-level fields of a report (with `metrics`) that are method text as a whole. */
export const METHOD_TEXT_FIELDS = ['metrics', 'sources', 'footnotes', 'exclusionNotes'] as const;
const METHOD_FIELDS = new Set<string>(METHOD_TEXT_FIELDS);
/** Records of method choices (`provenance.variants`, a reconciliation row's `method`): keys name dimensions. */
export const METHOD_CHOICE_KEYS = ['variants', 'method'] as const;
const CHOICE_KEYS = new Set<string>(METHOD_CHOICE_KEYS);

const isText = (value: unknown) =>
  typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/** A by-force bar as a values view writes it: the force's slug, and the band's name and rank (field order kept). */
function valuesBar(bar: unknown): unknown {
  if (!isObject(bar) || !isObject(bar.force) || typeof bar.force.slug !== 'string') return bar;
  return Object.fromEntries(
    Object.entries(bar).flatMap(([field, value]): [string, unknown][] => {
      if (field === 'force' && isObject(value)) return [[field, value.slug]];
      if (field === 'band' && isObject(value) && typeof value.band === 'string') {
        return [
          ['band', value.band],
          ['rank', value.rank],
        ];
      }
      return [[field, value]];
    }),
  );
}

function valuesOf(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    return key === 'bars' ? value.map((bar) => valuesOf(valuesBar(bar))) : value.map((item) => valuesOf(item));
  }
  if (!isObject(value)) return value;
  if (key !== undefined && CHOICE_KEYS.has(key)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([field, item]) => !(METHOD_KEYS.has(field) && isText(item)))
      .map(([field, item]) => [field, valuesOf(item, field)]),
  );
}

/**
 * The values of a report model (optionally with `metrics`): the model without its method text, bars as slug,
 * value, band and rank. Not lean; `reportPayload(report, { view: 'values' })` leans it.
 * @example reportValues(buildForceReport('durham')).figures[0].notes // undefined: figure notes are method text
 */
export function reportValues(report: object): Record<string, unknown> {
  if (!isObject(report)) {
    throw new TypeError(`reportValues expects a report object (e.g. buildForceReport('durham')), got ${typeof report}`);
  }
  const body = Object.fromEntries(Object.entries(report).filter(([field]) => !METHOD_FIELDS.has(field)));
  return valuesOf(body) as Record<string, unknown>;
}

/**
 * A report payload in one view, lean: `full` is `leanReport(report)`, `values` is `leanReport(reportValues(report))`.
 * `expandReport` gives back the model (`full`) or its values (`values`).
 * @example
 * const report = buildForceReport('durham');
 * reportPayload({ ...report, metrics: reportMetrics(report) }, { view: 'values' }).sources // undefined
 */
export function reportPayload(report: object, options: { view: ReportView }): LeanReport {
  const { view } = options;
  if (view === 'full') return leanReport(report);
  if (view === 'values') return leanReport(reportValues(report));
  throw new TypeError(`reportPayload: unknown view '${String(view)}'; expected one of ${REPORT_VIEWS.join(', ')}`);
}
