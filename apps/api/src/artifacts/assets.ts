/**
 * Release artifacts on Cloudflare Workers: the artifact folder uploaded among the static assets under a prefix
 * (`/_artifacts/` by default; see apps/edge) and read through the Worker's assets binding: the manifest and a
 * shard once per isolate, a body when its URL is first asked for. The assets hold the identity and brotli bodies
 * (apps/edge leaves the gzip ones out): a client that prefers brotli gets the prebuilt one, with the ETag Node sends
 * for it; any other gets identity, which Cloudflare's edge compresses as it does every Worker response. Without the
 * binding (a Worker deployed without assets) or without a manifest among the assets, the app computes every answer.
 */
import { type ArtifactSource, createArtifactSource } from './source.ts';

/** The part of Workers' `Fetcher` the source uses. */
type AssetsBinding = { fetch: (request: Request) => Promise<Response> };

/** Options of {@link assetArtifacts}. */
export type AssetArtifactsOptions = {
  /** The assets binding's name in the Worker's env. */
  binding?: string;
  /** Where the artifact folder sits among the assets. */
  prefix?: string;
};

/**
 * The artifact source of a Worker with static assets.
 * @example createApp({ artifacts: assetArtifacts({ binding: 'ASSETS', prefix: '/_artifacts/' }) })
 */
export function assetArtifacts({
  binding = 'ASSETS',
  prefix = '/_artifacts/',
}: AssetArtifactsOptions = {}): ArtifactSource {
  return createArtifactSource({
    codings: ['br'],
    read: async (file, env) => {
      const assets = (env as Record<string, AssetsBinding | undefined> | undefined)?.[binding];
      if (typeof assets?.fetch !== 'function') throw new Error(`no ${binding} binding`);
      // The host is never contacted: the binding serves the Worker's own assets by path.
      const response = await assets.fetch(new Request(`https://assets.invalid${prefix}${file}`));
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`asset ${prefix}${file} answered ${response.status}`);
      }
      return new Uint8Array(await response.arrayBuffer());
    },
  });
}
