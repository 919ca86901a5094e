/**
 * Lean report payloads: the same information as a report model (plus its `metrics` map), without the repeats.
 *
 * Method (generic over the report's structure, so fields added to the model flow through untouched):
 *   1. every value under a `provenance` key (an object, or a Missing marker where a metric has none) is replaced by
 *      an id into one `provenance` map; identical values (same JSON) share an id;
 *   2. every string under a note key (`reason`, `rule`, `note`, `formula`, `denominator`, and the elements of
 *      `caveats`, `notes` and `exclusions` arrays) is replaced by an id into one `notes` map; identical strings share
 *      an id. The provenance map's own values are leaned the same way;
 *   3. every list of strings under a list key (`included`: the forces in an England and Wales value, the same few
 *      lists restated by every value of a figure) is replaced by an id into one `lists` map, equal lists sharing one;
 *   4. each entry of `metrics` (and each of its `rows`) that restates a figure of the report points at it instead:
 *      `from` is the JSON Pointer (RFC 6901) of the figure, and only the fields that differ from the figure's
 *      projection (`value`, `provenance` and `caveats` from the figure's `force`; every other field as named) are
 *      kept, with `omit` naming projected fields the entry does not have.
 * Ids are short base-36 counters in walk order, so the same report always gives the same bytes. `expandReport`
 * undoes all four steps exactly (a round trip). The schema of a lean payload, `leanReportSchema`, is in
 * schema/lean-report.ts (on `peel-metrics/schemas`).
 */
/** Keys whose string values (or string array elements) are ids into `notes` in a lean report. */
export const LEAN_NOTE_KEYS = ['reason', 'rule', 'note', 'formula', 'denominator', 'caveats', 'notes', 'exclusions'];
const NOTE_KEYS = new Set(LEAN_NOTE_KEYS);
/** Keys whose lists of strings are ids into `lists` in a lean report. */
export const LEAN_LIST_KEYS = ['included'];
const LIST_KEYS = new Set(LEAN_LIST_KEYS);
/** Top-level keys a lean report adds; a report that already has one cannot be leaned. */
const ADDED_KEYS = ['provenance', 'notes', 'lists'] as const;

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A catalogue metric entry (or one of its rows) in a lean report. */
export type LeanMetric = {
  /** JSON Pointer of the report figure the entry restates. */
  from?: string;
  /** Fields of the figure's projection the entry does not have. */
  omit?: string[];
  rows?: LeanMetric[];
  [field: string]: unknown;
};

/** A lean report: the model's fields with ids in place of repeats, and the maps the ids point into. */
export type LeanReport = {
  [field: string]: unknown;
  metrics?: Record<string, LeanMetric>;
  /** Provenance by id. */
  provenance: Record<string, unknown>;
  /** Notes, caveats, reasons, rules and formulas by id. */
  notes: Record<string, string>;
  /** Lists of strings (the forces `included` in an England and Wales value) by id. */
  lists: Record<string, string[]>;
};

/** A JSON object (not an array, not null). */
export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep equality of JSON values (key order ignored). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && same(a[key], b[key]));
}

/** A stable text of a JSON value: keys sorted, so equal values give equal keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const escapePointer = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');
const unescapePointer = (token: string) => token.replaceAll('~1', '/').replaceAll('~0', '~');

/** What a figure (a MetricFigure: `metricId` and a measured `force`) says as a metric entry. */
function projection(figure: JsonObject): JsonObject {
  const { force, ...rest } = figure;
  const measured = isObject(force) ? force : {};
  const out: JsonObject = { ...rest };
  for (const key of ['value', 'provenance', 'caveats'] as const) {
    const value = measured[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const isFigure = (value: unknown): value is JsonObject =>
  isObject(value) && typeof value.metricId === 'string' && isObject(value.force) && 'provenance' in value.force;

/** Every figure-shaped object of a value, with its JSON Pointer, in document order. */
function figuresOf(value: unknown, pointer: string, out: Map<string, JsonObject>) {
  if (Array.isArray(value)) value.forEach((item, index) => figuresOf(item, `${pointer}/${index}`, out));
  else if (isObject(value)) {
    if (isFigure(value)) out.set(pointer, value);
    for (const [key, item] of Object.entries(value)) figuresOf(item, `${pointer}/${escapePointer(key)}`, out);
  }
}

/** Interns values by content: the first gets id `0`, the next `1`… (base 36). */
function interner<T>() {
  const ids = new Map<string, string>();
  const values: Record<string, T> = {};
  return {
    values,
    id(value: T): string {
      // JSON.stringify, not canonical(): the model builds equal values with equal key order, and it is fast.
      const key = JSON.stringify(value);
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size.toString(36);
        ids.set(key, id);
        values[id] = value;
      }
      return id;
    },
  };
}

/**
 * The lean payload of a report model (any JSON object; `metrics` optional): provenance, notes and force lists by
 * id from one `provenance`, one `notes` and one `lists` map, and `metrics` entries pointing at the figures they
 * restate. `expandReport` gives back the same value.
 * @example
 * const report = buildForceReport('durham');
 * const lean = leanReport({ ...report, metrics: reportMetrics(report) });
 * lean.notes[lean.figures[0].notes[0]] === report.figures[0].notes[0] // true
 */
export function leanReport(report: object): LeanReport {
  if (!isObject(report)) {
    throw new TypeError(`leanReport expects a report object (e.g. buildForceReport('durham')), got ${typeof report}`);
  }
  for (const key of ADDED_KEYS) {
    if (key in report) {
      throw new TypeError(
        `leanReport adds a top-level '${key}' map, but the report already has one; rename the report's field`,
      );
    }
  }
  const notes = interner<string>();
  const provenance = interner<Json>();
  const lists = interner<string[]>();
  const leanValue = (value: Json, key?: string): Json => {
    if (key !== undefined && LIST_KEYS.has(key) && isStringList(value)) return lists.id(value);
    if (key !== undefined && NOTE_KEYS.has(key)) {
      if (typeof value === 'string') return notes.id(value);
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
        return value.map((item) => notes.id(item as string));
      }
    }
    if (key === 'provenance' && isObject(value)) return provenance.id(leanValue(value));
    if (Array.isArray(value)) return value.map((item) => leanValue(item));
    if (isObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, leanValue(item, field)]));
    }
    return value;
  };

  const { metrics, ...body } = report;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(body)) out[key] = leanValue(value, key);
  if (metrics !== undefined) {
    const figures = new Map<string, JsonObject>();
    figuresOf(body, '', figures);
    // A figure restated by an entry has the same value and provenance: index them by those.
    const byValue = new Map<string, string[]>();
    for (const [pointer, figure] of figures) {
      const measured = figure.force as JsonObject;
      const key = canonical([measured.value, measured.provenance]);
      byValue.set(key, [...(byValue.get(key) ?? []), pointer]);
    }
    const leanMetric = (entry: Json): Json => {
      if (!isObject(entry)) return leanValue(entry);
      const { rows, ...fields } = entry;
      let best: { from: string; kept: JsonObject; omit: string[]; size: number } | undefined;
      for (const pointer of byValue.get(canonical([fields.value, fields.provenance])) ?? []) {
        const projected = projection(figures.get(pointer) as JsonObject);
        const kept: JsonObject = {};
        for (const [field, value] of Object.entries(fields)) {
          if (!same(value, projected[field])) kept[field] = value;
        }
        const omit = Object.keys(projected).filter((field) => !(field in fields));
        const size = canonical(kept).length + canonical(omit).length;
        if (!best || size < best.size) best = { from: pointer, kept, omit, size };
      }
      const lean: JsonObject = best
        ? {
            from: best.from,
            ...(leanValue(best.kept) as JsonObject),
            ...(best.omit.length > 0 ? { omit: best.omit } : {}),
          }
        : (leanValue(fields) as JsonObject);
      if (rows !== undefined) lean.rows = Array.isArray(rows) ? rows.map(leanMetric) : leanValue(rows, 'rows');
      return lean;
    };
    out.metrics = isObject(metrics)
      ? Object.fromEntries(Object.entries(metrics).map(([id, entry]) => [id, leanMetric(entry)]))
      : leanValue(metrics as Json, 'metrics');
  }
  return { ...out, provenance: provenance.values, notes: notes.values, lists: lists.values } as LeanReport;
}

/**
 * The full report model (with `metrics` if the lean one has them) from a lean payload: the inverse of `leanReport`.
 * Throws on an id or pointer that the payload does not define (a payload that was not made by `leanReport`).
 * @example
 * const report = buildForceReport('durham');
 * expandReport(leanReport(report)) // deep-equals report
 */
export function expandReport<T = Record<string, unknown>>(lean: LeanReport): T {
  const { provenance, notes, lists, metrics, ...body } = lean;
  const note = (id: unknown): string => {
    const text = typeof id === 'string' ? notes[id] : undefined;
    if (text === undefined) throw new TypeError(`expandReport: no note '${String(id)}' in the payload's notes map`);
    return text;
  };
  const expandValue = (value: unknown, key?: string): unknown => {
    if (key !== undefined && LIST_KEYS.has(key) && typeof value === 'string') {
      const list = lists?.[value];
      if (!isStringList(list)) throw new TypeError(`expandReport: no list '${value}' in the payload's lists map`);
      return [...list];
    }
    if (key !== undefined && NOTE_KEYS.has(key)) {
      if (typeof value === 'string') return note(value);
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map(note);
    }
    if (key === 'provenance' && typeof value === 'string') {
      if (!(value in provenance)) throw new TypeError(`expandReport: no provenance '${value}' in the payload`);
      return expandValue(provenance[value]);
    }
    if (Array.isArray(value)) return value.map((item) => expandValue(item));
    if (isObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, expandValue(item, field)]));
    }
    return value;
  };
  const out = Object.fromEntries(Object.entries(body).map(([key, value]) => [key, expandValue(value, key)]));
  const resolve = (pointer: string): JsonObject => {
    let at: unknown = out;
    for (const token of pointer.split('/').slice(1)) {
      at = isObject(at) || Array.isArray(at) ? (at as Record<string, unknown>)[unescapePointer(token)] : undefined;
    }
    if (!isFigure(at)) throw new TypeError(`expandReport: '${pointer}' is not a figure of the payload`);
    return at;
  };
  const expandMetric = (entry: unknown): unknown => {
    if (!isObject(entry)) return expandValue(entry);
    const { from, omit, rows, ...kept } = entry;
    const base = typeof from === 'string' ? projection(resolve(from)) : {};
    const full: Record<string, unknown> = { ...base, ...(expandValue(kept) as JsonObject) };
    if (Array.isArray(omit)) for (const field of omit) delete full[field as string];
    if (rows !== undefined) full.rows = Array.isArray(rows) ? rows.map(expandMetric) : expandValue(rows, 'rows');
    return full;
  };
  if (metrics !== undefined) {
    out.metrics = isObject(metrics)
      ? Object.fromEntries(Object.entries(metrics).map(([id, entry]) => [id, expandMetric(entry)]))
      : expandValue(metrics, 'metrics');
  }
  return out as T;
}
