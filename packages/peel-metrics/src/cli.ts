#!/usr/bin/env node
/**
 * `peel export`: writes what peel-metrics computes as files an analyst can open. It lives in peel-metrics (not in
 * `peel-data export`) because the dependency runs one way: peel-data cannot import the metrics.
 *   peel export --report durham [--format markdown|text] [--out durham.md]   a force's report as text
 *   peel export --metric asb_rate --out dir                                 dir/asb_rate.csv + .metadata.json
 *   peel export --release --out dir                                         every report and every metric
 * `--data <dir>` reads the datasets of a release folder written by `peel-data import` over the bundled ones.
 * Exit codes: 0 written, 1 bad input (unknown force or metric, unreadable --data, unwritable --out), 2 usage error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledRelease, territorialForces } from 'peel-data';
import { isMainModule, readCommandLine, type CliIo } from 'peel-data/cli-kit';
import { loadRelease } from 'peel-data/node';
import type { MetricsRelease } from './data/release.ts';
import { METRIC_IDS, isMetricId } from './registry/ids.ts';
import { REPORT_TEXT_FORMATS, renderReport, type ReportTextFormat } from './render/render-report.ts';
import { buildForceReport } from './report/build-force-report.ts';
import { tidyCsv, tidyMetadataJson, tidyMetric } from './tidy/tidy-metric.ts';

const USAGE = `Usage: peel export --report <force> [--format markdown|text] [--out <file>]
       peel export --metric <metric id> --out <dir>
       peel export --release --out <dir>
Options: --data <dir>  read a release folder written by \`peel-data import\` (default: the bundled data)

  --report   a force's PEEL 2016 effectiveness report (slug such as durham, or ONS code such as E23000008),
             as Markdown (default) or plain text; to standard output unless --out is given
  --metric   one metric for every force and England and Wales at every period: <dir>/<id>.csv (tidy, long
             format) and <dir>/<id>.metadata.json (title, unit, definition, sources, coverage, caveats)
  --release  every force's report (<dir>/reports/<slug>.md) and every metric (<dir>/metrics/<id>.csv and
             .metadata.json)

Exit codes: 0 written, 1 bad input, 2 usage error.`;

/** The bundled release with the datasets of a folder written by `peel-data import` in place of its own. */
async function releaseOf(dir: string): Promise<MetricsRelease> {
  const imported = await loadRelease(dir);
  return {
    ...bundledRelease,
    ...(imported.recordedCrime ? { recordedCrime: imported.recordedCrime } : {}),
    ...(imported.outcomes ? { outcomes: imported.outcomes } : {}),
    ...(imported.policeUkAggregates ? { policeUk: imported.policeUkAggregates } : {}),
    version: `${bundledRelease.version}+${dir}`,
  };
}

function writeMetric(dir: string, id: (typeof METRIC_IDS)[number], release: MetricsRelease | undefined): string[] {
  const tidy = tidyMetric(id, release ? { release } : {});
  mkdirSync(dir, { recursive: true });
  const files = [join(dir, `${id}.csv`), join(dir, `${id}.metadata.json`)];
  writeFileSync(files[0]!, tidyCsv(tidy));
  writeFileSync(files[1]!, tidyMetadataJson(tidy));
  return files;
}

/**
 * Runs the CLI with the given arguments and returns the exit code (the bin sets process.exitCode to it).
 * @example await runCli(['export', '--report', 'durham', '--out', 'durham.md']) // 0
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = { out: (line) => process.stdout.write(`${line}\n`), err: console.error },
): Promise<number> {
  const line = readCommandLine(argv, {
    options: {
      report: { type: 'string' },
      metric: { type: 'string' },
      release: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
    },
    usage: USAGE,
    io,
  });
  if ('exitCode' in line) return line.exitCode;
  const { values, positionals } = line;
  const problems: string[] = [];
  const [command, ...extra] = positionals;
  if (command !== 'export')
    problems.push(command === undefined ? 'missing command: expected "export"' : `unknown command "${command}"`);
  if (extra.length) problems.push(`unexpected arguments: ${extra.join(' ')}`);
  const what = [values.report !== undefined, values.metric !== undefined, values.release === true];
  if (what.filter(Boolean).length !== 1)
    problems.push('give exactly one of --report <force>, --metric <id>, --release');
  const format = (values.format ?? 'markdown') as ReportTextFormat;
  if (!REPORT_TEXT_FORMATS.includes(format))
    problems.push(`unknown --format ${JSON.stringify(values.format)}: expected markdown or text`);
  if ((values.metric !== undefined || values.release) && !values.out) problems.push('missing --out <dir>');
  if (problems.length) {
    io.err(`peel export: ${problems.join('\npeel export: ')}\n\n${USAGE}`);
    return 2;
  }

  try {
    const release = values.data === undefined ? undefined : await releaseOf(values.data);
    const withRelease = release ? { release } : {};
    if (values.report !== undefined) {
      const text = renderReport(buildForceReport(values.report, withRelease), { format, ...withRelease });
      if (values.out === undefined) {
        io.out(text.trimEnd());
      } else {
        writeFileSync(values.out, text);
        io.out(`peel export: wrote ${values.out}`);
      }
      return 0;
    }
    if (values.metric !== undefined) {
      if (!isMetricId(values.metric)) {
        io.err(`peel export: unknown metric ${JSON.stringify(values.metric)}; valid ids: ${METRIC_IDS.join(', ')}`);
        return 1;
      }
      io.out(`peel export: wrote ${writeMetric(values.out!, values.metric, release).join(' and ')}`);
      return 0;
    }
    const reports = join(values.out!, 'reports');
    mkdirSync(reports, { recursive: true });
    const forces = release?.forces?.filter((force) => force.kind === 'territorial') ?? territorialForces;
    for (const force of forces)
      writeFileSync(
        join(reports, `${force.slug}.${format === 'markdown' ? 'md' : 'txt'}`),
        renderReport(buildForceReport(force.slug, withRelease), { format, ...withRelease }),
      );
    for (const id of METRIC_IDS) writeMetric(join(values.out!, 'metrics'), id, release);
    io.out(
      `peel export: wrote ${forces.length} reports to ${reports} and ${METRIC_IDS.length} metrics (CSV and ` +
        `metadata) to ${join(values.out!, 'metrics')}`,
    );
    return 0;
  } catch (error) {
    // An unknown force, an unreadable --data folder, an unwritable --out: a message, not a stack trace.
    io.err(`peel export: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Run only as the program, not when a test imports runCli.
if (isMainModule(import.meta.url)) process.exitCode = await runCli(process.argv.slice(2));
