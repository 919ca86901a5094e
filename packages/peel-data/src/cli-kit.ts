/**
 * peel-data/cli-kit: what the two command-line tools (`peel-data`, `peel` of peel-metrics) share: reading the
 * arguments with node:util's parseArgs (a usage error is exit code 2 with the usage, `--help`/`-h` prints it), and
 * telling whether a module runs as the program. Node-only. Named exports only.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The option descriptors parseArgs takes. */
export type OptionDescriptors = NonNullable<ParseArgsConfig['options']>;

/** Where a command writes its lines: standard output and standard error, one line per call. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The values and positionals parseArgs reads for the option descriptors O (plus `help`). */
export type CommandLine<O extends OptionDescriptors> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & { help: { type: 'boolean'; short: 'h' } } }>
>;

/**
 * Reads a command line: its values and positionals, or the exit code to return at once (2 after a usage error,
 * written to `io.err` with the usage; 0 after `--help` or `-h`, the usage written to `io.out`).
 * @example
 * const line = readCommandLine(['--out', 'x'], { options: { out: { type: 'string' } }, usage: 'Usage: …', io })
 * // { values: { out: 'x' }, positionals: [] }
 */
export function readCommandLine<const O extends OptionDescriptors>(
  argv: readonly string[],
  options: { options: O; usage: string; io: CliIo },
): CommandLine<O> | { exitCode: number } {
  let parsed: CommandLine<O>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { ...options.options, help: { type: 'boolean', short: 'h' } } as O & {
        help: { type: 'boolean'; short: 'h' };
      },
    });
  } catch (error) {
    options.io.err(`${(error as Error).message}\n\n${options.usage}`);
    return { exitCode: 2 };
  }
  if ((parsed.values as { help?: boolean }).help) {
    options.io.out(options.usage);
    return { exitCode: 0 };
  }
  return parsed;
}

/**
 * Whether the module at `moduleUrl` runs as the program (the bin, possibly through a symlink), not imported by a
 * test or another module.
 * @example if (isMainModule(import.meta.url)) process.exitCode = await runCli(process.argv.slice(2));
 */
export function isMainModule(moduleUrl: string): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
