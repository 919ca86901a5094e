/**
 * Rendering release artifacts by asking the app itself (its `fetch`, as `app.request` does) for every
 * release-stable URL, so the artifacts are whatever the app answers, whatever shape the payloads take. Each URL is
 * asked as Node asks it (compression offered: identity, gzip and brotli) and as an app without compression asks
 * it, and for its 304 on both; the bytes, ETags and headers are kept. Each body is stored once.
 */
import { strongEtag } from '../http/etag.ts';
import { ARTIFACT_FORMAT, type ArtifactEntry, type ArtifactManifest, type ArtifactShard, shardOf } from './source.ts';
import type { AppFetch, ReleaseUrl } from './urls.ts';

/** What {@link renderArtifacts} needs. */
export type RenderArtifactsOptions = {
  /** The app as Node runs it (`gzip: true, brotli`): its gzip and brotli bodies are stored as it sends them. */
  compressing: AppFetch;
  /** The app without compression. */
  identity: AppFetch;
  /** The release's id (as /healthz names it) and API_VERSION, written into the manifest. */
  release: string;
  apiVersion: string;
};

/** Every file of the artifact folder, by its path in the folder (`manifest.json`, `entries/…`, `bodies/…`). */
export type RenderedArtifacts = { manifest: ArtifactManifest; files: Map<string, Uint8Array<ArrayBuffer>> };

/** Headers that belong to one request or one body, or are stored on their own, not in a header set. */
const NOT_IN_SETS = /^(x-request-id|ratelimit-.*|etag|content-encoding|content-length|content-disposition)$/;

const EXTENSIONS: Record<string, string> = { 'application/json': '.json', 'text/csv': '.csv', 'text/html': '.html' };
const encoder = new TextEncoder();

/**
 * Renders every URL (see urls.ts) through the app; throws, naming the URL, when an answer is not a 200, its ETag
 * is not its body's, or the answers with and without compression disagree.
 * @example
 * const urls = await releaseUrls(app.fetch);
 * const { manifest, files } = await renderArtifacts(urls, { compressing, identity, release, apiVersion });
 */
export async function renderArtifacts(urls: ReleaseUrl[], options: RenderArtifactsOptions): Promise<RenderedArtifacts> {
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  const headerSets: Record<string, string>[] = [];
  const headerIndex = new Map<string, number>();
  const intern = (response: Response): number => {
    const headers = setHeaders(response);
    const key = JSON.stringify(headers);
    let index = headerIndex.get(key);
    if (index === undefined) {
      index = headerSets.push(headers) - 1;
      headerIndex.set(key, index);
    }
    return index;
  };
  const shards = new Map<string, ArtifactShard>();

  for (const { path, negotiated } of urls) {
    const fail = (message: string): never => {
      throw new Error(`release artifacts: GET ${path} ${message}`);
    };
    const ask = async (fetch: AppFetch, headers: Record<string, string> = {}) => {
      const response = await fetch(new Request(`http://localhost${path}`, { headers }));
      return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
    };
    const node = await ask(options.compressing);
    if (node.response.status !== 200) {
      fail(`answered ${node.response.status}, expected 200: ${new TextDecoder().decode(node.bytes.subarray(0, 300))}`);
    }
    const etag = node.response.headers.get('etag') ?? '';
    if (etag !== (await strongEtag(node.bytes))) fail(`sent ETag ${etag}, not the strong ETag of its body`);
    const contentType = node.response.headers.get('content-type') ?? '';
    const extension = EXTENSIONS[contentType.split(';')[0]!.trim()] ?? '.bin';
    const tag = etag.slice(1, -1);
    files.set(`bodies/${tag}${extension}`, node.bytes);

    const encoded: ArtifactEntry['encoded'] = {};
    for (const [coding, suffix] of [
      ['gzip', '.gz'],
      ['br', '.br'],
    ] as const) {
      const compressed = await ask(options.compressing, { 'Accept-Encoding': coding });
      if (compressed.response.headers.get('content-encoding') !== coding) continue;
      const codedTag = compressed.response.headers.get('etag') ?? '';
      if (codedTag !== (await strongEtag(compressed.bytes))) fail(`(${coding}) sent ETag ${codedTag}, not its body's`);
      encoded[coding] = codedTag.slice(1, -1);
      files.set(`bodies/${encoded[coding]}${extension}${suffix}`, compressed.bytes);
      if (intern(compressed.response) !== intern(node.response)) fail(`sent other headers with ${coding} than without`);
    }
    const worker = await ask(options.identity);
    if (worker.response.status !== 200 || worker.response.headers.get('etag') !== etag) {
      fail(
        `answered ${worker.response.status} with ETag ${worker.response.headers.get('etag')} without compression, ` +
          `${etag} with it: the bodies must be the same`,
      );
    }
    const notModified = [
      await ask(options.compressing, { 'If-None-Match': etag }),
      await ask(options.identity, { 'If-None-Match': etag }),
    ];
    for (const { response } of notModified) {
      if (response.status !== 304) fail(`with If-None-Match: its ETag answered ${response.status}, not 304`);
    }
    const disposition = node.response.headers.get('content-disposition');
    const shard = shardOf(path);
    if (!shards.has(shard)) shards.set(shard, {});
    shards.get(shard)![path] = {
      negotiated,
      extension,
      etag: tag,
      encoded,
      headers: [
        intern(node.response),
        intern(notModified[0]!.response),
        intern(worker.response),
        intern(notModified[1]!.response),
      ],
      ...(disposition ? { disposition } : {}),
    };
  }

  const manifest: ArtifactManifest = {
    format: ARTIFACT_FORMAT,
    release: options.release,
    apiVersion: options.apiVersion,
    headerSets,
    shards: [...shards.keys()],
  };
  for (const [key, entries] of shards) files.set(`entries/${key}.json`, encoder.encode(JSON.stringify(entries)));
  files.set('manifest.json', encoder.encode(JSON.stringify(manifest)));
  return { manifest, files };
}

/** A response's headers that go in a header set (sorted, so equal sets serialise equally). */
function setHeaders(response: Response): Record<string, string> {
  const kept: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!NOT_IN_SETS.test(name)) kept.push([name, value]);
  });
  return Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : 1)));
}
