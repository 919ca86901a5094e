/**
 * The PEEL 2016 effectiveness API as a Hono app, built by createApp with no runtime-specific imports: the Node
 * entry (node.ts) and the Workers entry (worker.ts) only choose the data release, the rate limit and the logger.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { bundledRelease, type PeelRelease } from 'peel-data';
import { METRIC_REGISTRY, type MetricRegistry } from 'peel-metrics';
import type { ArtifactSource } from './artifacts/source.ts';
import { type OpenApiLike, renderDocs, withCsvVariants, withParameterEnums } from './docs.ts';
import type { AppEnv } from './http/context.ts';
import { type Compressor, RenderMemo, type Rendered, renderBody } from './http/memo.ts';
import { createEdge, type RateLimitConfig, type RequestLogger } from './http/middleware.ts';
import { routingPath } from './http/negotiate.ts';
import { ProblemError, problemResponse } from './http/problem.ts';
import { sendMemo, sendRendered } from './http/send.ts';
import { validationHook } from './http/validation.ts';
import { forcesRoutes } from './routes/forces.ts';
import { metaRoutes } from './routes/meta.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { periodReportsRoutes } from './routes/period-reports.ts';
import { reportTextRoutes } from './routes/report-text.ts';
import { reportsRoutes } from './routes/reports.ts';

/** Options for {@link createApp}. */
export type AppOptions = {
  /** The data to serve: peel-data's bundled release unless given (node.ts passes PEEL_DATA_DIR's). */
  release?: PeelRelease;
  /** The metrics to serve: peel-metrics' built-in registry unless given. */
  registry?: MetricRegistry;
  /** How /healthz names the release. */
  releaseSource?: { id: string; source: 'bundled' | 'directory' };
  /** Per-client rate limit; off when omitted or `false`. */
  rateLimit?: RateLimitConfig | false;
  /** Receives one entry per request (JSON lines on Node); silent when omitted. */
  logger?: RequestLogger;
  /** Where unexpected errors are reported (never to the client). Defaults to console.error. */
  onUnexpectedError?: (error: unknown, requestId: string | undefined) => void;
  /** How many rendered representations to keep (LRU). */
  memoEntries?: number;
  /** Offer gzip to clients that accept it (Node; Workers compress at the edge, so the worker leaves it off). */
  gzip?: boolean;
  /**
   * Offer brotli to clients that prefer it, compressing with this function (Node: node:zlib's, brotli-node.ts;
   * Workers have none, and send the prebuilt brotli bodies of the artifacts only).
   */
  brotli?: Compressor;
  /**
   * Answers rendered at build time for the bundled release (see artifacts/): a GET the app has not answered yet
   * is looked up there before it is computed. Never for another release: createApp refuses the combination.
   */
  artifacts?: ArtifactSource;
};

/**
 * The API's title and version in /openapi.json (the version is the API contract's, not the data release's).
 * @example API_VERSION // '1.0.0'
 */
export const API_TITLE = 'PEEL police effectiveness API';
export const API_VERSION = '1.0.0';

const NOT_FOUND_HINT = 'Start at /v1/forces, /v1/metrics or /docs.';

/**
 * Builds the API.
 * @example
 * const app = createApp();
 * const res = await app.request('/v1/forces/durham');
 * res.status // 200
 */
export function createApp(options: AppOptions = {}) {
  const memo = new RenderMemo(options.memoEntries ?? 2_000, {
    gzip: options.gzip ?? false,
    brotli: options.brotli,
    prebuilt: options.artifacts?.codings,
  });
  const reportUnexpected =
    options.onUnexpectedError ?? ((error, requestId) => console.error(`[${requestId ?? '-'}] unexpected error`, error));
  const release = options.release ?? bundledRelease;
  const releaseSource = options.releaseSource ?? { id: `peel-data ${release.version}`, source: 'bundled' as const };
  const deps = { release, memo, registry: options.registry ?? METRIC_REGISTRY };
  if (options.artifacts && release !== bundledRelease) {
    throw new Error(
      'createApp: `artifacts` hold answers for the bundled release and cannot serve another; omit `artifacts` ' +
        'when passing `release` (node.ts does so for PEEL_DATA_DIR)',
    );
  }
  if (options.artifacts && deps.registry !== METRIC_REGISTRY) {
    throw new Error(
      'createApp: `artifacts` hold answers for the built-in metric registry and cannot serve another; omit ' +
        '`artifacts` when passing `registry`',
    );
  }

  const app = new OpenAPIHono<AppEnv>({ getPath: routingPath, defaultHook: validationHook });
  const edge = createEdge({ logger: options.logger, rateLimit: options.rateLimit, memo });
  app.use('*', edge.middleware);

  app.notFound((c) =>
    problemResponse(c, { status: 404, code: 'not-found', detail: `No resource at ${c.req.path}. ${NOT_FOUND_HINT}` }),
  );
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error.problem);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, {
        status: error.status as 400,
        code: 'bad-request',
        detail: error.message || 'The request could not be understood.',
      });
    }
    reportUnexpected(error, c.get('requestId'));
    return problemResponse(c, {
      status: 500,
      code: 'internal-error',
      detail: `Something went wrong on our side. Quote request id ${c.get('requestId') ?? '(none)'} if you report it.`,
    });
  });

  const routes = app
    .route('/', metaRoutes(releaseSource))
    .route('/', forcesRoutes(deps))
    // Before the JSON report, whose `{force}` would otherwise take `durham.md`.
    .route('/', reportTextRoutes(deps))
    .route('/', reportsRoutes(deps))
    .route('/', metricsRoutes(deps));
  // Outside the typed chain: a second route with the report's schema makes the client type too long for tsc to write.
  routes.route('/', periodReportsRoutes(deps));

  const openApiConfig: Parameters<typeof routes.getOpenAPI31Document>[0] = {
    openapi: '3.1.0',
    info: {
      title: API_TITLE,
      version: API_VERSION,
      description:
        "Read-only data behind HMIC's PEEL 2016 police effectiveness reports for the 43 territorial police forces of " +
        'England and Wales, with the source of every value. Missing values are markers with a reason, never 0 or ' +
        'null.',
      license: {
        name: 'MIT (code); data under the Open Government Licence v3.0',
        url: 'https://opensource.org/license/mit',
      },
    },
    servers: [{ url: '/', description: 'This server' }],
    // Public, read-only data: no authentication.
    security: [],
    tags: [
      { name: 'forces', description: 'The 43 territorial forces and their PEEL 2016 effectiveness judgments.' },
      { name: 'reports', description: 'Per-force report models computed by peel-metrics.' },
      { name: 'metrics', description: 'The metric catalogue, all-force tables, time series and comparisons.' },
      { name: 'service', description: 'Health of the running service.' },
    ],
  };
  let docsHtml: Promise<{ rendered: Rendered; csp: string }> | undefined;
  // Metric ids and force identifiers as enums, from the registry and release this app serves.
  const parameterEnums = {
    metric: deps.registry.metrics.map((metric) => metric.id),
    force: release.forces
      .filter((force) => force.kind === 'territorial')
      .flatMap((force) => [force.slug, ...(typeof force.code === 'string' ? [force.code] : [])]),
  };
  const openApiDocument = () =>
    withParameterEnums(withCsvVariants(routes.getOpenAPI31Document(openApiConfig)), parameterEnums);

  app.get('/openapi.json', (c) =>
    sendMemo(c, memo, 'openapi.json', () =>
      renderBody(JSON.stringify(openApiDocument()), 'application/json; charset=utf-8'),
    ),
  );
  app.get('/docs', async (c) => {
    docsHtml ??= renderDocs(openApiDocument() as OpenApiLike).then(async ({ html, csp }) => ({
      rendered: await renderBody(html, 'text/html; charset=utf-8'),
      csp,
    }));
    const { rendered, csp } = await docsHtml;
    return sendRendered(c, rendered, { 'Content-Security-Policy': csp });
  });
  // The edge's front door answers repeat requests before routing (see http/middleware.ts); app.request() and
  // the runtimes all call app.fetch, so they all go through it.
  const route = routes.fetch;
  const serve: typeof route = (request, env, executionCtx) => {
    let answered: Response | Promise<Response> | undefined;
    try {
      answered = edge.front(request, env);
    } catch (error) {
      // A bug in the front door (a throwing clientKey, say) must not take the API down: report it, let the router
      // answer.
      reportUnexpected(error, undefined);
    }
    return answered ?? route(request, env, executionCtx);
  };
  const { artifacts } = options;
  const profile = { codings: memo.codings, release: releaseSource.id, apiVersion: API_VERSION };
  // A prebuilt answer becomes the memo's answer for this request, so the front door sends it with everything a
  // repeat gets (request id, rate limit, 304, log). Unseen requests only: repeats never reach the artifacts.
  routes.fetch = (request, env, executionCtx) => {
    const prebuilt =
      artifacts && request.method === 'GET' && !memo.answerFor(request)
        ? artifacts.answerFor(request, env, profile)
        : undefined;
    if (!prebuilt) return serve(request, env, executionCtx);
    return prebuilt.then(
      (answer) => {
        if (answer) memo.rememberAnswer(request, answer);
        return serve(request, env, executionCtx);
      },
      (error: unknown) => {
        reportUnexpected(error, undefined);
        return serve(request, env, executionCtx);
      },
    );
  };
  return routes;
}

/** The app's type, for `hono/client` (see client.ts). */
export type AppType = ReturnType<typeof createApp>;
