/**
 * Node-only: a release folder written by `peel-data import` and read back by `loadRelease`.
 *
 * Layout: `manifest.json` (format, version, one entry per dataset) and one JSON file per dataset, each
 * in the same shape as the bundled dataset of its kind. Writing is atomic per folder: everything is written
 * to a sibling temporary folder (existing datasets copied in, the new one added), which then replaces the
 * folder by rename. A failure at any point before the rename leaves the existing folder untouched.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { type OutcomesDataset, OutcomesDatasetSchema } from '../datasets/outcomes.ts';
import {
  type PoliceUkAggregatesDataset,
  PoliceUkAggregatesDatasetSchema,
  type PoliceUkStreetCountsDataset,
  PoliceUkStreetCountsDatasetSchema,
} from '../datasets/police-uk.ts';
import { type RecordedCrimeDataset, RecordedCrimeDatasetSchema } from '../schema/recorded-crime.ts';
import { ImportError } from './errors.ts';

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

const DATASET_FILES: Record<ImportedReleaseName, { file: string; schema: z.ZodType }> = {
  recordedCrime: { file: 'recorded-crime.json', schema: RecordedCrimeDatasetSchema },
  outcomes: { file: 'outcomes.json', schema: OutcomesDatasetSchema },
  policeUkStreet: { file: 'police-uk-street.json', schema: PoliceUkStreetCountsDatasetSchema },
  policeUkAggregates: { file: 'police-uk-aggregates.json', schema: PoliceUkAggregatesDatasetSchema },
};
const DATASET_NAMES = Object.keys(DATASET_FILES) as ImportedReleaseName[];

/**
 * Name of the manifest that marks a folder as a peel-data release.
 * @example existsSync(join(dir, MANIFEST_FILE)) // true for a folder written by peel-data import
 */
export const MANIFEST_FILE = 'manifest.json';

const ManifestSchema = z
  .object({
    format: z.literal('peel-data-release'),
    version: z.literal(1),
    datasets: z.partialRecord(
      z.enum(DATASET_NAMES as [ImportedReleaseName, ...ImportedReleaseName[]]),
      z.object({ file: z.string(), importedFrom: z.array(z.string()) }).strict(),
    ),
  })
  .strict();
type Manifest = z.infer<typeof ManifestSchema>;

/**
 * Reads and validates a release folder; every dataset has the shape of the bundled one. Throws
 * {@link ImportError} naming the file and the JSON path of the first problem.
 * @example const release = await loadRelease(process.env.PEEL_DATA_DIR!); release.outcomes?.forces
 */
export async function loadRelease(dir: string): Promise<ImportedRelease> {
  const manifest = await readManifest(dir);
  if (!manifest)
    throw new ImportError({
      file: join(dir, MANIFEST_FILE),
      expected: 'a release folder written by `peel-data import` (with manifest.json)',
      received: 'no manifest.json',
    });
  const release: ImportedRelease = {};
  for (const name of DATASET_NAMES) {
    const entry = manifest.datasets[name];
    if (!entry) continue;
    const path = join(dir, entry.file);
    const json = await readJson(path);
    const checked = DATASET_FILES[name].schema.safeParse(json);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new ImportError({
        file: path,
        column: issue.path.join('.') || '(root)',
        expected: `a ${name} dataset as peel-data writes it`,
        received: issue.message,
      });
    }
    (release as Record<string, unknown>)[name] = checked.data;
  }
  return release;
}

/**
 * Writes datasets into a release folder, keeping the datasets already there that are not replaced.
 * Atomic: a failure leaves an existing folder exactly as it was. `update` may be a function of the release
 * already in the folder (to merge into it); it runs while the folder is locked against other imports.
 * @example await writeRelease('./release', { outcomes: dataset }, { outcomes: ['outcomes-2018-19.csv'] })
 */
export async function writeRelease(
  dir: string,
  update: ImportedRelease | ((existing: ImportedRelease) => ImportedRelease),
  importedFrom: Partial<Record<ImportedReleaseName, string[]>> = {},
): Promise<void> {
  const target = resolve(dir);
  await mkdir(dirname(target), { recursive: true });
  await withLock(target, async () => {
    const existing = await existingRelease(target);
    const datasets = typeof update === 'function' ? update(existing?.release ?? {}) : update;
    const temporary = join(
      dirname(target),
      `.${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
    );
    await mkdir(temporary);
    try {
      const manifest: Manifest = { format: 'peel-data-release', version: 1, datasets: {} };
      for (const name of DATASET_NAMES) {
        const dataset = datasets[name] ?? existing?.release[name];
        if (!dataset) continue;
        const { file } = DATASET_FILES[name];
        await writeFile(join(temporary, file), JSON.stringify(dataset));
        manifest.datasets[name] = {
          file,
          importedFrom: datasets[name]
            ? (importedFrom[name] ?? [])
            : (existing?.manifest.datasets[name]?.importedFrom ?? []),
        };
      }
      await writeFile(join(temporary, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      await swapInto(temporary, target, existing !== undefined || (await exists(target)));
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
  });
}

/**
 * Runs `work` holding `.<folder>.lock` beside the folder (created exclusively), so two imports into the same
 * folder cannot both read the old release and the second swap drop the first one's dataset.
 */
async function withLock<T>(target: string, work: () => Promise<T>): Promise<T> {
  const lock = join(dirname(target), `.${basename(target)}.lock`);
  try {
    await writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new ImportError({
      file: target,
      expected: 'no other import writing to this folder',
      received: `the lock ${lock} (another peel-data import is running; if none is, a crashed one left it: delete it)`,
    });
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

/** Replaces `target` by `temporary`; on failure the old folder is put back. */
async function swapInto(temporary: string, target: string, targetExists: boolean): Promise<void> {
  if (!targetExists) {
    await rename(temporary, target);
    return;
  }
  const old = `${temporary}.old`;
  await rename(target, old);
  try {
    await rename(temporary, target);
  } catch (error) {
    await rename(old, target);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}

/** The release already in `dir`: undefined when the folder is absent or empty; an error when it holds something else. */
async function existingRelease(dir: string): Promise<{ release: ImportedRelease; manifest: Manifest } | undefined> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory())
    throw new ImportError({ file: dir, expected: 'a folder for the release (--out)', received: 'a file' });
  const manifest = await readManifest(dir);
  if (!manifest) {
    const entries = await readdir(dir);
    if (entries.length === 0) return undefined;
    throw new ImportError({
      file: dir,
      expected: 'an empty folder or a release written by `peel-data import` (with manifest.json)',
      received: `a folder with other files (${entries.slice(0, 3).join(', ')}); refusing to replace it`,
    });
  }
  return { release: await loadRelease(dir), manifest };
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  const path = join(dir, MANIFEST_FILE);
  if (!(await exists(path))) return undefined;
  const checked = ManifestSchema.safeParse(await readJson(path));
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ImportError({
      file: path,
      column: issue.path.join('.') || '(root)',
      expected: 'a peel-data release manifest',
      received: issue.message,
    });
  }
  return checked.data;
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ImportError({
      file: path,
      expected: 'a dataset file listed in manifest.json',
      received: 'no readable file',
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError({ file: path, expected: 'JSON', received: (error as Error).message });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
