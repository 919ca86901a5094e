/**
 * Load benchmark (`pnpm bench`): loopback only, bounded in time. Starts bench/serve.ts in its own process
 * (so the load generator and the server get a core each) and drives it with autocannon at 50 connections:
 * the force report endpoint against a bare Hono route sending the same bytes, then the 304 revalidation path
 * against a bare 304. Writes the "## API load" section of BENCHMARKS.md. Nothing here asserts timings.
 *
 * Scenarios run interleaved in BENCH_ROUNDS rounds (bare, API, bare 304, API 304, then again in reverse) and each
 * figure is the median over rounds. A goal compares the API with its bare route by the median of the per-round
 * ratios of the two runs back to back (a paired comparison), so a burst of load from elsewhere on the machine,
 * which moves both runs of a pair, does not decide it. On Linux
 * with `taskset` and two or more cores, the server is pinned to core 0 and autocannon to core 1, so the two do
 * not steal each other's time slices (which would measure the scheduler, not the server).
 *
 * Settings: BENCH_SECONDS (default 4 per scenario and round), BENCH_ROUNDS (default 5), BENCH_CONNECTIONS
 * (default 50), BENCH_TARGET (path, default the Durham report).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import autocannon, { type Result } from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const target = process.env.BENCH_TARGET ?? '/v1/reports/peel-2016-effectiveness/durham';
const apiDir = new URL('..', import.meta.url).pathname;
const benchmarksFile = new URL('../../../BENCHMARKS.md', import.meta.url);

const serverCommand = [process.execPath, '--import', 'tsx', '--conditions=peel-source', 'bench/serve.ts', target];
const pinned =
  process.platform === 'linux' &&
  cpus().length >= 2 &&
  spawnSync('taskset', ['-apc', '1', String(process.pid)], { stdio: 'ignore' }).status === 0;
const [command, ...args] = pinned ? ['taskset', '-c', '0', ...serverCommand] : serverCommand;
const server = spawn(command!, args, { cwd: apiDir, stdio: ['ignore', 'pipe', 'inherit'] });
const ready = await new Promise<{
  appPort: number;
  barePorts: Record<'ok' | 'notModifiedEtagOnly' | 'conditionalConstantId' | 'conditional', number>;
  etag: string;
  bytes: number;
}>((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
});

type Scenario = { name: string; url: string; headers?: Record<string, string>; expectStatus: '2xx' | '3xx' };
const scenarios: Scenario[] = [
  {
    name: 'bare Hono route, same bytes (200)',
    url: `http://127.0.0.1:${ready.barePorts.ok}${target}`,
    expectStatus: '2xx',
  },
  { name: `API ${target} (200)`, url: `http://127.0.0.1:${ready.appPort}${target}`, expectStatus: '2xx' },
  {
    name: 'bare Hono route (304, ETag only)',
    url: `http://127.0.0.1:${ready.barePorts.notModifiedEtagOnly}${target}`,
    expectStatus: '3xx',
  },
  {
    name: "bare Hono route checking If-None-Match (304, the API's headers, one constant request id)",
    url: `http://127.0.0.1:${ready.barePorts.conditionalConstantId}${target}`,
    headers: { 'If-None-Match': ready.etag },
    expectStatus: '3xx',
  },
  {
    name: "bare Hono route checking If-None-Match (304, the API's headers, a request id per response)",
    url: `http://127.0.0.1:${ready.barePorts.conditional}${target}`,
    headers: { 'If-None-Match': ready.etag },
    expectStatus: '3xx',
  },
  {
    name: `API ${target} with If-None-Match (304)`,
    url: `http://127.0.0.1:${ready.appPort}${target}`,
    headers: { 'If-None-Match': ready.etag },
    expectStatus: '3xx',
  },
];

const runs = new Map<Scenario, Result[]>(scenarios.map((scenario) => [scenario, []]));
try {
  for (const scenario of scenarios) {
    // One second of warm-up per scenario so JIT and connection set-up are not measured.
    await autocannon({ url: scenario.url, connections, duration: 1, headers: scenario.headers ?? {} });
  }
  for (let round = 1; round <= rounds; round++) {
    // Even rounds run the scenarios in reverse, so neither side of a pair always runs first (or last).
    for (const scenario of round % 2 ? scenarios : [...scenarios].reverse()) {
      const result = await autocannon({
        url: scenario.url,
        connections,
        duration: seconds,
        headers: scenario.headers ?? {},
      });
      runs.get(scenario)!.push(result);
      console.log(
        `round ${round}, ${scenario.name}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ` +
          `ms, errors ${result.errors + result.timeouts}, ${scenario.expectStatus} ${result[scenario.expectStatus]} ` +
          `of ${result.requests.total}`,
      );
    }
  }
} finally {
  server.kill('SIGTERM');
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
/** The median run of a scenario, as one Result-like record (sums for counts). */
const summarise = (list: Result[]): Result => ({
  ...list[0]!,
  requests: {
    ...list[0]!.requests,
    average: median(list.map((r) => r.requests.average)),
    total: list.reduce((sum, r) => sum + r.requests.total, 0),
  },
  latency: {
    ...list[0]!.latency,
    p50: median(list.map((r) => r.latency.p50)),
    p99: median(list.map((r) => r.latency.p99)),
  },
  errors: list.reduce((sum, r) => sum + r.errors, 0),
  timeouts: list.reduce((sum, r) => sum + r.timeouts, 0),
  '2xx': list.reduce((sum, r) => sum + r['2xx'], 0),
  '3xx': list.reduce((sum, r) => sum + r['3xx'], 0),
});
const results = scenarios.map((scenario) => ({ scenario, result: summarise(runs.get(scenario)!) }));
const [bare200, , bare304, bareConstantId, , api304] = results.map((r) => r.result) as [
  Result,
  Result,
  Result,
  Result,
  Result,
  Result,
];
const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
const unexpected = (r: { scenario: Scenario; result: Result }) =>
  r.result.errors + r.result.timeouts + (r.result.requests.total - r.result[r.scenario.expectStatus]);
/** Per round, the API run's figure over its bare route's (the two ran back to back); the goal uses their median. */
const pairedRatios = (api: Scenario, bare: Scenario, figure: (result: Result) => number) =>
  runs.get(api)!.map((run, i) => ratio(figure(run), figure(runs.get(bare)![i]!)));
const [bare200Scenario, api200Scenario, , , bareConditionalScenario, api304Scenario] = scenarios as [
  Scenario,
  Scenario,
  Scenario,
  Scenario,
  Scenario,
  Scenario,
];
const reqs = (result: Result) => result.requests.average;
const p99 = (result: Result) => result.latency.p99;
const report = {
  reqs: pairedRatios(api200Scenario, bare200Scenario, reqs),
  p99: pairedRatios(api200Scenario, bare200Scenario, p99),
};
const revalidation = {
  reqs: pairedRatios(api304Scenario, bareConditionalScenario, reqs),
  p99: pairedRatios(api304Scenario, bareConditionalScenario, p99),
};
const perRound = revalidation.reqs.map((value) => value.toFixed(2));
const context = [
  `API 304 req/s over the like-for-like bare route's, round by round: ${perRound.join(', ')}`,
  `API 304 against the bare route's 200: ${ratio(api304.requests.average, bare200.requests.average).toFixed(1)}× ` +
    `(what revalidation saves a client)`,
  `API 304 against the bare conditional route that sends one constant request id: ` +
    `${ratio(api304.requests.average, bareConstantId.requests.average).toFixed(2)}× (what minting an id per response ` +
    `costs)`,
  `API 304 against a bare 304 with only an ETag: ` +
    `${ratio(api304.requests.average, bare304.requests.average).toFixed(2)}× (the difference is the security, CORS ` +
    `and caching headers every API response must carry)`,
];
const goals = [
  { goal: 'report req/s ≥ 0.8 × bare', value: median(report.reqs), met: median(report.reqs) >= 0.8 },
  { goal: 'report p99 ≤ 1.25 × bare p99', value: median(report.p99), met: median(report.p99) <= 1.25 },
  // The like-for-like 304 baseline: a bare route that also reads If-None-Match and sends the headers the API must send.
  {
    goal: 'API 304 req/s ≥ 0.95 × bare route that checks If-None-Match (same headers, id per response)',
    value: median(revalidation.reqs),
    met: median(revalidation.reqs) >= 0.95,
  },
  {
    goal: "API 304 p99 ≤ 1.25 × that bare route's p99",
    value: median(revalidation.p99),
    met: median(revalidation.p99) <= 1.25,
  },
  {
    goal: 'zero errors and only the expected status',
    value: results.reduce((sum, r) => sum + unexpected(r), 0),
    met: results.every((r) => unexpected(r) === 0),
  },
];

const section = [
  '## API load',
  '',
  `Run by \`pnpm bench\` (apps/api/bench/load.ts) on ${new Date().toISOString().slice(0, 10)}: ` +
    `Node ${process.version}, ${cpus().length} cores, loopback only,`,
  `autocannon ${connections} connections, ${rounds} interleaved rounds of ${seconds} s per scenario after 1 s of ` +
    `warm-up; figures are medians over rounds. The server runs in its own ` +
    `process${pinned ? ' pinned to core 0, autocannon to core 1 (taskset)' : ''};`,
  `each bare route is a one-route Hono app at the same path sending the same ${ready.bytes} bytes as the API's ` +
    `response, so the difference is the API's own work. The`,
  "first request for a URL runs routing, validation and the handler; repeats are answered by the edge's front door " +
    'before',
  'routing (request id, rate-limit check, the lookup of the earlier answer, If-None-Match, the headers). Rate limit ' +
    'and',
  "request logs are off (as behind a CDN). The like-for-like baseline for the API's 304 is a bare route that also " +
    'reads',
  'If-None-Match and sends the same headers (security, CORS, caching) with a request id minted per response, as ' +
    'every API',
  'response carries its own; the other bare 304 rows are for context.',
  '',
  '| scenario | req/s (median of rounds) | p50 ms | p99 ms | errors + timeouts | responses with unexpected status |',
  '|---|---:|---:|---:|---:|---:|',
  ...results.map(
    ({ scenario, result }) =>
      `| ${scenario.name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ` +
      `${result.errors + result.timeouts} | ${unexpected({ scenario, result })} |`,
  ),
  '',
  '| goal | measured (median of per-round ratios) | met |',
  '|---|---:|:---:|',
  ...goals.map(
    (g) => `| ${g.goal} | ${Number.isInteger(g.value) ? g.value : g.value.toFixed(2)} | ${g.met ? 'yes' : 'no'} |`,
  ),
  '',
  'For context (not goals):',
  '',
  ...context.map((line) => `- ${line}`),
  '',
  'Timings vary run to run on a shared 2-core machine; the ratios within one run are what this section compares.',
  '',
].join('\n');

let text: string;
try {
  text = readFileSync(benchmarksFile, 'utf8');
} catch {
  text = '# Benchmarks\n\n';
}
// Replace only this section: from its heading to the next level-2 heading (or the end).
const pattern = /## API load\n[\s\S]*?(?=\n## |$)/;
text = pattern.test(text) ? text.replace(pattern, section.trimEnd() + '\n') : `${text.trimEnd()}\n\n${section}`;
writeFileSync(benchmarksFile, text.endsWith('\n') ? text : `${text}\n`);
console.log(section);
