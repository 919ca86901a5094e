/**
 * `pnpm --filter peel-data bench` (second part): peak memory of the import and the release loader on the
 * pathological inputs of issue 14, each in its own `node` process (bench/pathological-child.ts bundled with
 * esbuild), measured with process.resourceUsage().maxRSS. Budget: under 300 MB for every input, and a refusal
 * that names the file and row. Writes "## peel-data pathological inputs (memory)" in /BENCHMARKS.md.
 * The inputs are generated in a temporary folder (gzip streams of up to 2 GiB of text; a sparse 1 GiB file).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { build } from 'esbuild';

const BUDGET_MB = 300;
const GIB = 2 ** 30;
const packageDir = fileURLToPath(new URL('../', import.meta.url));
const benchmarksFile = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));
const rawRecordedCrime = join(packageDir, 'data/raw/ons-rec-crime-pfa/rec-crime-pfa.csv');
const work = mkdtempSync(join(tmpdir(), 'peel-bench-bad-'));
const child = join(work, 'child.mjs');

/** Writes `head`, then `total` bytes of `fill`, gzipped, without holding more than one MiB. */
async function gzipped(path: string, head: string, fill: string, total: number): Promise<void> {
  const block = Buffer.from(fill.repeat(Math.ceil((1 << 20) / fill.length)).slice(0, 1 << 20));
  async function* source() {
    yield Buffer.from(head);
    for (let written = 0; written < total; written += block.length) yield block;
  }
  await pipeline(Readable.from(source()), createGzip({ level: 1 }), createWriteStream(path));
}

type Case = { name: string; args: string[] };
const cases: Case[] = [];
try {
  await build({
    entryPoints: [join(packageDir, 'bench/pathological-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    conditions: ['peel-source'],
    outfile: child,
    logLevel: 'warning',
  });
  const header = '12 months ending,PFA,Region,Offence,Rolling year total number of offences\n';
  const real = readFileSync(rawRecordedCrime, 'utf8');

  const line = join(work, 'one-line.csv.gz');
  await gzipped(line, header, 'a', 2 * GIB);
  cases.push({ name: 'one 2 GiB line (gzip)', args: ['import', 'recorded-crime', line] });

  const quote = join(work, 'unclosed-quote.csv.gz');
  await gzipped(quote, `${real}30-06-2016,Durham,North East,Robbery,"`, 'x,\n', 2 * GIB);
  cases.push({
    name: 'the real file, then a quoted field never closed (2 GiB, gzip)',
    args: ['import', 'recorded-crime', quote],
  });

  const crs = join(work, 'cr-only.csv.gz');
  await gzipped(crs, header, '\r', 64 * 2 ** 20);
  cases.push({ name: '64 MiB of blank CR-only lines (gzip)', args: ['import', 'recorded-crime', crs] });

  // Distinct quarter ends across the years 1000-9999: each a new period, until the importer's period limit.
  const periods = join(work, 'many-periods.csv');
  const rows: string[] = [header.trimEnd()];
  for (let year = 1000; year < 9999; year++)
    for (const day of ['31-03', '30-06', '30-09', '31-12']) rows.push(`${day}-${year},Durham,North East,Robbery,1`);
  writeFileSync(periods, `${rows.join('\n')}\n`);
  cases.push({
    name: `${(rows.length - 1).toLocaleString('en-GB')} distinct periods`,
    args: ['import', 'recorded-crime', periods],
  });

  // A street file of 600,000 distinct records (Crime IDs) and made-up crime types, past IMPORT_LIMITS.keys.
  const street = join(work, 'many-crime-ids.csv.gz');
  const streetHeader =
    'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,' +
    'Last outcome category,Context\n';
  async function* streetRows() {
    yield Buffer.from(streetHeader);
    for (let block = 0; block < 600; block++) {
      const rows: string[] = [];
      for (let i = 0; i < 1000; i++) {
        const id = (block * 1000 + i).toString(16).padStart(64, '0');
        rows.push(
          `${id},2016-06,Durham Constabulary,Durham Constabulary,-1.5,54.7,On or near X,E01020634,` +
            `County Durham 001A,Type ${i % 400},Under investigation,`,
        );
      }
      yield Buffer.from(`${rows.join('\n')}\n`);
    }
  }
  await pipeline(Readable.from(streetRows()), createGzip({ level: 1 }), createWriteStream(street));
  cases.push({
    name: 'street file: 600,000 distinct Crime IDs, 400 crime types (gzip)',
    args: ['import', 'police-uk-street', street],
  });

  // The real file itself, as the reference.
  cases.push({
    name: 'the real recorded-crime file (reference)',
    args: ['import', 'recorded-crime', rawRecordedCrime],
  });

  // A release folder whose dataset file is 1 GiB (sparse): refused by size, not read.
  const folder = join(work, 'release');
  mkdirSync(folder);
  const big = join(folder, 'recorded-crime.0123456789abcdef.json');
  writeFileSync(big, '');
  await truncate(big, GIB);
  writeFileSync(
    join(folder, 'manifest.json'),
    JSON.stringify({
      format: 'peel-data-release',
      version: 2,
      datasets: {
        recordedCrime: {
          file: 'recorded-crime.0123456789abcdef.json',
          sha256: '0'.repeat(64),
          bytes: 1024,
          importedFrom: [],
        },
      },
    }),
  );
  cases.push({ name: 'release folder with a 1 GiB dataset file', args: ['load', folder] });

  const results = cases.map((entry) => {
    const output = execFileSync(process.execPath, [child, ...entry.args], { encoding: 'utf8', cwd: packageDir });
    const result = JSON.parse(output.trim().split('\n').pop()!) as {
      ok: boolean;
      message: string;
      wallMs: number;
      peakRssMb: number;
    };
    console.log(entry.name, result);
    return { ...entry, ...result };
  });
  const worst = Math.max(...results.map((result) => result.peakRssMb));
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll(work, '<tmp>');
  const section = [
    '## peel-data pathological inputs (memory)',
    '',
    'Peak memory of `importFile` / `loadRelease` on the inputs that took 3-3.5 GB before issue 14, each in its own',
    '`node` process (bench/pathological-child.ts bundled with esbuild; peak RSS from process.resourceUsage().maxRSS).',
    '',
    '- Command: `pnpm --filter peel-data bench` (bench/run.ts, then bench/pathological.ts), or this part alone:',
    '  `pnpm --filter peel-data exec tsx --conditions=peel-source bench/pathological.ts`',
    `- Machine: ${cpus().length} cores (nproc), ${cpuModel}, Node ${process.version}, ` +
      `load average ${load} when it ended`,
    `- Budget: under ${BUDGET_MB} MB peak RSS for every input; a refusal names the file and row`,
    '',
    '| input | outcome (message, shortened) | wall ms | peak RSS MB |',
    '|---|---|---|---|',
    ...results.map(
      (result) =>
        `| ${result.name} | ${result.ok ? 'accepted' : 'refused'}: ${cell(result.message.slice(0, 160))} ` +
        `| ${result.wallMs} | ${result.peakRssMb} |`,
    ),
    '',
    `Result: worst peak RSS ${worst} MB (${worst < BUDGET_MB ? 'within' : 'OVER'} the ${BUDGET_MB} MB budget).`,
    '',
  ].join('\n');
  console.log(section);
  const existing = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '# Benchmarks\n\n';
  const start = existing.indexOf('## peel-data pathological inputs');
  let updated: string;
  if (start < 0) {
    // After the import section, so the two peel-data sections stay together.
    const after = existing.indexOf('\n## ', existing.indexOf('## peel-data import') + 1);
    updated =
      after < 0
        ? `${existing.trimEnd()}\n\n${section}`
        : `${existing.slice(0, after + 1)}${section}\n${existing.slice(after + 1)}`;
  } else {
    const next = existing.indexOf('\n## ', start + 1);
    updated = existing.slice(0, start) + (next < 0 ? section : `${section.trimEnd()}\n\n${existing.slice(next + 1)}`);
  }
  writeFileSync(benchmarksFile, updated.endsWith('\n') ? updated : `${updated}\n`);
  if (worst >= BUDGET_MB) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
