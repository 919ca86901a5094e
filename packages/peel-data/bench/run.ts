/**
 * `pnpm --filter peel-data bench`: times the import of the full 450,912-row Home Office outcomes file
 * (parse + validate + aggregate, exactly what `peel-data import --format ho-outcomes` does) and reports wall
 * time and peak RSS, then writes the figures under "## peel-data import" in /BENCHMARKS.md (other sections
 * are left alone). Not a test: the figures depend on the machine and on what else it is running.
 *
 * Each run is a separate `node` process (bench/import-outcomes.ts bundled with esbuild first, so TypeScript
 * compilation is neither timed nor in the RSS), measuring inside the child: wall time with performance.now()
 * around the import, CPU time with process.cpuUsage(), peak RSS with process.resourceUsage().maxRSS.
 * Set CSV_PARSE_DIR to a folder where `csv-parse` is installed to add the comparison run.
 */
import { execFileSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const RUNS = Number(process.env.PEEL_BENCH_RUNS ?? 5);
const BUDGET = { wallMs: 1500, peakRssMb: 300 };
const packageDir = fileURLToPath(new URL('../', import.meta.url));
const benchmarksFile = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));

interface RunResult {
  mode: string;
  rows: number;
  wallMs: number;
  cpuMs: number;
  mainCpuMs: number;
  peakRssMb: number;
  baselineRssMb: number;
}

const work = mkdtempSync(join(tmpdir(), 'peel-bench-'));
const bundle = join(work, 'import-outcomes.mjs');
await build({
  entryPoints: [join(packageDir, 'bench/import-outcomes.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  conditions: ['peel-source'],
  outfile: bundle,
  logLevel: 'warning',
});
const dataFile = join(packageDir, 'data/raw/ho-outcomes-2017-18-cjcharts/detection-rates-data.csv.gz');

const runOnce = (mode: string): RunResult =>
  JSON.parse(
    execFileSync(process.execPath, [bundle, mode], {
      encoding: 'utf8',
      env: { ...process.env, PEEL_BENCH_FILE: dataFile },
      cwd: packageDir,
    })
      .trim()
      .split('\n')
      .pop()!,
  ) as RunResult;

try {
  const imports = Array.from({ length: RUNS }, () => runOnce('import'));
  const parse = runOnce('parse');
  const csvParse = process.env.CSV_PARSE_DIR ? runOnce('csv-parse') : undefined;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const wall = median(imports.map((run) => run.wallMs));
  // Other work on a shared machine only ever adds time, so the fastest run is the best estimate of the import's own
  // cost.
  const fastest = Math.min(...imports.map((run) => run.wallMs));
  const cpu = median(imports.map((run) => run.cpuMs));
  const mainCpu = median(imports.map((run) => run.mainCpuMs));
  const rss = Math.max(...imports.map((run) => run.peakRssMb));
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const cpuModel =
    /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';

  const lines = [
    '## peel-data import',
    '',
    'Parse + validate + aggregate the full Home Office outcomes file ' +
      '(`data/raw/ho-outcomes-2017-18-cjcharts/detection-rates-data.csv.gz`,',
    `${imports[0]!.rows.toLocaleString('en-GB')} data rows, 2.99 MB gzip / 90 MB CSV) with the importer behind ` +
      '`peel-data import --format ho-outcomes`.',
    'Each run is its own `node` process (bench/import-outcomes.ts bundled with esbuild), timed inside the process.',
    '',
    `- Command: \`pnpm --filter peel-data bench\` (bench/run.ts; ${RUNS} runs` +
      `${csvParse ? ', CSV_PARSE_DIR set for the csv-parse comparison' : ''})`,
    `- Machine: ${cpus().length} cores (nproc), ${cpuModel}, Node ${process.version}, load average ${load} when the ` +
      `bench ended`,
    `- Budget: under ${BUDGET.wallMs} ms wall, under ${BUDGET.peakRssMb} MB peak RSS`,
    '',
    '| run | wall ms | CPU ms, main thread | CPU ms, all threads | peak RSS MB (baseline before import) |',
    '|---|---|---|---|---|',
    ...imports.map(
      (run, index) =>
        `| import ${index + 1} | ${run.wallMs} | ${run.mainCpuMs} | ${run.cpuMs} | ${run.peakRssMb} ` +
        `(${run.baselineRssMb}) |`,
    ),
    `| **import: median** | **${wall}** | **${mainCpu}** | ${cpu} | **${rss}** (max) |`,
    `| **import: fastest run** | **${fastest}** | | | |`,
    `| our CSV reader only (gunzip + UTF-8 check + split, no validation) | ${parse.wallMs} | ${parse.mainCpuMs} | ` +
      `${parse.cpuMs} | ${parse.peakRssMb} |`,
    ...(csvParse
      ? [
          `| csv-parse 7.0.3 only, on the same file decoded to text (comparison) | ${csvParse.wallMs} | ` +
            `${csvParse.mainCpuMs} | ${csvParse.cpuMs} | ${csvParse.peakRssMb} |`,
        ]
      : []),
    '',
    `Result: fastest run ${fastest} ms, median ${wall} ms (${fastest < BUDGET.wallMs ? 'within' : 'OVER'} the ` +
      `${BUDGET.wallMs} ms budget on the fastest run, ${wall < BUDGET.wallMs ? 'within' : 'over'} it on the median); ` +
      `peak RSS ${rss} MB (${rss < BUDGET.peakRssMb ? 'within' : 'OVER'} budget).` +
      ` Wall time also counts waiting for a core (load average ${load.split(' ')[0]} on ${cpus().length} cores, ` +
      `shared with other jobs).` +
      ` The main thread's own CPU time (median ${mainCpu} ms; gunzip runs on a pool thread) is what the wall time ` +
      `approaches on an otherwise idle machine.`,
    '',
  ];
  const section = lines.join('\n');
  console.log(section);

  const existing = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '# Benchmarks\n\n';
  const start = existing.indexOf('## peel-data import');
  let updated: string;
  if (start < 0) updated = `${existing.trimEnd()}\n\n${section}`;
  else {
    const next = existing.indexOf('\n## ', start + 1);
    updated = existing.slice(0, start) + (next < 0 ? section : `${section.trimEnd()}\n\n${existing.slice(next + 1)}`);
  }
  writeFileSync(benchmarksFile, updated.endsWith('\n') ? updated : `${updated}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
