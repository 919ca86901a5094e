/**
 * Consumer type-check (issue 11): what peel's declarations cost a user's `tsc`.
 *
 * Two throwaway projects, identical but for one script: `strict`, `skipLibCheck: false`, `moduleResolution: Bundler`,
 * with peel-data, peel-metrics (the BUILT packages, through their "exports") and zod linked into node_modules. The
 * script of one calls `buildForceReport('durham')`; the other's imports nothing. Each project is type-checked `RUNS`
 * times with the workspace's TypeScript (`tsc -p tsconfig.json --extendedDiagnostics`), alternating, and the medians
 * compared: the budget is under 1.5 × the project without peel. Wall time, tsc's own check and total times and its
 * memory are printed, and the "Consumer type-check" section of BENCHMARKS.md is rewritten.
 * Needs `pnpm exec turbo run build --filter=peel-metrics...`. Run: `pnpm --filter peel-metrics bench`.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const packages = join(here, '..', '..');
const RUNS = Number(process.env.PEEL_TYPECHECK_RUNS ?? 5);
const BUDGET = 1.5;

const require = createRequire(join(packages, 'peel-metrics', 'package.json'));
const typescript = dirname(require.resolve('typescript/package.json'));
const tsc = join(typescript, 'bin', 'tsc');
const { version: tsVersion } = JSON.parse(readFileSync(join(typescript, 'package.json'), 'utf8')) as {
  version: string;
};
const zod = dirname(require.resolve('zod/package.json'));

for (const name of ['peel-data', 'peel-metrics']) {
  if (!existsSync(join(packages, name, 'dist', 'index.d.ts'))) {
    throw new Error(`${name} is not built: run pnpm exec turbo run build --filter=peel-metrics... first`);
  }
}

const SCRIPTS = {
  'without peel': "const title: string = 'Durham';\nconsole.log(title.length);\n",
  'with peel (buildForceReport)':
    "import { buildForceReport } from 'peel-metrics';\n\n" +
    "const report = buildForceReport('durham');\nconsole.log(report.title, report.figures.length);\n",
} as const;
type Project = keyof typeof SCRIPTS;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  },
  include: ['src'],
};

/** Writes one consumer project and returns its folder. */
function project(root: string, name: Project): string {
  const dir = join(root, name.startsWith('with ') ? 'with-peel' : 'without-peel');
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(dir, 'src', 'main.ts'), SCRIPTS[name]);
  symlinkSync(join(packages, 'peel-data'), join(dir, 'node_modules', 'peel-data'), 'dir');
  symlinkSync(join(packages, 'peel-metrics'), join(dir, 'node_modules', 'peel-metrics'), 'dir');
  symlinkSync(zod, join(dir, 'node_modules', 'zod'), 'dir');
  return dir;
}

interface Run {
  wall: number;
  check: number;
  total: number;
  memoryKb: number;
  files: number;
}

/** One `tsc --extendedDiagnostics` run: wall seconds, tsc's check and total seconds, its memory and file count. */
function typecheck(dir: string): Run {
  const start = performance.now();
  const out = execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--extendedDiagnostics'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const wall = (performance.now() - start) / 1000;
  const field = (label: string) => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out);
    if (!match) throw new Error(`tsc printed no "${label}":\n${out}`);
    return Number(match[1]);
  };
  return {
    wall,
    check: field('Check time'),
    total: field('Total time'),
    memoryKb: field('Memory used'),
    files: field('Files'),
  };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const root = mkdtempSync(join(tmpdir(), 'peel-consumer-typecheck-'));
const names = Object.keys(SCRIPTS) as Project[];
const runs = new Map<Project, Run[]>(names.map((name) => [name, []]));
const load = [loadavg()[0] ?? 0];
try {
  const dirs = new Map(names.map((name) => [name, project(root, name)]));
  for (const name of names) typecheck(dirs.get(name) as string); // warm-up: disk cache, Node's compile cache
  for (let run = 0; run < RUNS; run += 1) {
    for (const name of names) runs.get(name)?.push(typecheck(dirs.get(name) as string));
  }
  load.push(loadavg()[0] ?? 0);
} finally {
  rmSync(root, { recursive: true, force: true });
}

const summary = names.map((name) => {
  const list = runs.get(name) as Run[];
  return {
    name,
    walls: list.map((run) => run.wall),
    wall: median(list.map((run) => run.wall)),
    check: median(list.map((run) => run.check)),
    total: median(list.map((run) => run.total)),
    memoryMb: Math.max(...list.map((run) => run.memoryKb)) / 1024,
    files: list[0]?.files ?? 0,
  };
});
const [without, withPeel] = summary as [(typeof summary)[number], (typeof summary)[number]];
const ratio = withPeel.wall / without.wall;
const totalRatio = withPeel.total / without.total;

const verdict = `under ${BUDGET} × without peel: **${ratio.toFixed(2)} ×** (tsc total ${totalRatio.toFixed(2)} ×)`;
const table = [
  '| project | files | wall, each run (s) | wall median (s) | tsc total / check median (s) | tsc memory | budget |',
  '|---|---|---|---|---|---|---|',
  ...summary.map((row, index) => {
    const walls = row.walls.map((wall) => wall.toFixed(2)).join(', ');
    const times = `${row.total.toFixed(2)} / ${row.check.toFixed(2)}`;
    return (
      `| ${row.name} | ${row.files} | ${walls} | ${row.wall.toFixed(2)} | ${times} | ` +
      `${Math.round(row.memoryMb)} MB | ${index === 0 ? '—' : verdict} |`
    );
  }),
].join('\n');
console.log(table);

/** The largest `.d.ts` a package ships, with its size in bytes. */
function largestDeclaration(name: string): { file: string; bytes: number } {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return walk(join(packages, name, 'dist'))
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => ({ file: relative(join(packages, name), file), bytes: statSync(file).size }))
    .reduce((a, b) => (b.bytes > a.bytes ? b : a));
}
const largest = ['peel-data', 'peel-metrics'].map((name) => {
  const { file, bytes } = largestDeclaration(name);
  return `${name} \`${file}\` ${bytes.toLocaleString('en-GB')} B`;
});

const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
const section = [
  '## Consumer type-check (issue 11)',
  '',
  'A consumer project (`strict`, `skipLibCheck: false`, `moduleResolution: Bundler`, the built peel-data and ' +
    'peel-metrics and zod linked into node_modules) type-checking a script that calls `buildForceReport(' +
    "'durham')`, against the same project whose script imports nothing from peel. Measured by " +
    '`pnpm --filter peel-metrics bench` (`bench/consumer-typecheck.ts`): ' +
    `\`tsc -p tsconfig.json --extendedDiagnostics\` (TypeScript ${tsVersion}), one warm-up then ${RUNS} runs of each ` +
    `project, alternating; last run ${stamp} UTC on ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
    `${availableParallelism()} cores, Node.js ${process.version}, ` +
    `load average ${load.map((value) => value.toFixed(1)).join(' → ')} ` +
    '(the machine is shared: read the ratio rather than the seconds).',
  '',
  table,
  '',
  'Largest `.d.ts` of each package (budget under 60 kB, checked by ' +
    `\`packages/peel-metrics/test/declarations.test.ts\`): ${largest.join('; ')}. Before the report model's types ` +
    'were written by hand (issue 11) the largest was 433,865 B, and an earlier run of the same projects ' +
    '(wall time by `/usr/bin/time`, three runs) took 5.1, 5.7, 3.7 s without peel and 13.9, 9.6, 15.5 s ' +
    '(590 MB) with it.',
  '',
].join('\n');
const file = join(packages, '..', 'BENCHMARKS.md');
const current = readFileSync(file, 'utf8');
const pattern = /## Consumer type-check[^\n]*\n[\s\S]*?(?=\n## |$)/;
const next = pattern.test(current)
  ? current.replace(pattern, section.trimEnd() + '\n')
  : `${current.trimEnd()}\n\n${section}`;
writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);

if (!(ratio < BUDGET)) {
  console.error(`consumer type-check: ${ratio.toFixed(2)} × the project without peel (budget under ${BUDGET} ×)`);
  process.exitCode = 1;
}
