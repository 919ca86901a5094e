#!/usr/bin/env node
// Writes every enumerable API answer (bodies, status, content type, ETag) and every prerendered page to a folder,
// so a refactoring can be checked byte for byte: build, snapshot to A, change, build, snapshot to B, `diff -r A B`.
// Usage: node scripts/dev/snapshot-outputs.mjs <out-dir>   (after `pnpm build`)
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = resolve(process.argv[2] ?? '');
if (!process.argv[2]) {
  console.error('usage: node scripts/dev/snapshot-outputs.mjs <out-dir>');
  process.exit(2);
}
const { createApp } = await import(join(root, 'apps/api/dist/app.js'));
const app = createApp();
await rm(out, { recursive: true, force: true });
await mkdir(join(out, 'api'), { recursive: true });

const json = async (path) => (await app.request(path)).json();
const forces = (await json('/v1/forces')).forces.map((force) => force.slug);
const metrics = (await json('/v1/metrics')).metrics.map((metric) => metric.id);
const urls = ['/healthz', '/openapi.json', '/v1/forces', '/v1/forces.csv', '/v1/metrics', '/v1/metrics.csv'];
for (const force of forces) {
  urls.push(`/v1/forces/${force}`, `/v1/reports/peel-2016-effectiveness/${force}`);
  urls.push(`/v1/reports/peel-2016-effectiveness/${force}.csv`);
}
for (const metric of metrics) {
  urls.push(`/v1/metrics/${metric}`, `/v1/metrics/${metric}.csv`);
  for (const force of ['durham', 'city-of-london', 'dyfed-powys']) urls.push(`/v1/metrics/${metric}/series/${force}`);
}
urls.push('/v1/compare?metric=crime_rate_total_excl_fraud&forces=durham,cleveland');
let written = 0;
for (const url of urls) {
  const response = await app.request(url);
  const head = [response.status, response.headers.get('content-type'), response.headers.get('etag')].join('\n');
  const name = url.replace(/^\//, '').replace(/[/?&=,]/g, '_') || 'index';
  await writeFile(join(out, 'api', name), `${head}\n\n${await response.text()}`);
  written += 1;
}
await cp(join(root, 'apps/web/build/prerendered'), join(out, 'web'), { recursive: true });
console.log(`${written} API answers and the prerendered site written to ${out}`);
