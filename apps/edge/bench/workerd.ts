/**
 * workerd benchmark (`pnpm --filter @peel/edge bench`, after `pnpm build`): the Worker exactly as
 * `wrangler deploy --dry-run` bundles it, started in workerd (miniflare) with its assets, then the first request
 * of every force report and every metric table after startup, each once, in order.
 *
 * CPU time per first request: the workerd process's CPU time (/proc/<pid>/task/<tid>/schedstat over all its
 * threads, which counts time on a core only, so other load on the machine does not inflate it) for the first
 * request less the median for two repeats of the same URL right after it. A repeat sends the same bytes through the
 * same HTTP plumbing (miniflare's router and the loopback to Node, which Cloudflare does not bill to the Worker)
 * and is answered from the memo before routing, so the difference is what the first request costs: the Worker's
 * lookup or computation, plus, for a prebuilt answer, miniflare's asset server reading the body. An upper bound on
 * the Worker's own CPU time. For reference, the Worker isolate's busy time in V8's sampling profiler (through
 * workerd's inspector) is shown too: it is wall-clock based, so on a loaded machine it also counts time the thread
 * waited for a core.
 * Startup is the workerd process's CPU time from `new Miniflare` to ready for this Worker without assets (so
 * miniflare's asset services are not counted) less the same for a one-line Worker: the Worker's own compile and
 * top-level evaluation. The same first requests are also sent to the Worker without assets, which computes every
 * answer, for comparison. Writes the "## Workers (workerd)" section of BENCHMARKS.md; asserts no timings.
 *
 * Each first request is measured in BENCH_ROUNDS fresh isolates (default 3) and a URL's figure is its median over
 * them; the worst single measurement is printed too.
 *
 * Settings: BENCH_STARTS (default 5 starts of each kind), BENCH_ROUNDS (default 3). Needs WebSocket (Node 20:
 * --experimental-websocket, which the package's bench script passes).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Miniflare } from 'miniflare';
import { assetsDir, dryRun, startEdge } from '../test/harness.ts';

const starts = Number(process.env.BENCH_STARTS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const benchmarksFile = new URL('../../../BENCHMARKS.md', import.meta.url);

/** The workerd processes that are children of this process. */
function workerdPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8').trim();
      const [, comm = '', rest = ''] = /^\d+ \((.*)\) (.*)$/.exec(stat) ?? [];
      if (comm.startsWith('workerd') && Number(rest.split(' ')[1]) === process.pid) pids.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** CPU time (ns) the process has run, over all its threads. */
function cpuNs(pid: number): number {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended while we looked.
    }
  }
  return total;
}

/** A Chrome DevTools Protocol session with one Worker isolate, for its CPU profile. */
async function profilerFor(worker: Miniflare) {
  const inspector = String(await worker.getInspectorURL()).replace(/^ws:/, 'http:');
  const targets = (await (await fetch(new URL('/json', inspector))).json()) as {
    id: string;
    webSocketDebuggerUrl: string;
  }[];
  const target = targets.find((candidate) => candidate.id.startsWith('core:user:'));
  if (!target) throw new Error(`bench: no user Worker among the inspector targets ${JSON.stringify(targets)}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  };
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve) => {
      nextId += 1;
      pending.set(nextId, resolve as (result: unknown) => void);
      socket.send(JSON.stringify({ id: nextId, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 20 });
  type Profile = {
    nodes: { id: number; callFrame: { functionName: string } }[];
    samples: number[];
    timeDeltas: number[];
  };
  return {
    start: () => send('Profiler.start'),
    /**
     * Stops the profile: the isolate's busy time in ms (every sample but idle ones), and the same without the
     * samples in `arrayBuffer` (reading a subrequest's body, which is waiting for the asset server).
     */
    stop: async () => {
      const { profile } = await send<{ profile: Profile }>('Profiler.stop');
      const kind = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName]));
      let busyUs = 0;
      let readingUs = 0;
      profile.samples.forEach((sample, index) => {
        const name = kind.get(sample);
        const delta = profile.timeDeltas[index] ?? 0;
        if (name === '(idle)') return;
        busyUs += delta;
        if (name === 'arrayBuffer') readingUs += delta;
      });
      return { busyMs: busyUs / 1000, ownMs: (busyUs - readingUs) / 1000 };
    },
    close: () => socket.close(),
  };
}
type Profiler = Awaited<ReturnType<typeof profilerFor>>;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (ns: number) => ns / 1e6;
const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** Starts a Worker, returning it with the wall and workerd CPU time the start took. */
async function timedStart(start: () => Promise<Miniflare>) {
  const before = new Set(workerdPids());
  const began = performance.now();
  const worker = await start();
  const wallMs = performance.now() - began;
  const pid = workerdPids().find((candidate) => !before.has(candidate));
  if (!pid) throw new Error('bench: could not find the workerd process miniflare started');
  return { worker, pid, wallMs, cpuMs: ms(cpuNs(pid)) };
}

/** One request's CPU times (workerd process, isolate profile) and wall time. */
async function measure(worker: Miniflare, pid: number, profiler: Profiler, path: string) {
  await profiler.start();
  const cpuBefore = cpuNs(pid);
  const began = performance.now();
  const response = await worker.dispatchFetch(`http://localhost${path}`);
  const bytes = (await response.arrayBuffer()).byteLength;
  const wallMs = performance.now() - began;
  // The response is complete, but the Worker may still be finishing (logging the request): let it settle.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const processMs = ms(cpuNs(pid) - cpuBefore);
  const { busyMs: isolateMs, ownMs: isolateOwnMs } = await profiler.stop();
  if (response.status !== 200) throw new Error(`bench: GET ${path} answered ${response.status}`);
  return { processMs, isolateMs, isolateOwnMs, wallMs, bytes };
}

/** A first request and two repeats: the first's CPU time over the repeats' (see the file comment). */
async function timedRequest(worker: Miniflare, pid: number, profiler: Profiler, path: string) {
  const first = await measure(worker, pid, profiler, path);
  const repeats = [await measure(worker, pid, profiler, path), await measure(worker, pid, profiler, path)];
  const repeatMs = median(repeats.map((repeat) => repeat.processMs));
  return {
    path,
    cpuMs: Math.max(0, first.processMs - repeatMs),
    processMs: first.processMs,
    repeatMs,
    isolateMs: first.isolateMs,
    isolateOwnMs: first.isolateOwnMs,
    wallMs: first.wallMs,
    bytes: first.bytes,
  };
}

const bundle = dryRun();
const trivialDir = mkdtempSync(join(tmpdir(), 'peel-trivial-'));
const trivialScript = join(trivialDir, 'worker.js');
writeFileSync(trivialScript, "export default { fetch: () => new Response('ok') };\n");
// Reads one prebuilt body through the ASSETS binding, as the Worker does, and answers its length: the asset
// server's share of a first request (under /v1/, which wrangler.toml routes to the Worker first).
const readerScript = join(trivialDir, 'reader.js');
writeFileSync(
  readerScript,
  `export default {
  async fetch(request, env) {
    const file = new URL(request.url).searchParams.get('file');
    if (!file) return new Response('ok');
    const body = await (await env.ASSETS.fetch('https://assets.invalid/_artifacts/' + file)).arrayBuffer();
    return new Response(String(body.byteLength));
  },
};
`,
);
const mainEntries = JSON.parse(readFileSync(join(assetsDir, '_artifacts/entries/main.json'), 'utf8')) as Record<
  string,
  { etag: string; extension: string }
>;

// Startup, alternating the real Worker and the one-line Worker so load from elsewhere hits both alike.
const startup = { edge: [] as { wallMs: number; cpuMs: number }[], trivial: [] as { wallMs: number; cpuMs: number }[] };
for (let round = 0; round < starts; round++) {
  for (const kind of ['edge', 'trivial'] as const) {
    const started = await timedStart(() =>
      startEdge(kind === 'edge' ? bundle.scriptPath : trivialScript, { assets: false }),
    );
    startup[kind].push({ wallMs: started.wallMs, cpuMs: started.cpuMs });
    await started.worker.dispose();
  }
}

// First requests after startup: the Worker as deployed (prebuilt answers), then without assets (computing).
type Timed = Awaited<ReturnType<typeof timedRequest>>;
async function firstRequests(assets: boolean) {
  const { worker, pid } = await timedStart(() => startEdge(bundle.scriptPath, { assets, inspect: true }));
  const profiler = await profilerFor(worker);
  try {
    const forces = (
      (await (await worker.dispatchFetch('http://localhost/v1/forces')).json()) as {
        forces: { slug: string }[];
      }
    ).forces.map((force) => force.slug);
    const metrics = (
      (await (await worker.dispatchFetch('http://localhost/v1/metrics')).json()) as {
        metrics: { id: string }[];
      }
    ).metrics.map((metric) => metric.id);
    const reports: Timed[] = [];
    for (const slug of forces)
      reports.push(await timedRequest(worker, pid, profiler, `/v1/reports/peel-2016-effectiveness/${slug}`));
    const tables: Timed[] = [];
    for (const id of metrics) tables.push(await timedRequest(worker, pid, profiler, `/v1/metrics/${id}`));
    return { reports, tables };
  } finally {
    profiler.close();
    await worker.dispose();
  }
}

/** The asset server's CPU time for reading a URL's prebuilt body (once per body, in a fresh workerd). */
async function assetReads(paths: string[]): Promise<Map<string, number>> {
  const { worker, pid } = await timedStart(() => startEdge(readerScript));
  const cpuOf = async (path: string) => {
    const before = cpuNs(pid);
    await (await worker.dispatchFetch(`http://localhost${path}`)).arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 5));
    return ms(cpuNs(pid) - before);
  };
  try {
    const reads = new Map<string, number>();
    for (const path of paths) {
      const entry = mainEntries[path];
      if (!entry) continue;
      const read = await cpuOf(`/v1/read?file=bodies/${entry.etag}${entry.extension}`);
      const plain = median([await cpuOf('/v1/read'), await cpuOf('/v1/read')]);
      reads.set(path, Math.max(0, read - plain));
    }
    return reads;
  } finally {
    await worker.dispose();
  }
}
/** Per URL, the median over rounds (and the worst single measurement, for the record). */
async function medianOfRounds(assets: boolean) {
  const runs: Awaited<ReturnType<typeof firstRequests>>[] = [];
  const reads: Map<string, number>[] = [];
  for (let round = 0; round < rounds; round++) {
    const run = await firstRequests(assets);
    runs.push(run);
    if (assets) reads.push(await assetReads([...run.reports, ...run.tables].map((t) => t.path)));
  }
  const merge = (pick: (run: (typeof runs)[number]) => Timed[]) =>
    pick(runs[0]!).map((first, index) => {
      const all = runs.map((run) => pick(run)[index]!);
      return {
        path: first.path,
        bytes: first.bytes,
        cpuMs: median(all.map((t) => t.cpuMs)),
        processMs: median(all.map((t) => t.processMs)),
        repeatMs: median(all.map((t) => t.repeatMs)),
        isolateMs: median(all.map((t) => t.isolateMs)),
        isolateOwnMs: median(all.map((t) => t.isolateOwnMs)),
        wallMs: median(all.map((t) => t.wallMs)),
        worstCpuMs: Math.max(...all.map((t) => t.cpuMs)),
        // The Worker's own share: the first request's extra CPU less the asset server reading the body.
        ownMs: reads.length
          ? median(all.map((t, round) => Math.max(0, t.cpuMs - (reads[round]!.get(t.path) ?? 0))))
          : median(all.map((t) => t.cpuMs)),
      };
    });
  return { reports: merge((run) => run.reports), tables: merge((run) => run.tables) };
}
const deployed = await medianOfRounds(true);
const computed = await medianOfRounds(false);

type Merged = Timed & { worstCpuMs: number; ownMs: number };
const row = (label: string, timings: Merged[]) => {
  const worst = timings.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
  const middle = (pick: (t: Merged) => number) => fixed(median(timings.map(pick)), 2);
  return (
    `| ${label} | ${timings.length} | ${middle((t) => t.cpuMs)} | ${fixed(worst.cpuMs, 2)} ` +
    `(${worst.path.split('/').pop()}) | ${fixed(Math.max(...timings.map((t) => t.worstCpuMs)), 2)} | ` +
    `${middle((t) => t.processMs)} | ${middle((t) => t.repeatMs)} | ${middle((t) => t.isolateMs)} | ` +
    `${middle((t) => t.isolateOwnMs)} | ${middle((t) => t.ownMs)} | ` +
    `${fixed(Math.max(...timings.map((t) => t.ownMs)), 2)} | ` +
    `${middle((t) => t.wallMs)} |`
  );
};
const allFirst = [...deployed.reports, ...deployed.tables];
const worstFirst = Math.max(...allFirst.map((t) => t.cpuMs));
const worstOwn = Math.max(...allFirst.map((t) => t.ownMs));
const edgeStartCpu = median(startup.edge.map((s) => s.cpuMs));
const trivialStartCpu = median(startup.trivial.map((s) => s.cpuMs));
const edgeStartWall = median(startup.edge.map((s) => s.wallMs));
const trivialStartWall = median(startup.trivial.map((s) => s.wallMs));
const now = new Date().toISOString().replace('T', ' ').slice(0, 16);
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`;

const startupCpu = edgeStartCpu - trivialStartCpu;
const sizes =
  `upload ${fixed(bundle.uploadBytes / 1024, 0)} KiB, gzip ${fixed(bundle.gzipBytes / 1024, 0)} KiB; ` +
  `${bundle.assetFiles} asset files`;
const requestsHeader =
  `| requests (first per URL; per URL the median of ${rounds} isolates) | n | CPU ms median | CPU ms max | ` +
  'worst single CPU ms | first: workerd CPU ms | repeat: workerd CPU ms | isolate busy ms (profiler) | ' +
  'isolate busy ms, not reading a body | own CPU ms median | own CPU ms max | wall ms |';
const ownStartup =
  `| difference: the Worker's own compile and top-level evaluation | ` +
  `${fixed(edgeStartWall - trivialStartWall, 0)} | ${fixed(startupCpu, 0)} |`;
const requestGoal =
  `| every first request of a report or metric ≤ 10 ms CPU (upper bound: with the asset server) | ` +
  `max ${fixed(worstFirst, 2)} ms | ${worstFirst <= 10 ? 'yes' : 'no'} |\n` +
  `| the same, the Worker's own (less the asset server reading the body) | max ${fixed(worstOwn, 2)} ms | ` +
  `${worstOwn <= 10 ? 'yes' : 'no'} |`;
const section = `## Workers (workerd)

Run by \`pnpm --filter @peel/edge bench\` (apps/edge/bench/workerd.ts) on ${now} UTC: ${machine}, load average
${loadavg()
  .map((l) => l.toFixed(2))
  .join(' ')} at the end; wrangler 4.86.0, miniflare 4.20260426.0 (workerd), \`cf: false\`. The Worker is the bundle
\`wrangler deploy --dry-run\` writes (${sizes}), run with its assets (the site and
the API's prebuilt answers) as \`pnpm deploy:cloudflare\` deploys it. Each request is the first for its URL after
startup, one at a time. **CPU ms** is the workerd process's CPU time (schedstat: time on a core) for the first
request less the median of two repeats of it right after (same bytes, same plumbing, answered from the memo): what
the first request costs the Worker, plus, for a prebuilt answer, miniflare's asset server reading the body (an upper
bound; medians over URLs in the columns after it). The isolate's busy time from V8's profiler is wall-clock based
and counts waits for a core on a loaded machine; the column after it leaves out the samples in \`arrayBuffer\`
(the Worker reading a prebuilt body from the asset server, I/O on Cloudflare). **Own CPU** is CPU ms less what the
asset server spends reading the same body for a one-line Worker (measured alone, per URL and round, in the same
way); wall is the round trip from Node.
Goals: every first request ≤ 10 ms CPU; startup ≤ 400 ms.

${requestsHeader}
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${row('force reports, from prebuilt answers', deployed.reports)}
${row('metric tables, from prebuilt answers', deployed.tables)}
${row('force reports, computed (the Worker without assets)', computed.reports)}
${row('metric tables, computed (the Worker without assets)', computed.tables)}

| startup, without assets (median of ${starts}) | wall ms | workerd CPU ms |
|---|---:|---:|
| this Worker | ${fixed(edgeStartWall, 0)} | ${fixed(edgeStartCpu, 0)} |
| a one-line Worker (workerd and miniflare alone) | ${fixed(trivialStartWall, 0)} | ${fixed(trivialStartCpu, 0)} |
${ownStartup}

| goal | measured | met |
|---|---:|:---:|
${requestGoal}
| startup ≤ 400 ms (the Worker's own, CPU) | ${fixed(startupCpu, 0)} ms | ${startupCpu <= 400 ? 'yes' : 'no'} |

The first request of an isolate also reads the artifact manifest and its shard (one asset read each), and the first
request of each metric's series reads that metric's shard. Timings vary run to run on a shared 2-core machine.
`;

const current = readFileSync(benchmarksFile, 'utf8');
const heading = '## Workers (workerd)';
const start = current.indexOf(heading);
const end = start < 0 ? -1 : current.indexOf('\n## ', start + heading.length);
const next =
  start < 0
    ? current.replace('\n## peel-data import', `\n${section}\n## peel-data import`)
    : `${current.slice(0, start)}${section}${end < 0 ? '' : current.slice(end)}`;
writeFileSync(benchmarksFile, next);
for (const dir of [trivialDir, dirname(bundle.scriptPath)]) rmSync(dir, { recursive: true, force: true });
console.log(section);
