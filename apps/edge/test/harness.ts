/**
 * Runs the deployment as Cloudflare would: `wrangler deploy --dry-run --outdir` bundles the Worker exactly as a
 * deploy uploads it (and prints the upload size); miniflare then runs that bundle in workerd with the assets,
 * routing and `_headers` rules of wrangler.toml. Used by the tests and the workerd benchmark.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

export const edgeDir = fileURLToPath(new URL('..', import.meta.url));
export const assetsDir = join(edgeDir, 'dist/assets');

/** What a dry run uploads: the bundled Worker and its sizes in bytes. */
export type DryRun = { scriptPath: string; uploadBytes: number; gzipBytes: number; assetFiles: number; output: string };

/**
 * Bundles the Worker as `wrangler deploy` does, without uploading; throws with wrangler's output if it fails.
 * @example const { gzipBytes } = dryRun(); // gzipBytes <= 3_000_000
 */
export function dryRun(): DryRun {
  const outdir = mkdtempSync(join(tmpdir(), 'peel-edge-'));
  const result = spawnSync('pnpm', ['exec', 'wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: edgeDir,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', CI: 'true' },
    timeout: 180_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const size = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output);
  const files = /Read (\d+) files from the assets directory/.exec(output);
  if (result.status !== 0 || !size) throw new Error(`wrangler deploy --dry-run failed (${result.status}):\n${output}`);
  return {
    scriptPath: join(outdir, 'worker.js'),
    uploadBytes: Math.round(Number(size[1]) * 1024),
    gzipBytes: Math.round(Number(size[2]) * 1024),
    assetFiles: Number(files?.[1] ?? 0),
    output,
  };
}

/**
 * The `_headers` file in the form workerd's asset server takes (wrangler parses it the same way when it deploys).
 * @example
 * headersConfig('/*\n  X-Frame-Options: DENY\n')
 * // { version: 2, rules: { '/*': { set: { 'X-Frame-Options': 'DENY' } } } }
 */
export function headersConfig(text: string) {
  const rules: Record<string, { set: Record<string, string> }> = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules[line.trim()] = { set: (current = {}) };
    else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return { version: 2 as const, rules };
}

/**
 * Starts the bundled Worker in workerd: with the site and artifacts as its assets (as deployed), or without
 * assets (`assets: false`: the API alone, computing every answer, as the comparison baseline).
 * @example const edge = await startEdge(dryRun().scriptPath); await edge.dispatchFetch('http://localhost/');
 */
export async function startEdge(
  scriptPath: string,
  { assets = true, inspect = false }: { assets?: boolean; inspect?: boolean } = {},
): Promise<Miniflare> {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(edgeDir, 'wrangler.toml'));
  const { assets: assetOptions, compatibilityDate, compatibilityFlags } = workerOptions;
  const miniflare = new Miniflare({
    modules: true,
    scriptPath,
    modulesRoot: dirname(scriptPath),
    compatibilityDate,
    compatibilityFlags,
    cf: false,
    // The benchmark profiles the Worker's isolate through workerd's inspector (any free port).
    ...(inspect ? { inspectorPort: 0 } : {}),
    // The Worker logs a JSON line per request; keep stderr for failures, drop the rest.
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      stdout.resume();
      stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    },
    ...(assets && assetOptions
      ? {
          assets: {
            ...assetOptions,
            assetConfig: {
              ...assetOptions.assetConfig,
              headers: headersConfig(readFileSync(join(assetsDir, '_headers'), 'utf8')),
            },
          },
        }
      : {}),
  });
  await miniflare.ready;
  return miniflare;
}
