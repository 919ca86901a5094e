// Web budgets: prerender time, report page HTML size (gzip), JavaScript per page, and Lighthouse scores
// with Debian's chromium. Prints a table and writes it to the "## Web budgets" section of BENCHMARKS.md.
// Run from the repo root with `pnpm bench` (builds first), or here with `node bench/budgets.js`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(WEB, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUDGET = {
  reportHtmlGzipKb: 60,
  reportJsKb: 0,
  prerenderSeconds: 30,
  lighthousePerformance: 100,
  lighthouseAccessibility: 100,
};

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const gzipSize = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Builds the site and times the prerender: from the end of the last vite bundle to the end of the build. */
function timedBuild(adapter = '') {
  const started = Date.now();
  let bundlesDone = started;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(WEB, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
      cwd: WEB,
      env: { ...process.env, PEEL_ADAPTER: adapter },
    });
    let output = '';
    const onData = (chunk) => {
      const text = String(chunk);
      output += text;
      if (/built in/.test(text)) bundlesDone = Date.now();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`vite build failed (${code}):\n${output.slice(-3000)}`));
      const finished = Date.now();
      resolve({ totalSeconds: (finished - started) / 1000, prerenderSeconds: (finished - bundlesDone) / 1000 });
    });
  });
}

function pageSizes() {
  const pagesDir = join(WEB, 'build', 'prerendered');
  const clientDir = join(WEB, 'build', 'client');
  const pages = walk(pagesDir).filter((path) => path.endsWith('.html'));
  return pages.map((path) => {
    const html = readFileSync(path, 'utf8');
    // Everything the page loads as JavaScript: <script src>, <link rel="modulepreload">, and the import()s
    // of SvelteKit's inline bootstrap script.
    const scripts = [
      ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]),
      ...[...html.matchAll(/<link\b[^>]*>/g)]
        .filter((match) => /rel="modulepreload"/.test(match[0]))
        .map((match) => /href="([^"]+)"/.exec(match[0])?.[1]),
      ...[...html.matchAll(/import\("([^"]+\.js)"\)/g)].map((match) => match[1]),
    ].filter(Boolean);
    const inlineScripts = (html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []).length;
    const jsBytes = [...new Set(scripts)].reduce((sum, src) => {
      const file = join(clientDir, src.replace(/^(\.\.\/)+|^\.\/|^\//g, '').replace(/^(\.\.\/)+/, ''));
      return sum + (existsSync(file) ? gzipSize(file) : 0);
    }, 0);
    return {
      page:
        '/' +
        relative(pagesDir, path)
          .replace(/^pages\//, '')
          .replace(/(index)?\.html$/, ''),
      htmlGzip: gzipSize(path),
      jsGzip: jsBytes,
      scripts: scripts.length + inlineScripts,
    };
  });
}

async function freePort() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function lighthouseScores(paths) {
  const lighthouseBin = join(WEB, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (!existsSync(CHROMIUM)) return { error: `${CHROMIUM} not found (bash scripts/setup.sh --browser installs it)` };
  if (!existsSync(lighthouseBin)) return { error: 'lighthouse is not installed (pnpm install)' };
  const port = await freePort();
  const server = spawn(process.execPath, [join(WEB, 'build', 'index.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  try {
    for (let tries = 0; tries < 100; tries += 1) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/robots.txt`)).ok) break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const results = [];
    for (const path of paths) {
      const profile = mkdtempSync(join(tmpdir(), 'peel-lighthouse-'));
      const out = join(profile, 'report.json');
      const flags = [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}/chrome`,
      ].join(' ');
      const run = spawnSync(
        process.execPath,
        [
          lighthouseBin,
          `http://127.0.0.1:${port}${path}`,
          '--quiet',
          '--output=json',
          `--output-path=${out}`,
          '--only-categories=performance,accessibility,best-practices,seo',
          `--chrome-flags=${flags}`,
        ],
        {
          env: { ...process.env, CHROME_PATH: CHROMIUM },
          encoding: 'utf8',
          timeout: 180_000,
        },
      );
      if (run.status !== 0 || !existsSync(out)) {
        results.push({
          path,
          error: (run.stderr || run.stdout || `exit ${run.status}`).trim().split('\n').slice(-3).join(' '),
        });
      } else {
        const report = JSON.parse(readFileSync(out, 'utf8'));
        const score = (id) =>
          report.categories[id]?.score == null ? null : Math.round(report.categories[id].score * 100);
        results.push({
          path,
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          lcpMs: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? 0),
        });
      }
      rmSync(profile, { recursive: true, force: true });
    }
    return { results };
  } finally {
    server.kill('SIGTERM');
  }
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// The static build first (into build-static/), then the Node build the size and Lighthouse checks read.
const staticBuild = await timedBuild('static');
const staticPages = walk(join(WEB, 'build-static')).filter((path) => path.endsWith('.html')).length;
const build = await timedBuild();
const sizes = pageSizes();
// Report pages: each force's 2016 edition and its report for the latest period the data cover (issue 15).
const LATEST_REPORT = /^\/forces\/[a-z-]+\/\d{4}-\d{2}-\d{2}$/;
const reports = sizes.filter((page) => /^\/forces\/[a-z-]+$/.test(page.page) || LATEST_REPORT.test(page.page));
const byType = (pattern) => sizes.filter((page) => pattern.test(page.page));
const types = [
  ['home', /^\/$/],
  ['national (year/sort)', /^\/national\//],
  ['force report (2016 edition)', /^\/forces\/[a-z-]+$/],
  ['force report (latest period)', LATEST_REPORT],
  ['force over time', /^\/forces\/[a-z-]+\/over-time$/],
  ['metric', /^\/metrics\/[^/]+$/],
  ['metric series (force)', /^\/metrics\/[^/]+\/forces\//],
  ['search', /^\/search$/],
  ['methodology', /^\/methodology$/],
];
const lighthouse = await lighthouseScores([
  '/',
  '/forces/durham',
  '/forces/dyfed-powys',
  ...sizes
    .filter((page) => LATEST_REPORT.test(page.page) && page.page.startsWith('/forces/durham/'))
    .map((page) => page.page),
  '/metrics/crime_rate_total_excl_fraud',
  '/methodology',
]);

const maxReport = Math.max(...reports.map((page) => page.htmlGzip));
const maxReportJs = Math.max(...reports.map((page) => page.jsGzip));
const worst = reports.find((page) => page.htmlGzip === maxReport);
const verdict = (ok) => (ok ? 'within budget' : 'OVER BUDGET');
const lines = [
  '## Web budgets',
  '',
  `Measured by \`pnpm bench\` (apps/web/bench/budgets.js) on ` +
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.versions.node}, ` +
    `${sizes.length} prerendered pages, load average ` +
    `${loadavg()[0].toFixed(1)} on 2 cores at the end (timings and Lighthouse scores move with it).`,
  '',
  '| budget | goal | measured | verdict |',
  '|---|---|---|---|',
  `| full build (vite bundles + prerender) | — | ${build.totalSeconds.toFixed(1)} s | — |`,
  `| prerender of every page (after the bundles: render, write, gzip) | < ${BUDGET.prerenderSeconds} s | ` +
    `${build.prerenderSeconds.toFixed(1)} s | ${verdict(build.prerenderSeconds < BUDGET.prerenderSeconds)} |`,
  `| static build (PEEL_ADAPTER=static) | same pages | ${staticBuild.totalSeconds.toFixed(1)} s, ${staticPages} HTML ` +
    `pages (Node build: ${sizes.length}) | ${staticPages === sizes.length ? 'same pages' : 'DIFFERENT PAGE COUNT'} |`,
  `| report page HTML, gzip (largest of ${reports.length}) | < ${BUDGET.reportHtmlGzipKb} kB | ` +
    `${kb(maxReport)} kB (${worst?.page}); median ${kb(
      percentile(
        reports.map((page) => page.htmlGzip),
        50,
      ),
    )} kB | ` +
    `${verdict(kb(maxReport) < BUDGET.reportHtmlGzipKb)} |`,
  `| JavaScript on report pages, gzip | ${BUDGET.reportJsKb} kB | ${kb(maxReportJs)} kB | ` +
    `${verdict(maxReportJs === 0)} |`,
  '',
  '| page type | pages | HTML gzip (max) | JavaScript gzip (max) |',
  '|---|---|---|---|',
  ...types.map(([name, pattern]) => {
    const pages = byType(pattern);
    return pages.length === 0
      ? `| ${name} | 0 | — | — |`
      : `| ${name} | ${pages.length} | ${kb(Math.max(...pages.map((page) => page.htmlGzip)))} kB | ` +
          `${kb(Math.max(...pages.map((page) => page.jsGzip)))} kB |`;
  }),
  '',
];
if (lighthouse.error) {
  lines.push(`Lighthouse: not run: ${lighthouse.error}.`, '');
} else {
  lines.push(
    'Lighthouse 12.2.3, Debian chromium, default (mobile, simulated throttling); goal performance 100, accessibility ' +
      '100:',
    '',
    '| page | performance | accessibility | best practices | SEO | LCP |',
    '|---|---|---|---|---|---|',
  );
  for (const result of lighthouse.results) {
    lines.push(
      result.error
        ? `| ${result.path} | error: ${result.error} | | | | |`
        : `| ${result.path} | ${result.performance} | ${result.accessibility} | ${result.bestPractices} | ` +
            `${result.seo} | ${result.lcpMs} ms |`,
    );
  }
  lines.push('');
}
const section = lines.join('\n');
console.log(section);

const benchmarks = join(ROOT, 'BENCHMARKS.md');
const current = existsSync(benchmarks) ? readFileSync(benchmarks, 'utf8') : '# Benchmarks\n';
const start = current.indexOf('## Web budgets');
let next;
if (start === -1) {
  next = `${current.trimEnd()}\n\n${section}`;
} else {
  const after = current.indexOf('\n## ', start + 1);
  // The section ends with one newline; keep a blank line before the next section.
  next = `${current.slice(0, start)}${section}${after === -1 ? '' : `\n${current.slice(after + 1)}`}`;
}
writeFileSync(benchmarks, next.endsWith('\n') ? next : `${next}\n`);
