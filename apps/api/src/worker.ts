/**
 * Cloudflare Workers entry (see wrangler.toml): the same app, serving the bundled data release; the rate limit
 * keys on Cloudflare's `CF-Connecting-IP` and request logs go to the Workers console.
 */
import { createApp } from './app.ts';

const app = createApp({
  rateLimit: { limit: 600, windowMs: 60_000 },
  logger: (entry) => console.log(JSON.stringify(entry)),
});

export default app;
