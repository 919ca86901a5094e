import { copyFileSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import adapterNode from '@sveltejs/adapter-node';
import adapterStatic from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * PEEL_ADAPTER=static builds a fully static site into build-static/ (every route is prerendered, so it
 * works on any file host). Anything else builds the Node server into build/ (`node build/index.js`).
 */
const isStatic = process.env.PEEL_ADAPTER === 'static';

/**
 * Writes a .gz beside every text file. Replaces the builder's gzip + brotli-at-maximum-quality compression,
 * which took minutes for the ~900 prerendered pages and downloads on 2 cores; gzip alone takes seconds.
 * @param {string} directory
 */
async function gzipDirectory(directory) {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) await gzipDirectory(path);
    else if (/\.(html|js|mjs|json|css|svg|xml|txt|csv)$/.test(name))
      writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
  }
}

/**
 * adapter-node, whose entry point is replaced by server/index.js so that every response (prerendered
 * pages and assets included, which adapter-node serves before any SvelteKit hook runs) carries the
 * same security headers as the API.
 */
function nodeWithSecurityHeaders() {
  const base = adapterNode({ out: 'build', precompress: true });
  return {
    ...base,
    name: 'adapter-node (peel security headers)',
    async adapt(builder) {
      await base.adapt(Object.assign(Object.create(builder), { compress: gzipDirectory }));
      renameSync('build/index.js', 'build/adapter-node-index.js');
      for (const file of ['index.js', 'security-headers.js']) {
        copyFileSync(fileURLToPath(new URL(`./server/${file}`, import.meta.url)), `build/${file}`);
      }
    },
  };
}

/**
 * adapter-static, plus a `_headers` file (the format Netlify and Cloudflare Pages read) carrying the same
 * security headers, since a static host cannot run server/index.js.
 */
function staticWithHeadersFile() {
  const base = adapterStatic({ pages: 'build-static', assets: 'build-static', strict: true, precompress: false });
  return {
    ...base,
    name: 'adapter-static (peel _headers)',
    async adapt(builder) {
      await base.adapt(builder);
      const { SECURITY_HEADERS } = await import('./server/security-headers.js');
      const lines = ['/*', ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`), ''];
      writeFileSync('build-static/_headers', lines.join('\n'));
    },
  };
}

/**
 * SvelteKit's client router adds a visually hidden live region (the route announcer) with a style
 * attribute. On pages that ship JavaScript, CSP would block that style; allow exactly that one attribute
 * by hash ('unsafe-hashes' + its sha256) rather than 'unsafe-inline'. The hash is read from the installed
 * Kit so an upgrade that changes the style cannot silently break it.
 */
function announcerStyleHash() {
  const source = readFileSync(
    fileURLToPath(new URL('./node_modules/@sveltejs/kit/src/core/sync/write_root.js', import.meta.url)),
    'utf8',
  );
  const style = /id="svelte-announcer"[^>]*\sstyle="([^"]+)"/.exec(source)?.[1];
  if (!style)
    throw new Error(
      'svelte.config.js: could not find the style of #svelte-announcer in @sveltejs/kit write_root.js; update ' +
        'announcerStyleHash()',
    );
  return `sha256-${createHash('sha256').update(style).digest('base64')}`;
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: isStatic ? staticWithHeadersFile() : nodeWithSecurityHeaders(),
    // A fixed version name: if turbo runs a vitest (which re-syncs .svelte-kit) beside the build, the HTML
    // and the JavaScript still agree (TOOLCHAIN.md). Asset file names stay content-hashed.
    version: { name: 'peel-web' },
    // Inline the (small) stylesheet: one render-blocking request fewer. Kit hashes it into the CSP.
    inlineStyleThreshold: 20_000,
    prerender: {
      // A broken internal link or a missing #id fails the build rather than shipping a 404.
      handleHttpError: 'fail',
      handleMissingId: 'fail',
      handleUnseenRoutes: 'fail',
      entries: ['*'],
    },
    // Hashes, never 'unsafe-inline'. Prerendered pages carry this as a <meta> tag; server/index.js adds
    // the directives a <meta> tag cannot carry (frame-ancestors) as a header.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-hashes', /** @type {`sha256-${string}`} */ (announcerStyleHash())],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        // Only in the header SvelteKit sends for server-rendered responses (a <meta> CSP cannot carry it).
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
