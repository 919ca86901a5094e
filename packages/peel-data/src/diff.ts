/**
 * What a new data release changes: `diffReleases(older, newer)`.
 *
 * Method. The data release is the package version, so comparing two versions of peel-data is comparing two
 * releases (`PeelRelease`: `{ version, forces, population, recordedCrime, … }`). Every dataset is flattened into
 * rows that each have a KEY (what the row is about) and VALUE fields (what it says):
 * - a dataset that is an array of objects gives one row per element. The key is the row's `slug` or `id` when it
 *   has one (entity tables such as forces); otherwise every identity field it has (`force`, `period`, `year`,
 *   `quarter`, `question`, `offence`, `outcomeType`, `metric`, …; see `IDENTITY_FIELDS`). Pass
 *   `options.keys` to name the key fields of a dataset yourself;
 * - any other value (an object such as `population` or `durhamPublished`) gives one row per leaf value, keyed by
 *   its path (`judgments.overall.grade`), with a single field `value`. Three shapes get readable keys instead of
 *   positions: an array aligned with a sibling axis (`years`, `periods`, `quarters`, `months`, `dates`) gives one row
 *   per axis value (`values.durham · year=2015`); an array of objects with an `id`, `slug` or `code` is keyed by it
 *   (`figures[id=crime_rate]`); and the flattened cubes of the outcomes and police.uk datasets (see `CUBE_LAYOUTS`)
 *   give one row per cell, keyed by its dimensions (`… · force=durham · outcomeType=1 · quarter=2`). Leaves under an
 *   object that has a `period` carry that period in their key.
 * Then, dataset by dataset, rows are matched by key and each value field is compared (numbers exactly, objects such as
 * Missing markers and provenance by content, ignoring key order):
 * - **added**: a key only in the newer release: a new period, a new force, a new dataset;
 * - **removed**: a key only in the older release;
 * - **revised**: a value changed in a row whose key includes a period (`period`, `year`, `quarter`, `date`, `month`,
 *   an axis value or an enclosing object's `period`) that exists in both releases: the figure for the same time was
 *   re-published with a different value, as statistics producers do when late records arrive. A Missing marker
 *   replaced by a number (or the reverse) is a revision too;
 * - **changed**: a value changed in a row without a period (reference data: a force renamed, a metric definition or a
 *   source reworded, a figure printed in the Durham report corrected).
 * Each list is sorted by dataset, key and field. `revised` and `changed` never overlap. A field that exists on one side
 * only is compared against a Missing marker `{ missing: 'z', reason: 'no such field in release …' }`, so the output
 * stays plain JSON. A dataset that is the very same object in both releases is skipped (it cannot differ).
 * Two rows with the same key in one dataset make the comparison ambiguous: that throws, naming the dataset, the key
 * and both row positions, so the key can be given in `options.keys`.
 */
import { formatPeriod, type ChangePeriod, type Period } from './types/period.ts';
import { missing, type Missing } from './types/missing.ts';

/**
 * Fields that say what a row is about rather than what it says, in key order.
 * @example
 * IDENTITY_FIELDS.includes('force')
 * // true: { force: 'durham', year: 2015, persons: 625345 } is keyed 'force=durham · year=2015'
 */
export const IDENTITY_FIELDS = [
  'force',
  'forceSlug',
  'area',
  'metric',
  'metricId',
  'measure',
  'question',
  'offence',
  'offenceGroup',
  'offenceCode',
  'outcome',
  'outcomeType',
  'outcomeGroup',
  'category',
  'crimeType',
  'edition',
  'period',
  'year',
  'quarter',
  'date',
  'month',
] as const;

/**
 * Key fields that make a row a statistic for a point in time: a changed value there is a revision.
 * @example PERIOD_FIELDS.includes('year') // true: a new value for 'force=durham · year=2015' is revised, not changed
 */
export const PERIOD_FIELDS = ['period', 'year', 'quarter', 'date', 'month'] as const;

/**
 * A release as `diffReleases` sees it: a version and named datasets (peel-data's `PeelRelease` is one).
 * @example const release: ComparableRelease = { version: '0.1.0', forces: [] }
 */
export interface ComparableRelease {
  version: string;
}

/**
 * One value that differs between two releases for the same row.
 * @example
 * { dataset: 'judgments', key: 'force=durham · question=overall · year=2016', field: 'grade', from: 'good', to:
 * 'outstanding' }
 */
export interface ValueChange {
  dataset: string;
  /** The row's key as text, e.g. `force=durham · period=12 months to 30 June 2016 · offence=Burglary`. */
  key: string;
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * A row that exists in only one of the two releases.
 * @example { dataset: 'population', key: 'values.durham · year=2021', row: 630000 }
 */
export interface RowChange {
  dataset: string;
  key: string;
  row: unknown;
}

/**
 * Everything that differs between two releases; see the method at the top of diff.ts.
 * @example { from: '0.1.0', to: '0.2.0', revised: [], changed: [], added: [], removed: [] } // no differences
 */
export interface ReleaseDiff {
  from: string;
  to: string;
  revised: ValueChange[];
  changed: ValueChange[];
  added: RowChange[];
  removed: RowChange[];
}

/**
 * Options of `diffReleases`.
 * @example diffReleases(older, newer, { keys: { judgments: ['force', 'year', 'question'] } })
 */
export interface DiffOptions {
  /**
   * Key fields per dataset, overriding the automatic choice, e.g. `{ recordedCrime: ['force', 'period', 'offence'] }`.
   */
  keys?: Readonly<Record<string, readonly string[]>>;
}

interface FlatRow {
  key: string;
  hasPeriod: boolean;
  fields: Record<string, unknown>;
  row: unknown;
  position: string;
}

/**
 * Compares two data releases: which values were revised or changed, which rows are new and which are gone.
 * @example
 * const older = { version: '0.1.0', population: [{ force: 'durham', year: 2015, persons: 625_000 }] };
 * const newer = { version: '0.2.0', population: [{ force: 'durham', year: 2015, persons: 625_345 }, { force: 'durham',
 * year: 2016, persons: 626_000 }] };
 * diffReleases(older, newer);
 * // { from: '0.1.0', to: '0.2.0',
 * //   revised: [{ dataset: 'population', key: 'force=durham · year=2015', field: 'persons', from: 625000, to: 625345
 * }],
 * //   changed: [], added: [{ dataset: 'population', key: 'force=durham · year=2016', row: { … } }], removed: [] }
 */
export function diffReleases<Older extends ComparableRelease, Newer extends ComparableRelease>(
  older: Older,
  newer: Newer,
  options: DiffOptions = {},
): ReleaseDiff {
  for (const [name, release] of [
    ['first', older],
    ['second', newer],
  ] as const) {
    if (typeof release !== 'object' || release === null || typeof release.version !== 'string') {
      throw new TypeError(
        `diffReleases(older, newer): the ${name} argument must be a release with a string "version", received ` +
          `${describe(release)}; e.g. diffReleases(bundledRelease, await loadRelease('./data'))`,
      );
    }
  }
  const result: ReleaseDiff = {
    from: older.version,
    to: newer.version,
    revised: [],
    changed: [],
    added: [],
    removed: [],
  };
  const olderData = older as unknown as Record<string, unknown>;
  const newerData = newer as unknown as Record<string, unknown>;
  const datasets = [...new Set([...Object.keys(older), ...Object.keys(newer)])]
    .filter((name) => name !== 'version')
    .sort();
  for (const dataset of datasets) {
    // The very same object on both sides (a release built over another one) holds the same data: skip the work.
    if (olderData[dataset] === newerData[dataset]) continue;
    const before = flattenDataset(dataset, olderData[dataset], options.keys?.[dataset]);
    const after = flattenDataset(dataset, newerData[dataset], options.keys?.[dataset]);
    for (const [key, row] of after) {
      const previous = before.get(key);
      if (!previous) {
        result.added.push({ dataset, key, row: row.row });
        continue;
      }
      const fields = Object.keys(previous.fields);
      for (const field of Object.keys(row.fields)) if (!(field in previous.fields)) fields.push(field);
      for (const field of fields) {
        const from = field in previous.fields ? previous.fields[field] : absentField(older.version);
        const to = field in row.fields ? row.fields[field] : absentField(newer.version);
        if (sameValue(from, to)) continue;
        (row.hasPeriod ? result.revised : result.changed).push({ dataset, key, field, from, to });
      }
    }
    for (const [key, row] of before) if (!after.has(key)) result.removed.push({ dataset, key, row: row.row });
  }
  // Sorted by dataset, key and field, so the same two releases always give the same listing whatever their row order.
  // Code-unit order, not locale order: the same on every machine, and fast on 100,000-row datasets.
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const order = (
    a: { dataset: string; key: string; field?: string },
    b: { dataset: string; key: string; field?: string },
  ) => byText(a.dataset, b.dataset) || byText(a.key, b.key) || byText(a.field ?? '', b.field ?? '');
  for (const list of [result.revised, result.changed, result.added, result.removed]) list.sort(order);
  return result;
}

/**
 * True when two releases hold exactly the same data (their versions may differ).
 * @example isEmptyDiff(diffReleases(bundledRelease, bundledRelease)) // true
 */
export function isEmptyDiff(diff: ReleaseDiff): boolean {
  return diff.revised.length + diff.changed.length + diff.added.length + diff.removed.length === 0;
}

/**
 * Counts per dataset, for a one-screen summary.
 * @example countDiff(diff) // [{ dataset: 'population', revised: 1, changed: 0, added: 1, removed: 0 }]
 */
export function countDiff(
  diff: ReleaseDiff,
): { dataset: string; revised: number; changed: number; added: number; removed: number }[] {
  const counts = new Map<
    string,
    { dataset: string; revised: number; changed: number; added: number; removed: number }
  >();
  const bump = (dataset: string, kind: 'revised' | 'changed' | 'added' | 'removed') => {
    const row = counts.get(dataset) ?? { dataset, revised: 0, changed: 0, added: 0, removed: 0 };
    row[kind] += 1;
    counts.set(dataset, row);
  };
  for (const kind of ['revised', 'changed', 'added', 'removed'] as const)
    for (const change of diff[kind]) bump(change.dataset, kind);
  return [...counts.values()].sort((a, b) => a.dataset.localeCompare(b.dataset));
}

function absentField(version: string): Missing {
  return missing('z', `no such field in release ${version}`);
}

function flattenDataset(
  dataset: string,
  value: unknown,
  keyFields: readonly string[] | undefined,
): Map<string, FlatRow> {
  const rows = new Map<string, FlatRow>();
  const add = (row: FlatRow) => {
    const clash = rows.get(row.key);
    if (clash) {
      throw new Error(
        `diffReleases: dataset "${dataset}" has two rows with the key "${row.key}" (${clash.position} and ` +
          `${row.position}); name its key fields with options.keys, e.g. { keys: { ${dataset}: ['force', 'period'] } }`,
      );
    }
    rows.set(row.key, row);
  };
  if (value === undefined) return rows;
  if (Array.isArray(value) && value.every(isPlainObject)) {
    value.forEach((element: Record<string, unknown>, index) => {
      const fields = keyFieldsOf(element, keyFields);
      const missingKey = fields.filter((field) => !(field in element));
      if (keyFields && missingKey.length > 0) {
        throw new Error(
          `diffReleases: row ${index} of dataset "${dataset}" has no key field ` +
            `${missingKey.map((f) => `"${f}"`).join(', ')} (options.keys.${dataset} = ${JSON.stringify(keyFields)})`,
        );
      }
      const key =
        fields.length > 0 ? fields.map((field) => `${field}=${keyText(element[field])}`).join(' · ') : `#${index}`;
      const valueFields = Object.fromEntries(Object.entries(element).filter(([field]) => !fields.includes(field)));
      add({
        key,
        hasPeriod: fields.some((field) => (PERIOD_FIELDS as readonly string[]).includes(field)),
        fields: valueFields,
        row: element,
        position: `row ${index}`,
      });
    });
    return rows;
  }
  for (const leaf of walk(value, '', {}))
    add({
      key: leaf.key || '(value)',
      hasPeriod: leaf.hasPeriod,
      fields: { value: leaf.value },
      row: leaf.value,
      position: leaf.key || 'the value',
    });
  return rows;
}

function keyFieldsOf(row: Record<string, unknown>, keyFields: readonly string[] | undefined): readonly string[] {
  if (keyFields) return keyFields;
  if (typeof row.slug === 'string') return ['slug'];
  if (typeof row.id === 'string' || typeof row.id === 'number') return ['id'];
  return IDENTITY_FIELDS.filter((field) => field in row);
}

/**
 * Sibling arrays that other arrays of the same length are aligned to (one value per period).
 * @example
 * // { years: [2015, 2016], values: { durham: [625345, 626000] } } gives rows 'values.durham · year=2015' and '… ·
 * year=2016'
 */
export const AXIS_FIELDS = ['periods', 'years', 'quarters', 'months', 'dates'] as const;

/**
 * Flattened multi-dimensional arrays, by dataset `kind`: the cells of `path` are laid out over the named sibling
 * axes, last axis fastest (as the datasets' accessors read them: `outcomeCount`, `policeUkCrimes`). A `sparse`
 * layout lists only some cells, each as `[index on axis 1, …, index on axis n, value]` (`streetCount`).
 * @example
 * CUBE_LAYOUTS['policeuk-aggregates']!.asbIncidents
 * // ['forces', 'years']: cell (force f, year y) is at f × years + y
 */
export const CUBE_LAYOUTS: Readonly<
  Record<string, Readonly<Record<string, readonly string[] | { sparse: readonly string[] }>>>
> = {
  'ho-outcomes': {
    'counts.offences-recorded-in-quarter.byOffenceGroup': ['forces', 'offenceGroups', 'outcomeTypes', 'quarters'],
    'counts.offences-recorded-in-quarter.byOffenceCode': ['forces', 'offenceCodes', 'outcomeTypes', 'quarters'],
    'counts.outcomes-recorded-in-quarter.byOffenceGroup': ['forces', 'offenceGroups', 'outcomeTypes', 'quarters'],
    'counts.outcomes-recorded-in-quarter.byOffenceCode': ['forces', 'offenceCodes', 'outcomeTypes', 'quarters'],
  },
  'policeuk-aggregates': {
    asbIncidents: ['forces', 'years'],
    crimesByType: ['forces', 'crimeTypes', 'years'],
    crimesByLastOutcome: ['forces', 'outcomeCategories', 'years'],
  },
  'policeuk-street-counts': {
    cells: { sparse: ['forces', 'months', 'crimeTypes', 'outcomeCategories'] },
  },
};

interface WalkContext {
  period?: string;
  axis?: { name: string; labels: string[] };
}

interface Leaf {
  key: string;
  hasPeriod: boolean;
  value: unknown;
}

/** Leaves of a nested value with readable keys; Missing markers and periods count as leaves. */
function* walk(value: unknown, path: string, context: WalkContext): Generator<Leaf> {
  const here = (key: string): Leaf['key'] => (context.period ? `${key} · period=${context.period}` : key);
  if (Array.isArray(value)) {
    if (context.axis && value.length === context.axis.labels.length && value.every(isCell)) {
      const { name, labels } = context.axis;
      for (const [index, cell] of value.entries())
        yield { key: here(`${path} · ${singular(name)}=${labels[index]}`), hasPeriod: true, value: cell };
      return;
    }
    if (value.length === 0) yield { key: here(path), hasPeriod: context.period !== undefined, value };
    const ids = identityLabels(value);
    for (const [index, item] of value.entries())
      yield* walk(item, `${path}[${ids ? `${ids.field}=${ids.labels[index]}` : index}]`, context);
    return;
  }
  if (!isPlainObject(value) || 'missing' in value || isPeriod(value)) {
    yield { key: here(path), hasPeriod: context.period !== undefined, value };
    return;
  }
  const inner: WalkContext = { ...context };
  const skip = new Set<string>();
  if (isPeriod(value.period)) {
    inner.period = formatPeriod(value.period);
    skip.add('period');
  }
  const axisName = AXIS_FIELDS.find(
    (name) =>
      Array.isArray(value[name]) &&
      (value[name] as unknown[]).every((item) => typeof item === 'string' || typeof item === 'number'),
  );
  if (axisName) {
    inner.axis = { name: axisName, labels: (value[axisName] as (string | number)[]).map(String) };
    skip.add(axisName);
  }
  const cubes = typeof value.kind === 'string' ? CUBE_LAYOUTS[value.kind] : undefined;
  for (const [cubePath, layout] of Object.entries(cubes ?? {})) {
    // The cube's axes are spelled out in every cell's key: they are not walked on their own.
    skip.add(cubePath.split('.')[0]!);
    for (const axis of 'sparse' in layout ? layout.sparse : layout) skip.add(axis);
    yield* walkCube(value, cubePath, layout, path, inner);
  }
  const entries = Object.entries(value).filter(([name]) => !skip.has(name));
  if (entries.length === 0 && skip.size === 0)
    yield { key: here(path), hasPeriod: context.period !== undefined, value };
  for (const [name, item] of entries) yield* walk(item, path ? `${path}.${name}` : name, inner);
}

function* walkCube(
  owner: Record<string, unknown>,
  cubePath: string,
  layout: readonly string[] | { sparse: readonly string[] },
  path: string,
  context: WalkContext,
): Generator<Leaf> {
  const where = path ? `${path}.${cubePath}` : cubePath;
  const cells = cubePath
    .split('.')
    .reduce<unknown>((node, name) => (isPlainObject(node) ? node[name] : undefined), owner);
  if (!Array.isArray(cells))
    throw new Error(`diffReleases: ${where} should be an array of cells (dataset kind "${String(owner.kind)}")`);
  const dimensions = 'sparse' in layout ? layout.sparse : layout;
  const axes = dimensions.map((name) => {
    const axis = owner[name];
    if (!Array.isArray(axis))
      throw new Error(`diffReleases: ${where} is laid out over "${name}", which is not an array`);
    return (
      identityLabels(axis)?.labels ??
      axis.map((item) => (typeof item === 'string' || typeof item === 'number' ? String(item) : stableJson(item)))
    );
  });
  const hasPeriod =
    context.period !== undefined || dimensions.some((name) => (AXIS_FIELDS as readonly string[]).includes(name));
  const suffix = context.period ? ` · period=${context.period}` : '';
  if ('sparse' in layout) {
    for (const [index, cell] of cells.entries()) {
      const labels =
        Array.isArray(cell) && cell.length === dimensions.length + 1
          ? dimensions.map((_, d) => axes[d]![cell[d] as number])
          : [];
      if (labels.length === 0 || labels.some((label) => label === undefined)) {
        throw new Error(
          `diffReleases: ${where}[${index}] should be ` +
            `[${dimensions.map((name) => `${singular(name)} index`).join(', ')}, value] within the axes, ` +
            `received ${stableJson(cell)}`,
        );
      }
      yield {
        key: `${where} · ${dimensions.map((name, d) => `${singular(name)}=${labels[d]}`).join(' · ')}${suffix}`,
        hasPeriod,
        value: (cell as unknown[])[dimensions.length],
      };
    }
    return;
  }
  const expected = axes.reduce((product, axis) => product * axis.length, 1);
  if (cells.length !== expected)
    throw new Error(
      `diffReleases: ${where} has ${cells.length} cells, expected ${expected} (${dimensions.join(' × ')})`,
    );
  const position = dimensions.map(() => 0);
  for (const cell of cells) {
    const parts = dimensions.map((name, d) => `${singular(name)}=${axes[d]![position[d]!]}`);
    yield { key: `${where} · ${parts.join(' · ')}${suffix}`, hasPeriod, value: cell };
    // Mixed-radix increment, last dimension fastest.
    for (let d = dimensions.length - 1; d >= 0; d -= 1) {
      position[d]! += 1;
      if (position[d]! < axes[d]!.length) break;
      position[d] = 0;
    }
  }
}

/** For an array of objects that each carry a unique id, slug, code, type or number: that field and the labels. */
function identityLabels(items: readonly unknown[]): { field: string; labels: string[] } | undefined {
  if (items.length === 0 || !items.every(isPlainObject)) return undefined;
  for (const field of ['id', 'slug', 'code', 'type', 'number']) {
    const labels = items.map((item) => (item as Record<string, unknown>)[field]);
    if (
      labels.every((label) => typeof label === 'string' || typeof label === 'number') &&
      new Set(labels).size === labels.length
    ) {
      return { field, labels: labels.map(String) };
    }
  }
  return undefined;
}

/** A statistic: a number or a Missing marker (labels and other strings are never read as aligned to an axis). */
function isCell(item: unknown): boolean {
  return typeof item === 'number' || (isPlainObject(item) && 'missing' in item);
}

function singular(name: string): string {
  return name.endsWith('ies') ? `${name.slice(0, -3)}y` : name.endsWith('s') ? name.slice(0, -1) : name;
}

function keyText(value: unknown): string {
  if (isPeriod(value)) return formatPeriod(value);
  return typeof value === 'string' ? value : stableJson(value);
}

function isPeriod(value: unknown): value is Period | ChangePeriod {
  return (
    isPlainObject(value) &&
    typeof value.type === 'string' &&
    ('end' in value ||
      'date' in value ||
      'year' in value ||
      'startYear' in value ||
      'start' in value ||
      'from' in value)
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Equal numbers, strings and markers; objects by content (cheap path first: most cells are equal primitives). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return stableJson(a) === stableJson(b);
}

/** JSON with object keys sorted, so two equal values always print the same. */
function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) =>
      isPlainObject(item)
        ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : item,
    ) ?? 'undefined'
  );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== 'object') return `${typeof value} ${JSON.stringify(value)}`;
  return `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`;
}
