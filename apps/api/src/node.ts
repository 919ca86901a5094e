/**
 * Node entry: `node dist/node.js`. Serves the bundled data release, or the folder in PEEL_DATA_DIR laid over
 * it (refusing to start, with the reason, when that folder is not a valid release). Settings: see config.ts.
 */
import { serve } from '@hono/node-server';
import { bundledRelease } from 'peel-data';
import { loadRelease } from 'peel-data/node';
import { createApp } from './app.ts';
import { nodeArtifacts } from './artifacts/node.ts';
import { readServerConfig } from './config.ts';
import { socketClientKey } from './http/client-address.ts';
import { nodeBrotli } from './http/brotli-node.ts';
import { hardenedServer } from './http/node-server.ts';
import { overlayRelease } from './lib/release.ts';

try {
  const config = readServerConfig(process.env);
  const release = config.dataDir
    ? overlayRelease(bundledRelease, await loadRelease(config.dataDir), config.dataDir)
    : undefined;
  const app = createApp({
    // Brotli where the client prefers it, else gzip; the artifacts hold both, made the same way.
    gzip: true,
    brotli: nodeBrotli,
    // Answers the build rendered for the bundled release (dist/artifacts/), never for a PEEL_DATA_DIR release.
    artifacts: release ? undefined : nodeArtifacts(new URL('./artifacts/', import.meta.url)),
    ...(release ? { release, releaseSource: { id: release.version, source: 'directory' as const } } : {}),
    rateLimit: config.rateLimit && {
      ...config.rateLimit,
      // The socket's peer (IPv6 by /64); X-Forwarded-For only when that peer is in TRUSTED_PROXIES.
      clientKey: socketClientKey(config.trustedProxies),
    },
    ...(config.logRequests ? { logger: (entry) => void process.stdout.write(`${JSON.stringify(entry)}\n`) } : {}),
  });
  // hardenedServer: a 16 KiB header limit and problem+json for what Node's parser refuses (http/node-server.ts).
  const options = { fetch: app.fetch, port: config.port, hostname: config.host };
  const server = serve({ ...options, ...hardenedServer(app.fetch, { hostname: config.host }) }, (info) => {
    console.log(
      `peel API listening on http://${info.address === '0.0.0.0' ? 'localhost' : info.address}:${info.port} (data: ` +
        `${config.dataDir ?? 'bundled release'})`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`peel API refused to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
