/**
 * Node-only: a release folder written by `peel-data import` and read back by `loadRelease`.
 *
 * Layout: `manifest.json` (format, version 2, one entry per dataset with its file, SHA-256 and size) and one
 * JSON file per dataset named after its content (`recorded-crime.<first 16 hex of the SHA-256>.json`), each in
 * the shape of the bundled dataset of its kind.
 *
 * Writing is atomic and polite: new dataset files are written under their content names (each by a temporary
 * name and a rename), then `manifest.json` is replaced by one rename, which is the moment the release changes;
 * a reader sees the old release or the new one, never a folder without a manifest. The files of the previous
 * manifest are kept (a reader that read it just before still finds them); older dataset files are removed.
 * Files the import does not own (anything not named like a dataset file) are never touched. A symlinked
 * folder is followed: the release is written where it points. The lock beside the folder holds the writer's
 * process id and host; a lock whose process is gone (on this host) is recovered.
 *
 * Reading checks everything the importer checks (checkDataset in rules.ts), that each file's SHA-256 is the
 * manifest's (so a hand edit is refused, naming the file), and that every path stays inside the folder. No
 * file content is ever echoed in an error.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { lstat, mkdir, open, readFile, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { z } from 'zod';
import { ImportError, showValue } from './errors.ts';
import { DATASET_KINDS, DATASET_NAMES, type ImportedRelease, type ImportedReleaseName, checkDataset } from './rules.ts';

export type { ImportedRelease, ImportedReleaseName } from './rules.ts';

/**
 * Name of the manifest that marks a folder as a peel-data release.
 * @example existsSync(join(dir, MANIFEST_FILE)) // true for a folder written by peel-data import
 */
export const MANIFEST_FILE = 'manifest.json';

/**
 * Largest dataset file `loadRelease` reads (bytes): well above an imported year of outcomes (a few MB), low
 * enough that parsing it stays far under the 300 MB memory budget.
 * @example MAX_DATASET_BYTES // 67108864
 */
export const MAX_DATASET_BYTES = 64 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** `recorded-crime.0123456789abcdef.json`, or the unhashed name version 1 used. */
const DATASET_FILE = /^(recorded-crime|outcomes|police-uk-street|police-uk-aggregates)(\.[0-9a-f]{16})?\.json$/;

/** `.manifest.json.tmp-<pid>-<8 hex>`: a file replaceFile writes and renames; group 1 is the writer's pid. */
const TEMPORARY_FILE =
  /^\.(?:manifest|recorded-crime|outcomes|police-uk-street|police-uk-aggregates)[.0-9a-f]*json\.tmp-(\d+)-[0-9a-f]{8}$/;

const EntrySchema = z
  .object({
    file: z.string().regex(DATASET_FILE, 'expected a dataset file name such as "outcomes.0123456789abcdef.json"'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected the SHA-256 of the file, 64 hex digits'),
    bytes: z.number().int().min(1).max(MAX_DATASET_BYTES),
    importedFrom: z.array(z.string()),
  })
  .strict();
const DatasetsSchema = z.partialRecord(
  z.enum(DATASET_NAMES as [ImportedReleaseName, ...ImportedReleaseName[]]),
  EntrySchema,
);
const ManifestSchema = z
  .object({ format: z.literal('peel-data-release'), version: z.literal(2), datasets: DatasetsSchema })
  .strict();
type Manifest = z.infer<typeof ManifestSchema>;
/** Version 1 (before content hashes): read only by writeRelease, which rewrites it as version 2. */
const ManifestV1Schema = z
  .object({
    format: z.literal('peel-data-release'),
    version: z.literal(1),
    datasets: z.partialRecord(
      z.enum(DATASET_NAMES as [ImportedReleaseName, ...ImportedReleaseName[]]),
      z.object({ file: z.string().regex(DATASET_FILE), importedFrom: z.array(z.string()) }).strict(),
    ),
  })
  .strict();

/**
 * Reads and validates a release folder: the importer's schema and rules for every dataset, the manifest's
 * SHA-256 for every file, paths inside the folder. Throws {@link ImportError} naming the file, the JSON
 * path and the rule of the first problem.
 * @example const release = await loadRelease(process.env.PEEL_DATA_DIR!); release.outcomes?.forces
 */
export async function loadRelease(dir: string): Promise<ImportedRelease> {
  const read = await readReleaseFolder(dir, { acceptVersion1: false });
  if (!read)
    throw new ImportError({
      file: join(dir, MANIFEST_FILE),
      expected: 'a release folder written by `peel-data import` (with manifest.json)',
      received: 'no manifest.json',
    });
  return read.release;
}

/**
 * Writes datasets into a release folder, keeping the datasets already there that are not replaced and every
 * file the import does not own. The release changes in one rename of manifest.json; a failure before it
 * leaves the folder's release as it was. `update` may be a function of the release already in the folder (to
 * merge into it); it runs while the folder is locked against other imports. Returns where it wrote (the
 * folder a symlinked `dir` points to).
 * @example await writeRelease('./release', { outcomes: dataset }, { outcomes: ['outcomes-2018-19.csv'] })
 */
export async function writeRelease(
  dir: string,
  update: ImportedRelease | ((existing: ImportedRelease) => ImportedRelease),
  importedFrom: Partial<Record<ImportedReleaseName, string[]>> = {},
): Promise<{ folder: string; followedSymlink: boolean }> {
  const { folder, followedSymlink } = await releaseFolder(dir);
  await mkdir(dirname(folder), { recursive: true });
  return withLock(folder, async () => {
    const existing = await existingRelease(folder);
    const datasets = typeof update === 'function' ? update(existing?.release ?? {}) : update;
    await mkdir(folder, { recursive: true });
    const manifest: Manifest = { format: 'peel-data-release', version: 2, datasets: {} };
    const written: string[] = [];
    const keep = new Set(Object.values(existing?.manifest.datasets ?? {}).map((entry) => entry.file));
    try {
      for (const name of DATASET_NAMES) {
        const dataset = datasets[name];
        const previous = existing?.manifest.datasets[name];
        if (!dataset) {
          if (previous && existing?.version === 2) manifest.datasets[name] = previous;
          else if (previous)
            manifest.datasets[name] = await writeDataset(
              folder,
              name,
              existing!.release[name]!,
              previous.importedFrom,
              written,
            );
          continue;
        }
        // The same validator the loader applies: the folder never holds what loadRelease would refuse.
        checkDataset(name, dataset, `${name} (to be written to ${folder})`);
        manifest.datasets[name] = await writeDataset(folder, name, dataset, importedFrom[name] ?? [], written);
      }
      await replaceFile(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    } catch (error) {
      for (const file of written) if (!keep.has(file)) await rm(join(folder, file), { force: true });
      throw error;
    }
    // Dataset files neither manifest names are no longer readable by anyone, and temporary files of an import
    // that was killed are litter: remove them (only ours).
    const referenced = new Set([...keep, ...Object.values(manifest.datasets).map((entry) => entry.file)]);
    for (const name of await readdir(folder)) {
      const temporary = TEMPORARY_FILE.exec(name);
      if (
        (DATASET_FILE.test(name) && !referenced.has(name)) ||
        (temporary && temporary[1] !== String(process.pid) && !isRunning(Number(temporary[1])))
      )
        await rm(join(folder, name), { force: true });
    }
    return { folder, followedSymlink };
  });
}

/** Serialises one dataset under its content name; returns its manifest entry. */
async function writeDataset(
  folder: string,
  name: ImportedReleaseName,
  dataset: unknown,
  importedFrom: string[],
  written: string[],
): Promise<Manifest['datasets'][ImportedReleaseName] & object> {
  const text = JSON.stringify(dataset);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_DATASET_BYTES)
    throw new ImportError({
      file: join(folder, DATASET_KINDS[name].base),
      expected: `a ${name} dataset of at most ${MAX_DATASET_BYTES} bytes as JSON (what loadRelease reads)`,
      received: `${bytes} bytes`,
    });
  const sha256 = createHash('sha256').update(text).digest('hex');
  const file = `${DATASET_KINDS[name].base}.${sha256.slice(0, 16)}.json`;
  await replaceFile(join(folder, file), text);
  written.push(file);
  return { file, sha256, bytes, importedFrom };
}

/** Writes `path` by a temporary sibling and one rename, so no reader sees a half-written file. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = `${dirname(path)}/.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The folder to write: `dir` itself, or where a symlinked `dir` points (followed explicitly, and said so). */
async function releaseFolder(dir: string): Promise<{ folder: string; followedSymlink: boolean }> {
  const target = resolve(dir);
  const link = await lstat(target).catch(() => undefined);
  if (!link?.isSymbolicLink()) return { folder: target, followedSymlink: false };
  const pointed = await realpath(target).catch(() => undefined);
  if (!pointed)
    throw new ImportError({
      file: dir,
      expected: 'a folder, or a symlink to one (--out)',
      received: 'a symlink to nothing (a dangling link): create the folder it points to, or remove the link',
    });
  return { folder: pointed, followedSymlink: true };
}

/**
 * Runs `work` holding `.<folder>.lock` beside the folder (created exclusively), so two imports into the same
 * folder cannot both read the old release and the second drop the first one's dataset. A lock left by a
 * process that no longer runs on this host (a killed import) is removed and taken.
 */
async function withLock<T>(target: string, work: () => Promise<T>): Promise<T> {
  const lock = join(dirname(target), `.${basename(target)}.lock`);
  const owner = `${process.pid} ${hostname()}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lock, owner, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (attempt === 0 && (await isStaleLock(lock))) {
        await rm(lock, { force: true });
        continue;
      }
      throw new ImportError({
        file: target,
        expected: 'no other import writing to this folder',
        received: `the lock ${lock} (another peel-data import is running; if none is, delete the lock)`,
      });
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

/** True when the lock names a process of this host that is gone. An unreadable or foreign lock is not stale. */
async function isStaleLock(lock: string): Promise<boolean> {
  const text = await readFile(lock, 'utf8').catch(() => '');
  const match = /^(\d+)(?: (\S+))?\s*$/.exec(text);
  if (!match) return false;
  if (match[2] !== undefined && match[2] !== hostname()) return false;
  return !isRunning(Number(match[1]));
}

/** Whether a process of this host runs (a process we may not signal still runs). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * The release already in `dir`: undefined when the folder is absent or empty; an error when it holds something else.
 */
async function existingRelease(
  dir: string,
): Promise<{ release: ImportedRelease; manifest: { datasets: Manifest['datasets'] }; version: 1 | 2 } | undefined> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory())
    throw new ImportError({ file: dir, expected: 'a folder for the release (--out)', received: 'a file' });
  const read = await readReleaseFolder(dir, { acceptVersion1: true });
  if (!read) {
    // Only files of a first import killed before its manifest: as good as empty (cleared after this write).
    const entries = (await readdir(dir)).filter((name) => !DATASET_FILE.test(name) && !TEMPORARY_FILE.test(name));
    if (entries.length === 0) return undefined;
    throw new ImportError({
      file: dir,
      expected: 'an empty folder or a release written by `peel-data import` (with manifest.json)',
      received:
        `a folder with other files (${entries.slice(0, 3).map(showValue).join(', ')}); refusing to ` + `write into it`,
    });
  }
  return read;
}

/** Reads a release folder; undefined when it has no manifest. */
async function readReleaseFolder(
  dir: string,
  options: { acceptVersion1: boolean },
): Promise<{ release: ImportedRelease; manifest: { datasets: Manifest['datasets'] }; version: 1 | 2 } | undefined> {
  const manifestPath = join(dir, MANIFEST_FILE);
  const folder = await realpath(dir).catch(() => resolve(dir));
  const manifestText = await readInside(folder, manifestPath, MAX_MANIFEST_BYTES, true);
  if (manifestText === undefined) return undefined;
  const json = parseJson(manifestText.toString('utf8'), manifestPath);
  const version = (json as { version?: unknown } | null)?.version;
  if (version === 1 && options.acceptVersion1) {
    const v1 = checkManifest(ManifestV1Schema, json, manifestPath);
    const release: ImportedRelease = {};
    for (const name of DATASET_NAMES) {
      const entry = v1.datasets[name];
      if (!entry) continue;
      const path = join(dir, entry.file);
      const text = (await readInside(folder, path, MAX_DATASET_BYTES, false))!;
      (release as Record<string, unknown>)[name] = checkDataset(name, parseJson(text.toString('utf8'), path), path);
    }
    const datasets = Object.fromEntries(
      Object.entries(v1.datasets).map(([name, entry]) => [name, { ...entry, sha256: '', bytes: 1 }]),
    ) as Manifest['datasets'];
    return { release, manifest: { datasets }, version: 1 };
  }
  if (version === 1)
    throw new ImportError({
      file: manifestPath,
      column: 'version',
      expected: 'a version 2 manifest (with a SHA-256 per file)',
      received: 'version 1, written before content hashes: run `peel-data import` into this folder once more',
    });
  const manifest = checkManifest(ManifestSchema, json, manifestPath);
  const release: ImportedRelease = {};
  for (const name of DATASET_NAMES) {
    const entry = manifest.datasets[name];
    if (!entry) continue;
    const path = join(dir, entry.file);
    if (!entry.file.startsWith(`${DATASET_KINDS[name].base}.`))
      throw new ImportError({
        file: manifestPath,
        column: `datasets.${name}.file`,
        expected: `a ${DATASET_KINDS[name].base}.<hash>.json file for ${name}`,
        received: showValue(entry.file),
      });
    const bytes = (await readInside(folder, path, MAX_DATASET_BYTES, false))!;
    const dataset = checkDataset(name, parseJson(bytes.toString('utf8'), path), path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== entry.sha256 || bytes.length !== entry.bytes)
      throw new ImportError({
        file: path,
        expected: `the content peel-data import wrote (SHA-256 ${entry.sha256.slice(0, 16)}… in manifest.json)`,
        received: 'different content: the file was edited or replaced after the import; import the source file again',
      });
    (release as Record<string, unknown>)[name] = dataset;
  }
  return { release, manifest, version: 2 };
}

function checkManifest<Schema extends z.ZodType>(schema: Schema, json: unknown, path: string): z.output<Schema> {
  const checked = schema.safeParse(json);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0]!;
  throw new ImportError({
    file: path,
    column: issue.path.join('.') || '(root)',
    expected: 'a peel-data release manifest',
    received: issue.message,
  });
}

/**
 * The bytes of `path`, which must be a regular file inside `folder` (after resolving symlinks) of at most
 * `limit` bytes. Undefined when it is absent and `optional`.
 */
async function readInside(folder: string, path: string, limit: number, optional: boolean): Promise<Buffer | undefined> {
  const real = await realpath(path).catch(() => undefined);
  if (!real) {
    if (optional && !(await lstat(path).catch(() => undefined))) return undefined;
    throw new ImportError({ file: path, expected: 'a file listed in manifest.json', received: 'no readable file' });
  }
  if (real !== folder && !real.startsWith(`${folder}${sep}`))
    throw new ImportError({
      file: path,
      expected: 'a file inside the release folder',
      received: 'a path that leads outside it (a symlink or "..")',
    });
  const handle = await open(real, 'r').catch(() => undefined);
  if (!handle) throw new ImportError({ file: path, expected: 'a readable file', received: 'no permission to read it' });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ImportError({ file: path, expected: 'a file', received: 'a folder or device' });
    if (info.size > limit)
      throw new ImportError({
        file: path,
        expected: `a file of at most ${limit} bytes`,
        received: `${info.size} bytes`,
      });
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** JSON.parse without echoing the text: V8's message quotes the start of the input, which may be any file. */
function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new ImportError({
      file: path,
      expected: 'JSON written by peel-data import',
      received: position === undefined ? 'text that is not valid JSON' : `invalid JSON at character ${position}`,
    });
  }
}
