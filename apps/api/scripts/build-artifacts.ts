/**
 * The release build (`pnpm build` runs it after tsdown): renders every API answer that depends only on the data
 * release into dist/artifacts/ (manifest.json, entries/, and bodies/ with each body once, identity, gzip and
 * brotli) by asking the built app (dist/app.js) itself, so the artifacts are exactly what the app answers.
 * dist/node.js serves them; apps/edge uploads them as the Worker's static assets.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { renderArtifacts } from '../src/artifacts/render.ts';
import { nodeBrotli } from '../src/http/brotli-node.ts';
import { releaseUrls } from '../src/artifacts/urls.ts';

const started = performance.now();
const out = new URL('../dist/artifacts/', import.meta.url);
// The built app, as node.ts and the Worker run it (typed by the sources it was built from).
const built = (await import(new URL('../dist/app.js', import.meta.url).href)) as typeof import('../src/app.ts');
// Compressing as node.ts does (the same brotli), so the stored bodies are the ones Node would compute.
const compressing = built.createApp({ gzip: true, brotli: nodeBrotli, memoEntries: 100 });
const identity = built.createApp({ memoEntries: 100 });
const health = (await (await identity.request('/healthz')).json()) as { release: { id: string } };

const urls = await releaseUrls((request) => identity.fetch(request));
const { files } = await renderArtifacts(urls, {
  compressing: (request) => compressing.fetch(request),
  identity: (request) => identity.fetch(request),
  release: health.release.id,
  apiVersion: built.API_VERSION,
});

rmSync(out, { recursive: true, force: true });
mkdirSync(new URL('bodies/', out), { recursive: true });
mkdirSync(new URL('entries/', out), { recursive: true });
let bytes = 0;
for (const [file, body] of files) {
  writeFileSync(new URL(file, out), body);
  bytes += body.byteLength;
}
console.log(
  `release artifacts: ${urls.length} URLs, ${files.size} files (${(bytes / 1e6).toFixed(1)} MB) in dist/artifacts/ ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
