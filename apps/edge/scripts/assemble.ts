/**
 * `pnpm build` for the Cloudflare deployment: assembles dist/assets/, the Worker's static assets, from
 * - the site's prerendered pages and downloads and its client assets (apps/web `build/prerendered` and
 *   `build/client`: every route is prerendered, so these are the files PEEL_ADAPTER=static would write, without
 *   a second Vite build), minus the `.gz`/`.br` copies Cloudflare does not need (it compresses at its edge);
 * - a `_headers` file with the site's security headers (apps/web server/security-headers.js, which the Node
 *   server sends) and a year of caching for SvelteKit's content-hashed files;
 * - the API's release artifacts (apps/api dist/artifacts) under `_artifacts/`: the manifest, its shards and the
 *   identity bodies, which the Worker reads through its ASSETS binding (the Worker sends identity; Cloudflare
 *   compresses for the client).
 * Fails, naming the file, when a build it needs is missing or a site file would shadow an API path.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const web = here('../../web/');
const artifacts = here('../../api/dist/artifacts/');
const out = here('../dist/assets/');

/** Paths the Worker answers (see wrangler.toml `run_worker_first`); no site file may sit there. */
const WORKER_PATHS = ['v1', 'openapi.json', 'docs', 'healthz', '_artifacts', '_headers', '_redirects'];
const COMPRESSED_COPY = /\.(gz|br)$/;

for (const [path, hint] of [
  [join(web, 'build/prerendered'), 'pnpm --filter @peel/web build'],
  [join(web, 'build/client'), 'pnpm --filter @peel/web build'],
  [join(artifacts, 'manifest.json'), 'pnpm --filter @peel/api build'],
] as const) {
  if (!existsSync(path)) throw new Error(`assemble: ${path} is missing; run \`${hint}\` first (pnpm build does both)`);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const part of ['build/client', 'build/prerendered']) {
  const from = join(web, part);
  for (const name of readdirSync(from)) {
    if (WORKER_PATHS.includes(name.replace(/\.html$/, ''))) {
      throw new Error(`assemble: ${join(from, name)} would shadow the API's /${name}; rename the site route`);
    }
  }
  cpSync(from, out, { recursive: true, filter: (source) => !COMPRESSED_COPY.test(source) });
}

const { SECURITY_HEADERS } = (await import(join(web, 'server/security-headers.js'))) as {
  SECURITY_HEADERS: Record<string, string>;
};
writeFileSync(
  join(out, '_headers'),
  [
    '/*',
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
    // Content-hashed file names: a new build gets new names, so these never change.
    '/_app/immutable/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ].join('\n'),
);

cpSync(artifacts, join(out, '_artifacts'), { recursive: true, filter: (source) => !COMPRESSED_COPY.test(source) });

let files = 0;
let bytes = 0;
const count = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) count(path);
    else [files, bytes] = [files + 1, bytes + stat.size];
  }
};
count(out);
console.log(`edge assets: ${files} files, ${(bytes / 1e6).toFixed(1)} MB in ${relative(process.cwd(), out) || '.'}`);
