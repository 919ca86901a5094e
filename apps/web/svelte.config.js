import { copyFileSync, renameSync, writeFileSync } from 'node:fs';
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
      await base.adapt(builder);
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

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: isStatic ? staticWithHeadersFile() : nodeWithSecurityHeaders(),
    // A fixed version name: if turbo runs a vitest (which re-syncs .svelte-kit) beside the build, the HTML
    // and the JavaScript still agree (TOOLCHAIN.md). Asset file names stay content-hashed.
    version: { name: 'peel-web' },
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
        'style-src': ['self'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
  },
};

export default config;
