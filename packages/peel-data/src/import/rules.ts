/**
 * One validator for both doors: what `peel-data import` writes and what `loadRelease` (the API's PEEL_DATA_DIR)
 * reads are checked by the same function, so a release folder can never hold a dataset the importer would
 * have refused. The zod schema gives the shape; the rules here add what a shape cannot say:
 * - every number is a whole number within ±MAX_COUNT (no fractions, no 1e308 that overflows a sum);
 * - every text is free of control characters (nothing stored can rewrite a terminal or a page);
 * - the `source` is one the importer of that kind writes;
 * - every series or force is a known force (or, for recorded crime, `btp` or a national fraud body, each
 *   holding only its own offence group);
 * - a negative recorded-crime count carries the `negative-count` note the importer writes beside it.
 * Failures are ImportErrors naming the file, the JSON path (as the column) and the rule.
 */
import type { z } from 'zod';
import { type OutcomesDataset } from '../datasets/outcomes.ts';
import { OutcomesDatasetSchema } from '../schema/outcomes.ts';
import { forces } from '../datasets/forces.ts';
import { type PoliceUkAggregatesDataset, type PoliceUkStreetCountsDataset } from '../datasets/police-uk.ts';
import { PoliceUkAggregatesDatasetSchema, PoliceUkStreetCountsDatasetSchema } from '../schema/police-uk.ts';
import type { SourceId } from '../types/provenance.ts';
import { FRAUD_BODIES, type RecordedCrimeDataset, RecordedCrimeDatasetSchema } from '../schema/recorded-crime.ts';
import { ImportError, showValue } from './errors.ts';

/**
 * Datasets an imported release folder can hold, each in the shape of the bundled dataset of its kind
 * (PeelRelease): `recordedCrime`, `outcomes` as named there; `policeUkAggregates` is `policeUk` there;
 * `policeUkStreet` (monthly street counts) has no bundled counterpart.
 */
export interface ImportedRelease {
  recordedCrime?: RecordedCrimeDataset;
  outcomes?: OutcomesDataset;
  policeUkStreet?: PoliceUkStreetCountsDataset;
  policeUkAggregates?: PoliceUkAggregatesDataset;
}
export type ImportedReleaseName = keyof ImportedRelease;

/**
 * Largest count (in absolute value) a dataset may hold: far above any force's yearly count (England and Wales
 * records about 6 million crimes a year), small enough that sums stay exact and finite.
 * @example MAX_COUNT // 1000000000
 */
export const MAX_COUNT = 1_000_000_000;

/** Per dataset kind: its file's base name, schema and the sources its importer writes. */
export const DATASET_KINDS: Record<
  ImportedReleaseName,
  { base: string; schema: z.ZodType; sources: readonly SourceId[] }
> = {
  recordedCrime: { base: 'recorded-crime', schema: RecordedCrimeDatasetSchema, sources: ['ons-rec-crime-pfa'] },
  outcomes: { base: 'outcomes', schema: OutcomesDatasetSchema, sources: ['ho-outcomes-2017-18'] },
  policeUkStreet: {
    base: 'police-uk-street',
    schema: PoliceUkStreetCountsDatasetSchema,
    sources: ['policeuk-aggregates-2012-2016', 'policeuk-street-sample', 'policeuk-forces'],
  },
  policeUkAggregates: {
    base: 'police-uk-aggregates',
    schema: PoliceUkAggregatesDatasetSchema,
    sources: ['policeuk-aggregates-2012-2016', 'policeuk-forces'],
  },
};

/**
 * Dataset names in manifest order.
 * @example DATASET_NAMES[0] // 'recordedCrime'
 */
export const DATASET_NAMES = Object.keys(DATASET_KINDS) as ImportedReleaseName[];

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const FORCE_SLUGS = new Set<string>(forces.map((force) => force.slug));
const FRAUD_BODY_GROUP = new Map<string, string>(FRAUD_BODIES.map((body) => [body.id, body.offenceGroup]));

/**
 * Checks a dataset with its schema and the release rules; returns the parsed dataset or throws an ImportError
 * naming `file`, the JSON path and the rule broken.
 * @example checkDataset('recordedCrime', recordedCrime, 'recorded-crime.json').periods.length // 64
 */
export function checkDataset<Name extends ImportedReleaseName>(
  name: Name,
  value: unknown,
  file: string,
): NonNullable<ImportedRelease[Name]> {
  const kind = DATASET_KINDS[name];
  const fail = (path: readonly (string | number)[], expected: string, received: string): never => {
    throw new ImportError({ file, column: path.join('.') || '(root)', expected, received });
  };
  const checked = kind.schema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    fail(issue.path as (string | number)[], `a ${name} dataset as peel-data writes it`, issue.message);
  }
  const dataset = checked.data as Record<string, unknown>;
  checkValues(dataset, fail);
  const source = dataset['source'] as SourceId;
  if (!kind.sources.includes(source))
    fail(['source'], `a source a ${name} import writes (${kind.sources.join(', ')})`, showValue(source));
  if (name === 'recordedCrime') checkRecordedCrime(dataset as RecordedCrimeDataset, fail);
  else {
    const forceList = dataset['forces'] as string[];
    forceList.forEach((slug, index) => {
      if (!FORCE_SLUGS.has(slug)) fail(['forces', index], 'a police force of England and Wales', showValue(slug));
    });
  }
  return dataset as NonNullable<ImportedRelease[Name]>;
}

type Fail = (path: readonly (string | number)[], expected: string, received: string) => never;

/** Every number whole and bounded, every text free of control characters (walked without recursion). */
function checkValues(root: unknown, fail: Fail): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isInteger(value) || Math.abs(value) > MAX_COUNT)
        fail(path, `a whole number from -${MAX_COUNT} to ${MAX_COUNT}`, String(value));
    } else if (typeof value === 'string') {
      if (FORBIDDEN_TEXT.test(value)) fail(path, 'text without control characters', showValue(value));
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        const item = value[index];
        // Plain counts are most of the data: check them here rather than pushing each on the stack.
        if (typeof item === 'number') {
          if (!Number.isInteger(item) || Math.abs(item) > MAX_COUNT)
            fail([...path, index], `a whole number from -${MAX_COUNT} to ${MAX_COUNT}`, String(item));
        } else stack.push({ value: item, path: [...path, index] });
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (FORBIDDEN_TEXT.test(key)) fail(path, 'keys without control characters', showValue(key));
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
}

function checkRecordedCrime(dataset: RecordedCrimeDataset, fail: Fail): void {
  const noted = new Set(
    dataset.notes
      .filter((note) => note.kind === 'negative-count')
      .map((note) => `${note.series}|${note.offenceGroup}|${note.periodEnd}`),
  );
  for (const [series, groups] of Object.entries(dataset.series)) {
    const fraudGroup = FRAUD_BODY_GROUP.get(series);
    if (!fraudGroup && !FORCE_SLUGS.has(series))
      fail(['series', series], 'a force slug, "btp" or a national fraud body', showValue(series));
    for (const [group, counts] of Object.entries(groups)) {
      if (fraudGroup && group !== fraudGroup)
        fail(['series', series, group], `only the ${fraudGroup} group for ${series}`, showValue(group));
      counts!.forEach((count, index) => {
        if (typeof count === 'number' && count < 0 && !noted.has(`${series}|${group}|${dataset.periods[index]}`))
          fail(
            ['series', series, group, index],
            'a negative count only with its negative-count note (as the importer writes it)',
            `${count} without a note`,
          );
      });
    }
  }
}
