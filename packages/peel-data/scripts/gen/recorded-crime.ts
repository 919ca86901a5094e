/**
 * Generates src/generated/recorded-crime.ts from data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv.
 *
 * The file is read by the importer users run (`peel-data import`, src/import/recorded-crime.ts), so the
 * bundled dataset and an imported one cannot drift: it checks dates, force names, offence labels, counts and
 * repeated rows, reads the upstream typo `30-12-2017` as 2017-12-31, notes negative counts (upstream
 * adjustments, kept as published), and applies the 2017 burglary reclassification and the centralisation of
 * fraud as Missing `z` (decisions also in the README and data/PROVENANCE.md). The one change made here: a
 * count the file lacks is worded "the source" (the importer says "the imported file", which would be wrong for
 * data shipped in the package).
 */
import { readUtf8ByteChunks } from '../../src/import/file-source.ts';
import { importRecordedCrime, RECLASSIFICATION_MISSING } from '../../src/import/recorded-crime.ts';
import { missing, type Missing } from '../../src/types/missing.ts';
import { RecordedCrimeDatasetSchema, type RecordedCrimeDataset } from '../../src/schema/recorded-crime.ts';
import { rawPath } from '../lib/raw.ts';
import { writeGeneratedModule } from '../lib/generated.ts';

const FOLDER = 'ons-rec-crime-pfa';
const FILE = 'rec-crime-pfa.csv';

/** The reasons used in the dataset, one object each (the generated module defines each once). */
export const RECORDED_CRIME_MISSING = {
  ...RECLASSIFICATION_MISSING,
  notInSource: missing('x', 'not available: the source has no count for this series, offence group and period'),
} as const satisfies Record<string, Missing>;

/**
 * Builds the recorded-crime dataset: the raw file through importRecordedCrime, then {@link asBundled}.
 * Rejects with an ImportError naming the row and column on bad input.
 * @example (await buildRecordedCrime()).periods[0] // '2003-03-31'
 */
export async function buildRecordedCrime(): Promise<RecordedCrimeDataset> {
  const file = `data/raw/${FOLDER}/${FILE}`;
  const { dataset } = await importRecordedCrime(readUtf8ByteChunks(rawPath(FOLDER, FILE), file), {
    file,
    utf8Bytes: true,
  });
  return asBundled(dataset);
}

/**
 * The imported dataset as the package ships it: every Missing `x` the importer wrote is worded "the source".
 * @example asBundled(imported).series.durham?.robbery?.[0] // a count, or RECORDED_CRIME_MISSING.notInSource
 */
export function asBundled(imported: RecordedCrimeDataset): RecordedCrimeDataset {
  const series: RecordedCrimeDataset['series'] = {};
  for (const [slug, groups] of Object.entries(imported.series)) {
    const bySeries: RecordedCrimeDataset['series'][string] = {};
    for (const [group, values] of Object.entries(groups) as [keyof typeof groups, (number | Missing)[]][]) {
      bySeries[group] = values.map((value) =>
        typeof value !== 'number' && value.missing === 'x' ? RECORDED_CRIME_MISSING.notInSource : value,
      );
    }
    series[slug] = bySeries;
  }
  return RecordedCrimeDatasetSchema.parse({ ...imported, series });
}

/**
 * Each count as its difference from the previous count of the same series and offence group (Missing cells are
 * kept and skipped): rolling 12-month counts move slowly, so the differences are short numbers and the module
 * gzips to about two thirds of the plain counts, which keeps a browser bundle that ranks forces under budget.
 * @example deltas([195, 211, M.splitReplaced, 195]) // [195, 16, M.splitReplaced, -16]
 */
export function deltas(values: readonly (number | Missing)[]): (number | Missing)[] {
  let previous = 0;
  return values.map((value) => {
    if (typeof value !== 'number') return value;
    const delta = value - previous;
    previous = value;
    return delta;
  });
}

// The decoder written into the module: the inverse of `deltas`, run once when the module is first imported.
const DECODER = `type Cells = Partial<Record<OffenceGroupId, (number | Missing)[]>>;

/** Counts from their differences (see scripts/gen/recorded-crime.ts \`deltas\`). */
function fromDeltas(series: Record<string, Cells>): RecordedCrimeDataset['series'] {
  const decoded: RecordedCrimeDataset['series'] = {};
  for (const [slug, groups] of Object.entries(series)) {
    const out: Cells = {};
    for (const [group, cells] of Object.entries(groups) as [OffenceGroupId, (number | Missing)[]][]) {
      let previous = 0;
      out[group] = cells.map((cell) => (typeof cell === 'number' ? (previous += cell) : cell));
    }
    decoded[slug] = out;
  }
  return decoded;
}
`;

export async function generate(): Promise<void> {
  const dataset = await buildRecordedCrime();
  const constantByReason = new Map(Object.entries(RECORDED_CRIME_MISSING).map(([name, value]) => [value.reason, name]));
  const cell = (value: number | Missing) => {
    if (typeof value === 'number') return String(value);
    const name = constantByReason.get(value.reason);
    if (!name)
      throw new Error(
        'scripts/gen/recorded-crime.ts: a Missing reason not in RECORDED_CRIME_MISSING: ' +
          JSON.stringify(value.reason),
      );
    return `M.${name}`;
  };
  const seriesSource = Object.entries(dataset.series)
    .map(([slug, groups]) => {
      const lines = Object.entries(groups).map(
        ([group, values]) => `    ${JSON.stringify(group)}: [${deltas(values!).map(cell).join(',')}],`,
      );
      return `  ${JSON.stringify(slug)}: {\n${lines.join('\n')}\n  },`;
    })
    .join('\n');
  writeGeneratedModule(
    'recorded-crime',
    '// Counts are stored as differences from the previous period of the same series and offence group\n' +
      '// (smaller when gzipped); fromDeltas restores them once, at import. The data was validated with\n' +
      '// RecordedCrimeDatasetSchema when this file was generated, so importing it runs no schema.\n' +
      `import type { Missing } from '../types/missing.ts';\n` +
      `import type { OffenceGroupId, RecordedCrimeDataset } from '../types/recorded-crime.ts';\n\n` +
      `const M = ${JSON.stringify(RECORDED_CRIME_MISSING, null, 2)} as const satisfies Record<string, Missing>;\n\n` +
      `${DECODER}\n` +
      `const differences = {\n${seriesSource}\n};\n\n` +
      `export const recordedCrimeData: RecordedCrimeDataset = {\n  source: ${JSON.stringify(dataset.source)},\n` +
      `  periods: ${JSON.stringify(dataset.periods)},\n  series: /* @__PURE__ */ fromDeltas(differences),\n` +
      `  notes: [\n${dataset.notes.map((note) => `    ${JSON.stringify(note)},`).join('\n')}\n  ],\n};\n`,
  );
}
