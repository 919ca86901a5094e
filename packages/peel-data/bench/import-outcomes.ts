/**
 * One benchmark run, in its own process so peak RSS is this import's alone: parses and validates the full
 * 450,912-row Home Office outcomes file with the same importer as `peel-data import --format ho-outcomes`,
 * then prints one JSON line. Modes: `import` (default; the full import), `parse` (our CSV reader only) and
 * `csv-parse` (the csv-parse package, for comparison; needs CSV_PARSE_DIR pointing at a folder where it is installed).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readTextChunks, readUtf8ByteChunks } from '../src/import/file-source.ts';
import { CsvReader } from '../src/import/csv.ts';
import { importHoOutcomes } from '../src/import/ho-outcomes.ts';

// The bundled copy runs from a temp folder, so bench/run.ts passes the path.
const FILE =
  process.env.PEEL_BENCH_FILE ??
  fileURLToPath(new URL('../data/raw/ho-outcomes-2017-18-cjcharts/detection-rates-data.csv.gz', import.meta.url));
const mode = process.argv[2] ?? 'import';

/**
 * CPU time of the main JavaScript thread alone, in ms (Linux: /proc/self/task/<pid>/stat, utime + stime in
 * clock ticks of 10 ms), or -1 elsewhere. Gunzip runs on a pool thread, so on an otherwise idle machine the
 * wall time is close to this; on a busy one the wall time also counts waiting for a core.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return -1;
  }
}

const baselineRss = process.memoryUsage().rss;
const mainCpuStart = mainThreadCpuMs();
const started = performance.now();
const cpuStart = process.cpuUsage();
let rows = 0;
if (mode === 'import') {
  const { report } = await importHoOutcomes(readUtf8ByteChunks(FILE), { file: FILE, utf8Bytes: true });
  rows = report.rowsUsed;
} else if (mode === 'parse') {
  const reader = new CsvReader(
    FILE,
    () => {
      rows += 1;
    },
    { utf8Bytes: true },
  );
  for await (const chunk of readUtf8ByteChunks(FILE)) reader.push(chunk);
  reader.end();
  rows -= 1;
} else if (mode === 'csv-parse') {
  const require = createRequire(`${process.env.CSV_PARSE_DIR ?? process.cwd()}/`);
  const { parse } = require('csv-parse') as { parse: (options: object) => NodeJS.ReadWriteStream };
  const parser = parse({ relax_column_count: false });
  const done = (async () => {
    for await (const _record of parser) rows += 1;
  })();
  for await (const chunk of readTextChunks(FILE))
    if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
  parser.end();
  await done;
  rows -= 1;
} else {
  throw new Error(`unknown mode ${JSON.stringify(mode)}: expected import, parse or csv-parse`);
}
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
const mainCpuMs = mainCpuStart < 0 ? -1 : mainThreadCpuMs() - mainCpuStart;
console.log(
  JSON.stringify({
    mode,
    rows,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    mainCpuMs,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    baselineRssMb: Math.round(baselineRss / 1e6),
  }),
);
