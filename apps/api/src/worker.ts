/**
 * Cloudflare Workers entry (deployed with the site by apps/edge/wrangler.toml): the same app, serving the bundled
 * data release. Answers the build rendered (dist/artifacts/, uploaded as static assets under /_artifacts/) are
 * read through the ASSETS binding, so an isolate's first request for them is a lookup; without that binding
 * every answer is computed. The rate limit keys on Cloudflare's `CF-Connecting-IP`; request logs go to the
 * Workers console.
 */
import { createApp } from './app.ts';
import { assetArtifacts } from './artifacts/assets.ts';
import { cloudflareClientKey } from './http/client-address.ts';

const app = createApp({
  // Keyed on CF-Connecting-IP (an IPv6 client by its /64), which Cloudflare sets and a client cannot forge.
  rateLimit: { limit: 600, windowMs: 60_000, clientKey: cloudflareClientKey },
  logger: (entry) => console.log(JSON.stringify(entry)),
  artifacts: assetArtifacts({ binding: 'ASSETS', prefix: '/_artifacts/' }),
});

export default app;
