#!/usr/bin/env node
/**
 * `peel-data import --format <format> <file> --out <dir>`: reads a newer official file, validates it, and
 * stores it in a release folder that `loadRelease(dir)` (peel-data/node) and the API (PEEL_DATA_DIR) read.
 * Exit codes: 0 imported, 1 bad input (message names file, row and column; nothing written), 2 usage error.
 * `peel-data diff …` is handed to runDiffCommand (src/cli-diff.ts), which has its own usage and exit codes.
 */
import { isMainModule, readCommandLine, type CliIo } from './cli-kit.ts';
import { runDiffCommand } from './cli-diff.ts';
import { IMPORT_FORMATS, type ImportFormat, importIntoRelease } from './node.ts';

const USAGE = `Usage: peel-data import --format <${IMPORT_FORMATS.join('|')}> <file> --out <dir>
       peel-data diff <older> <newer> [--json] [--limit N]   (peel-data diff --help)

Reads <file> (CSV, optionally gzipped), validates it, and writes it into the release folder <dir>
(created if absent; other datasets and files already there are kept; a symlinked <dir> is followed).
Nothing changes if the file is invalid; the release switches in one rename of manifest.json.
A record (line) longer than 65,536 characters is refused, naming its row.

Formats:
  recorded-crime        ONS/Home Office recorded crime by police force area
                        (12 months ending, PFA, Region, Offence, count)
  ho-outcomes           Home Office crime outcomes open data (quarter x force x offence code x outcome type)
  police-uk-street      data.police.uk monthly street-level CSV (counted by force x month x crime type x last outcome)
  police-uk-aggregates  police.uk counts by year x crime type x force x last outcome (BBC aggregate format)

Exit codes: 0 imported, 1 bad input, 2 usage error.`;

/**
 * Runs the CLI with the given arguments and returns the exit code (the bin calls process.exit with it).
 * @example await runCli(['import', '--format', 'ho-outcomes', 'outcomes.csv', '--out', 'release']) // 0
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = { out: console.log, err: console.error },
): Promise<number> {
  if (argv[0] === 'diff') {
    // runDiffCommand writes text with its own line breaks; io.out/err add one per call, so trim it.
    const trimmed = (write: (line: string) => void) => (text: string) => write(text.replace(/\n$/, ''));
    return runDiffCommand(argv.slice(1), { stdout: trimmed(io.out), stderr: trimmed(io.err) });
  }
  const line = readCommandLine(argv, {
    options: { format: { type: 'string' }, out: { type: 'string' } },
    usage: USAGE,
    io,
  });
  if ('exitCode' in line) return line.exitCode;
  const { values, positionals } = line;
  const [command, file, ...extra] = positionals;
  const problems: string[] = [];
  if (command !== 'import')
    problems.push(
      command === undefined
        ? 'missing command: expected "import"'
        : `unknown command ${JSON.stringify(command)}: expected "import"`,
    );
  if (!values.format) problems.push(`missing --format (one of ${IMPORT_FORMATS.join(', ')})`);
  else if (!IMPORT_FORMATS.includes(values.format as ImportFormat))
    problems.push(`unknown --format ${JSON.stringify(values.format)}: expected one of ${IMPORT_FORMATS.join(', ')}`);
  if (!file) problems.push('missing <file>: the CSV file to import');
  if (extra.length) problems.push(`unexpected arguments: ${extra.join(' ')} (import one file at a time)`);
  if (!values.out) problems.push('missing --out <dir>: the release folder to write');
  if (problems.length) {
    io.err(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }

  let result: Awaited<ReturnType<typeof importIntoRelease>>;
  try {
    result = await importIntoRelease(values.format as ImportFormat, file!, values.out!);
  } catch (error) {
    // Not a problem in the file (e.g. no permission to write --out): still a clear message, not a stack trace.
    io.err(`peel-data import: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (!result.ok) {
    io.err(`peel-data import: ${result.message}\nNothing was written to ${values.out}.`);
    return 1;
  }
  const report = result.value.report as {
    rowsRead?: number;
    skipped?: { reason: string; rows?: number; row?: number }[];
  };
  const rows = report.rowsRead === undefined ? '' : ` (${report.rowsRead.toLocaleString('en-GB')} rows checked)`;
  io.out(`peel-data import: wrote ${result.value.name} from ${file}${rows} to ${values.out}`);
  if (result.value.written?.followedSymlink)
    io.out(
      `  ${values.out} is a symlink: the release was written in the folder it points to, ` +
        `${result.value.written.folder}`,
    );
  for (const skip of report.skipped ?? [])
    io.out(`  skipped ${skip.rows ?? 1} row${(skip.rows ?? 1) === 1 ? '' : 's'}: ${skip.reason}`);
  return 0;
}

// Run only as the program, not when a test imports runCli.
if (isMainModule(import.meta.url)) process.exitCode = await runCli(process.argv.slice(2));
