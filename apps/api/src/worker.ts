/**
 * Cloudflare Workers entry (see wrangler.toml): the same app, serving the bundled data release; the rate limit
 * keys on Cloudflare's `CF-Connecting-IP` and request logs go to the Workers console.
 */
import { createApp } from './app.ts';
import { cloudflareClientKey } from './http/client-address.ts';

const app = createApp({
  // Keyed on CF-Connecting-IP (an IPv6 client by its /64), which Cloudflare sets and a client cannot forge.
  rateLimit: { limit: 600, windowMs: 60_000, clientKey: cloudflareClientKey },
  logger: (entry) => console.log(JSON.stringify(entry)),
});

export default app;
