/**
 * `pnpm build` for the Cloudflare deployment: assembles dist/assets/, the Worker's static assets, from
 * - the site's prerendered pages and downloads and its client assets (apps/web `build/prerendered` and
 *   `build/client`: every page is prerendered except reports regenerated for quarter ends before the latest, which
 *   only the Node server renders; these are the files PEEL_ADAPTER=static would write, without a second Vite
 *   build), minus the `.gz`/`.br` copies Cloudflare does not need (it compresses at its edge);
 * - `404.html`, the site's "Page not found" page as its Node server renders it for a path no route has (SvelteKit's
 *   `+error.svelte`), which the asset server sends with status 404 for any site path without a file
 *   (wrangler.toml `not_found_handling`; API paths keep the Worker's problem+json 404);
 * - a `_headers` file with the site's security headers (apps/web server/security-headers.js, which the Node
 *   server sends) and a year of caching for SvelteKit's content-hashed files;
 * - the API's release artifacts (apps/api dist/artifacts) under `_artifacts/`: the manifest, its shards, and the
 *   identity and brotli bodies, which the Worker reads through its ASSETS binding (a client that prefers brotli
 *   gets the prebuilt body; any other identity, which Cloudflare compresses at its edge). The gzip bodies stay
 *   out: every browser accepts brotli, and the asset count stays well under the plan's limit.
 * Fails, naming the file, when a build it needs is missing or a site file would shadow an API path.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  [join(web, 'build/handler.js'), 'pnpm --filter @peel/web build'],
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

writeFileSync(join(out, '404.html'), await notFoundPage());

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

cpSync(artifacts, join(out, '_artifacts'), { recursive: true, filter: (source) => !source.endsWith('.gz') });

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

/**
 * The site's 404 page: what its Node server (apps/web build/handler.js, SvelteKit) answers for a path no route
 * has, so the Worker's "Page not found" is the page `npm start` shows. Throws unless that answer is a 404 page.
 */
async function notFoundPage(): Promise<string> {
  type Handler = (req: unknown, res: unknown, next: () => void) => void;
  const { handler } = (await import(join(web, 'build/handler.js'))) as { handler: Handler };
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 500;
      res.end('the site handler passed the request on');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/no-such-page-${Date.now()}`);
    const html = await res.text();
    if (res.status !== 404 || !res.headers.get('content-type')?.startsWith('text/html') || !html.includes('<html')) {
      throw new Error(
        `assemble: the site answered ${res.status} ${res.headers.get('content-type')} for an unknown path`,
      );
    }
    return html;
  } finally {
    server.close();
  }
}
