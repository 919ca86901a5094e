/**
 * Serving release artifacts: answers rendered once at build time (scripts/build-artifacts.ts) for every URL that
 * depends only on the data release (see urls.ts). The app asks a source for the answer to a GET it has not seen;
 * the source finds the URL in the artifact folder, reads the body (a file on Node, a static asset on Workers) and
 * hands back the same repeatable answer the memo would have built after computing it: same bytes, same ETag,
 * same headers. Web standards only; where the files live is the store's business.
 */
import type { RepeatableAnswer } from '../http/memo.ts';
import {
  CODINGS,
  type Coding,
  preferredCoding,
  representationOf,
  urlPath,
  urlPathAndQuery,
} from '../http/negotiate.ts';

/** The manifest format this code reads; the build writes it into `manifest.json`. */
export const ARTIFACT_FORMAT = 'peel-api-artifacts/1';

/** Content codings an artifact can be stored in, the preferred first. */
export const ARTIFACT_ENCODINGS = CODINGS;
/** A content coding an artifact can be stored in. */
export type ArtifactEncoding = Coding;

/**
 * One URL's answer. Bodies are stored once per strong ETag, as `bodies/<tag><extension>` (plus `.gz` or `.br`);
 * tags are kept here without their quotes. `headers` index the manifest's `headerSets` (the 200's and the 304's
 * headers without ETag, Content-Encoding, Content-Disposition or per-request headers): first as sent where the app
 * offers compression (`Vary: Accept-Encoding`), then where it offers none.
 */
export type ArtifactEntry = {
  /** A table endpoint: `Accept: text/csv` on the bare path gets the `.csv` twin's answer. */
  negotiated: boolean;
  extension: string;
  etag: string;
  encoded: Partial<Record<ArtifactEncoding, string>>;
  headers: [compressingOk: number, compressingNotModified: number, identityOk: number, identityNotModified: number];
  /** The Content-Disposition header, when the answer has one (CSV downloads). */
  disposition?: string;
};

/**
 * The artifact folder's `manifest.json`. Entries sit in shards (`entries/<shard>.json`, see {@link shardOf}) so
 * that a Worker isolate parses only the small part a request needs.
 */
export type ArtifactManifest = {
  format: typeof ARTIFACT_FORMAT;
  /** The id of the data release the answers were rendered from, as /healthz names it (`peel-data 1.2.3`). */
  release: string;
  /** The API contract version (app.ts API_VERSION). */
  apiVersion: string;
  headerSets: Record<string, string>[];
  shards: string[];
};

/** One `entries/<shard>.json`: entries by URL path (CSV twins under their `.csv` path). */
export type ArtifactShard = Record<string, ArtifactEntry>;

/**
 * The shard a URL path's entry sits in: one per metric for the series (the bulk of the URLs), one for the rest.
 * @example shardOf('/v1/metrics/crime_rate_total_excl_fraud/series/durham.csv') // 'series-crime_rate_total_excl_fraud'
 * @example shardOf('/v1/forces/durham') // 'main'
 */
export function shardOf(path: string): string {
  const series = /^\/v1\/metrics\/([a-z0-9_]+)\/series\//.exec(path);
  return series ? `series-${series[1]}` : 'main';
}

/** What the app tells a source about itself. */
export type ArtifactProfile = {
  /**
   * The codings the app negotiates (its memo's, the preferred first): a request gets the one its Accept-Encoding
   * prefers among them, as the computing path and the memo's repeat key choose; empty: identity only.
   */
  codings: readonly Coding[];
  /** The id of the release the app serves (as /healthz names it); artifacts of another release are never used. */
  release: string;
  /** The app's API_VERSION; artifacts of another contract are never used. */
  apiVersion: string;
};

/** Where an app finds prebuilt answers (see {@link createArtifactSource}). */
export type ArtifactSource = {
  /** The stored codings this source sends (those its store holds bodies for), the preferred first. */
  codings: readonly Coding[];
  /**
   * The prebuilt answer to a GET, or undefined (synchronously) once it is known that the artifacts do not cover
   * the request. The promise resolves to undefined when they do not, or when a file cannot be read.
   */
  answerFor(
    request: Request,
    env: unknown,
    profile: ArtifactProfile,
  ): Promise<RepeatableAnswer | undefined> | undefined;
};

/** How a source reads the artifact folder. */
export type ArtifactStore = {
  /**
   * A file of the artifact folder by its path in it (`manifest.json`, `entries/main.json`, `bodies/…`); rejects
   * when it cannot be read. No `manifest.json` means no artifacts: every request computes.
   */
  read: (file: string, env: unknown) => Promise<Uint8Array<ArrayBuffer>>;
  /** Told when the artifacts are refused or a file cannot be read (the app keeps answering by computing). */
  onProblem?: (message: string) => void;
  /**
   * The compressed bodies the store holds (`.br`, `.gz`), by coding; default both. A Worker's assets hold the
   * brotli ones only (see apps/edge).
   */
  codings?: readonly Coding[];
};

type Shard = Map<string, ArtifactEntry>;
type Loaded = { headerSets: Readonly<Record<string, string>>[]; shards: Map<string, Shard | Promise<Shard>> };

const decoder = new TextDecoder();

/**
 * A source over an artifact folder. The manifest is read on the first request, each shard on the first request
 * that needs it, each body when its URL is first asked for (the app's memo keeps the answer after that).
 * @example
 * const source = createArtifactSource({ read: async (file) => new Uint8Array(await readFile(new URL(file, folder))) });
 * createApp({ artifacts: source });
 */
export function createArtifactSource(store: ArtifactStore): ArtifactSource {
  let loaded: Loaded | null | undefined;
  let loading: Promise<Loaded | null> | undefined;
  const problem = store.onProblem ?? ((message: string) => console.warn(message));
  const codings = Object.freeze(CODINGS.filter((coding) => (store.codings ?? CODINGS).includes(coding)));
  const readJson = async <T>(file: string, env: unknown) =>
    JSON.parse(decoder.decode(await store.read(file, env))) as T;

  const load = async (env: unknown, profile: ArtifactProfile): Promise<Loaded | null> => {
    let manifest: ArtifactManifest;
    try {
      manifest = await readJson<ArtifactManifest>('manifest.json', env);
    } catch {
      return null; // no artifacts here
    }
    const refusal = refuse(manifest, profile);
    if (refusal) {
      problem(`release artifacts not used: ${refusal}; every answer is computed`);
      return null;
    }
    const shards = new Map<string, Shard | Promise<Shard>>();
    // An empty map stands for a shard not read yet (a written shard is never empty).
    for (const shard of manifest.shards) shards.set(shard, new Map());
    return { headerSets: manifest.headerSets.map((set) => Object.freeze({ ...set })), shards };
  };

  const shardFor = (found: Loaded, path: string, env: unknown): Shard | Promise<Shard> | undefined => {
    const key = shardOf(path);
    const shard = found.shards.get(key);
    if (!shard || shard instanceof Promise || shard.size > 0) return shard;
    const reading = readJson<ArtifactShard>(`entries/${key}.json`, env).then(
      (entries) => {
        const ready: Shard = new Map(Object.entries(entries));
        found.shards.set(key, ready);
        return ready;
      },
      (error: unknown) => {
        problem(`release artifacts: entries/${key}.json could not be read (${String(error)}); computing its URLs`);
        found.shards.delete(key);
        return new Map() as Shard;
      },
    );
    found.shards.set(key, reading);
    return reading;
  };

  const answer = async (
    found: Loaded,
    entry: ArtifactEntry,
    request: Request,
    env: unknown,
    profile: ArtifactProfile,
  ): Promise<RepeatableAnswer | undefined> => {
    const coding = codingFor(request.headers.get('accept-encoding'), entry.encoded, profile, codings);
    const tag = coding ? entry.encoded[coding]! : entry.etag;
    const file = `bodies/${tag}${entry.extension}${coding === 'gzip' ? '.gz' : coding === 'br' ? '.br' : ''}`;
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await store.read(file, env);
    } catch (error) {
      problem(`release artifacts: ${file} could not be read (${String(error)}); computing ${urlPath(request.url)}`);
      return undefined;
    }
    const etag = `"${tag}"`;
    const [ok, notModified] = profile.codings.length > 0 ? entry.headers : entry.headers.slice(2);
    const okHeaders: Record<string, string> = { ...found.headerSets[ok!], etag };
    const notModifiedHeaders: Record<string, string> = { ...found.headerSets[notModified!], etag };
    if (entry.disposition) {
      okHeaders['content-disposition'] = entry.disposition;
      notModifiedHeaders['content-disposition'] = entry.disposition;
    }
    if (coding) okHeaders['content-encoding'] = coding;
    return {
      rendered: {
        body,
        etag,
        contentType: okHeaders['content-type'] ?? '',
        ...(coding ? { encoding: coding } : {}),
      },
      ok: Object.freeze(okHeaders),
      notModified: Object.freeze(notModifiedHeaders),
    };
  };

  const lookup = (found: Loaded, request: Request, env: unknown, profile: ArtifactProfile) => {
    // The key is the path with its query: a release URL with a query (`?view=full`) is an entry of its own.
    const path = urlPathAndQuery(request.url);
    const shard = shardFor(found, path, env);
    if (!shard) return undefined;
    if (shard instanceof Promise) {
      return shard.then((ready) => {
        const entry = entryFor(ready, request, path);
        return entry && answer(found, entry, request, env, profile);
      });
    }
    const entry = entryFor(shard, request, path);
    return entry && answer(found, entry, request, env, profile);
  };

  return {
    codings,
    answerFor(request, env, profile) {
      // A URL the release enumerates (its path, or path and query exactly as listed) is answered from the artifacts;
      // any other is not found in them, so it is validated and computed by the routes.
      if (loaded === null) return undefined;
      if (loaded) return lookup(loaded, request, env, profile);
      loading ??= load(env, profile);
      return loading.then((found) => {
        loaded = found;
        return found ? lookup(found, request, env, profile) : undefined;
      });
    },
  };
}

/** Why a manifest cannot be used by this app, or undefined when it can. */
function refuse(manifest: ArtifactManifest, profile: ArtifactProfile): string | undefined {
  if (manifest.format !== ARTIFACT_FORMAT)
    return `format ${JSON.stringify(manifest.format)}, expected ${ARTIFACT_FORMAT}`;
  if (manifest.release !== profile.release)
    return `rendered from data release ${manifest.release}, serving ${profile.release}`;
  if (manifest.apiVersion !== profile.apiVersion)
    return `rendered for API ${manifest.apiVersion}, serving ${profile.apiVersion}`;
  return undefined;
}

/** The entry answering a request: by path, and for a table endpoint by `Accept` too (as the routes choose). */
function entryFor(shard: Shard, request: Request, path: string): ArtifactEntry | undefined {
  const entry = shard.get(path);
  if (!entry?.negotiated || path.endsWith('.csv')) return entry;
  const accept = request.headers.get('accept') ?? undefined;
  return representationOf(request.url, accept) === 'csv' ? shard.get(`${path}.csv`) : entry;
}

/**
 * The stored coding to send: the one the request negotiates among the app's codings (as the computing path and the
 * memo choose), when the entry has a body in it and the store holds those bodies; else none (identity, as the
 * computing path sends a body too small to compress).
 * @example codingFor('gzip, deflate, br', { gzip: 'tag1', br: 'tag2' }, { codings: ['br', 'gzip'] }) // 'br'
 * @example codingFor('gzip, deflate, br', { gzip: 'tag1', br: 'tag2' }, { codings: [] }) // undefined
 */
export function codingFor(
  header: string | null | undefined,
  stored: Partial<Record<ArtifactEncoding, string>>,
  { codings }: Pick<ArtifactProfile, 'codings'>,
  held: readonly Coding[] = CODINGS,
): ArtifactEncoding | undefined {
  const wanted = preferredCoding(header, codings);
  return wanted && stored[wanted] && held.includes(wanted) ? wanted : undefined;
}
