/**
 * `peel-data diff <older> <newer> [--json] [--limit N]`: what a new data release changes.
 *
 * Each side is one of:
 * - `bundled`: the release inside this installed peel-data;
 * - a release folder written by `peel-data import` (it has a `manifest.json`): the bundled release with that
 *   folder's datasets in place of the bundled ones, which is what the API serves with `PEEL_DATA_DIR`;
 * - a folder holding another installed peel-data (e.g. `node_modules/peel-data` of an older version, installed with
 *   `npm i peel-data-0.1@npm:peel-data@0.1.0`): its own bundled release is read;
 * - a JSON file holding a release (`{ "version": "…", "forces": […], … }`, e.g. written with `--json` by an
 *   export).
 *
 * Exit code as `diff(1)`: 0 when the releases hold the same data, 1 when they differ, 2 on bad usage or unreadable
 * input.
 * Node only (reads files); the library itself stays free of Node APIs.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  countDiff,
  diffReleases,
  isEmptyDiff,
  type ComparableRelease,
  type ReleaseDiff,
  type ValueChange,
} from './diff.ts';
import * as peelData from './index.ts';
import { MANIFEST_FILE, loadRelease } from './import/release.ts';
import { formatMissing, isMissing } from './types/missing.ts';

/**
 * The help text of `peel-data diff`.
 * @example console.log(DIFF_USAGE) // 'Usage: peel-data diff <older> <newer> [--json] [--limit N] …'
 */
export const DIFF_USAGE = `Usage: peel-data diff <older> <newer> [--json] [--limit N]

  <older>, <newer>  "bundled" (this package's data), a release folder written by
                    "peel-data import" (the bundled data with that folder's datasets in place),
                    a folder with another installed peel-data (node_modules/peel-data),
                    or a JSON file holding a release
  --json            print the whole comparison as JSON
  --limit N         list at most N rows per section (default 20; 0 lists none)

Exit code: 0 same data, 1 different, 2 error.
Examples: peel-data diff bundled ./release
          peel-data diff ./old/node_modules/peel-data bundled`;

/**
 * Where the command writes; tests pass their own.
 * @example
 * let text = '';
 * await runDiffCommand(['bundled', 'bundled'], { stdout: (t) => (text += t), stderr: (t) => (text += t) });
 */
export interface CommandOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processOutput: CommandOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * Shows control characters (except line breaks and tabs) as `\u001B`-style escapes, so text read from a file
 * cannot move the cursor, recolour or retitle a terminal, or reorder what is shown (bidi controls).
 * @example escapeControlCharacters('Robbery\u001b[2J') // 'Robbery\\u001B[2J'
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/**
 * Runs `peel-data diff` with the arguments that follow the word `diff`, and returns the exit code.
 * @example await runDiffCommand(['./old/node_modules/peel-data', 'bundled']) // 1, after printing what changed
 */
export async function runDiffCommand(argv: readonly string[], to: CommandOutput = processOutput): Promise<number> {
  // Labels come from files anyone can write: no control character reaches the terminal as itself.
  const output: CommandOutput = {
    stdout: (text) => to.stdout(escapeControlCharacters(text)),
    stderr: (text) => to.stderr(escapeControlCharacters(text)),
  };
  const parsed = parseArguments(argv);
  if ('error' in parsed) {
    output.stderr(`peel-data diff: ${parsed.error}\n\n${DIFF_USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    output.stdout(`${DIFF_USAGE}\n`);
    return 0;
  }
  let diff: ReleaseDiff;
  try {
    const [older, newer] = await Promise.all([loadSide(parsed.older), loadSide(parsed.newer)]);
    diff = diffReleases(older, newer);
  } catch (error) {
    output.stderr(`peel-data diff: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  output.stdout(parsed.json ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff, { limit: parsed.limit }));
  return isEmptyDiff(diff) ? 0 : 1;
}

interface ParsedArguments {
  older: string;
  newer: string;
  json: boolean;
  limit: number;
  help: boolean;
}

function parseArguments(argv: readonly string[]): ParsedArguments | { error: string } {
  const positional: string[] = [];
  let json = false;
  let limit = 20;
  let help = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--json') json = true;
    else if (argument === '--help' || argument === '-h') help = true;
    else if (argument === '--limit' || argument.startsWith('--limit=')) {
      const text = argument.includes('=') ? argument.slice('--limit='.length) : argv[(index += 1)];
      if (text === undefined || !/^\d+$/.test(text))
        return { error: `--limit expects a whole number of rows, received ${JSON.stringify(text ?? '')}` };
      limit = Number(text);
    } else if (argument.startsWith('-')) return { error: `unknown option ${argument}` };
    else positional.push(argument);
  }
  if (help) return { older: '', newer: '', json, limit, help };
  if (positional.length !== 2)
    return {
      error:
        `expected two releases to compare, received ` +
        `${positional.length}${positional.length ? ` (${positional.join(', ')})` : ''}`,
    };
  return { older: positional[0]!, newer: positional[1]!, json, limit, help };
}

async function loadSide(argument: string): Promise<ComparableRelease> {
  if (argument === 'bundled') return releaseOf(peelData, 'the bundled peel-data');
  const location = path.resolve(argument);
  const info = await stat(location).catch(() => undefined);
  if (!info)
    throw new Error(
      `cannot read ${argument}: no such file or folder (expected "bundled", a release folder, a peel-data ` +
        `package folder or a release JSON file)`,
    );
  if (info.isDirectory() && (await stat(path.join(location, MANIFEST_FILE)).catch(() => undefined))) {
    const bundled = releaseOf(peelData, 'the bundled peel-data');
    const imported = await loadRelease(location);
    // Same names as the bundled release, except the police.uk aggregates (policeUk there).
    const { policeUkAggregates, ...sameNames } = imported;
    return {
      ...bundled,
      ...sameNames,
      ...(policeUkAggregates ? { policeUk: policeUkAggregates } : {}),
      version: `${bundled.version} + ${argument}`,
    };
  }
  if (info.isDirectory()) {
    const manifestPath = path.join(location, 'package.json');
    const manifest = await readFile(manifestPath, 'utf8').then(
      (text) => JSON.parse(text) as { name?: string; exports?: unknown },
      () => undefined,
    );
    if (manifest?.name !== 'peel-data')
      throw new Error(
        `cannot read ${argument}: a folder must be a release folder written by "peel-data import" (with ` +
          `${MANIFEST_FILE}) or an installed peel-data package (its package.json name is "peel-data")`,
      );
    const entry = entryOf(manifest.exports);
    if (!entry) throw new Error(`cannot read ${argument}: its package.json has no exports["."].default entry`);
    const loaded = (await import(pathToFileURL(path.join(location, entry)).href)) as Record<string, unknown>;
    return releaseOf(loaded, `peel-data in ${argument}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(location, 'utf8'));
  } catch (error) {
    throw new Error(
      `cannot read ${argument}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
  if (typeof json !== 'object' || json === null || typeof (json as { version?: unknown }).version !== 'string') {
    throw new Error(
      `cannot read ${argument}: a release file is a JSON object with a string "version", e.g. { "version": ` +
        `"0.1.0", "forces": [] }`,
    );
  }
  return json as ComparableRelease;
}

function entryOf(exportsField: unknown): string | undefined {
  const root =
    typeof exportsField === 'object' && exportsField !== null
      ? (exportsField as Record<string, unknown>)['.']
      : undefined;
  if (typeof root === 'string') return root;
  const target =
    typeof root === 'object' && root !== null
      ? ((root as Record<string, unknown>).default ?? (root as Record<string, unknown>).import)
      : undefined;
  return typeof target === 'string' ? target : undefined;
}

function releaseOf(module: Record<string, unknown>, what: string): ComparableRelease {
  const release = module.bundledRelease as ComparableRelease | undefined;
  if (typeof release !== 'object' || release === null || typeof release.version !== 'string') {
    throw new Error(`${what} exports no bundledRelease with a version (peel-data 0.1.0 or later has one)`);
  }
  return release;
}

/**
 * The comparison as text: a count per dataset, then the first rows of each section.
 * @example formatDiff(diffReleases(older, newer), { limit: 5 }) // 'peel-data 0.1.0 → 0.2.0\n…'
 */
export function formatDiff(diff: ReleaseDiff, options: { limit?: number } = {}): string {
  const limit = options.limit ?? 20;
  const lines = [`peel-data ${diff.from} → ${diff.to}`];
  if (isEmptyDiff(diff)) return `${lines[0]}: no differences in the data\n`;
  const counts = countDiff(diff);
  const width = Math.max(7, ...counts.map((row) => row.dataset.length));
  lines.push('', `${'dataset'.padEnd(width)}  revised  changed    added  removed`);
  for (const row of counts) {
    lines.push(
      `${row.dataset.padEnd(width)}  ` +
        `${[row.revised, row.changed, row.added, row.removed].map((n) => String(n).padStart(7)).join('  ')}`,
    );
  }
  const sections: [string, string[]][] = [
    ['Revised (same period, new value)', diff.revised.map(formatValueChange)],
    ['Changed (reference data)', diff.changed.map(formatValueChange)],
    ['Added', diff.added.map((change) => `${change.dataset}  ${change.key}`)],
    ['Removed', diff.removed.map((change) => `${change.dataset}  ${change.key}`)],
  ];
  for (const [title, entries] of sections) {
    if (entries.length === 0 || limit === 0) continue;
    lines.push('', `${title}: ${entries.length}`);
    lines.push(...entries.slice(0, limit).map((entry) => `  ${entry}`));
    if (entries.length > limit)
      lines.push(`  … and ${entries.length - limit} more (--limit ${entries.length} or --json lists all)`);
  }
  return `${lines.join('\n')}\n`;
}

function formatValueChange(change: ValueChange): string {
  return `${change.dataset}  ${change.key}  ${change.field}: ${formatValue(change.from)} → ${formatValue(change.to)}`;
}

function formatValue(value: unknown): string {
  if (isMissing(value)) return `${formatMissing(value)} (${value.reason})`;
  return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
}
