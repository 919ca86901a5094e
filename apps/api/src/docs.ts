/**
 * The human-readable API reference at `/docs`: one static HTML page rendered from the OpenAPI document, so it
 * cannot drift from the schema. No scripts and no third-party assets; its only inline style is allowed by hash.
 */

type OpenApiParameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { enum?: unknown[]; example?: unknown };
};
type OpenApiOperation = {
  summary?: string;
  description?: string;
  parameters?: OpenApiParameter[];
  responses?: Record<string, { description?: string }>;
};
/** The parts of an OpenAPI 3.1 document the page shows. */
export type OpenApiLike = {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, OpenApiOperation> | undefined>;
};

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
code,pre{font-family:ui-monospace,monospace;background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}
pre{padding:.6rem;overflow-x:auto}h2{margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}`;

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * Renders the docs page and the Content-Security-Policy that lets exactly its inline style run.
 * @example const { html, csp } = await renderDocs(app.getOpenAPI31Document(config))
 */
export async function renderDocs(document: OpenApiLike): Promise<{ html: string; csp: string }> {
  const sections: string[] = [];
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    // A `.csv` twin is its JSON path's table again; the page says once how to ask for CSV.
    if (path.endsWith('.csv')) continue;
    for (const [method, op] of Object.entries(operations ?? {})) {
      const params = (op.parameters ?? [])
        .map((p) => {
          const example =
            p.schema?.example === undefined ? '' : ` Example: <code>${escapeHtml(String(p.schema.example))}</code>`;
          return (
            `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}${p.required ? ', required' : ''}</td>` +
            `<td>${escapeHtml(p.description ?? '')}${example}</td></tr>`
          );
        })
        .join('');
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<li><code>${status}</code> ${escapeHtml(r.description ?? '')}</li>`)
        .join('');
      const table = params ? `<table><tr><th>parameter</th><th>in</th><th>meaning</th></tr>${params}</table>` : '';
      sections.push(
        [
          `<h2 id="${escapeHtml(`${method}-${path}`)}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2>`,
          `<p><strong>${escapeHtml(op.summary ?? '')}</strong></p><p>${escapeHtml(op.description ?? '')}</p>`,
          table,
          `<ul>${responses}</ul>`,
        ].join('\n'),
      );
    }
  }
  const { title, version } = document.info;
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(title)} ${escapeHtml(version)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)} <small>${escapeHtml(version)}</small></h1>`,
    `<p>${escapeHtml(document.info.description ?? '')}</p>`,
    '<p>Machine-readable: <a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI 3.1). Every table ' +
      'endpoint also answers CSV: add <code>.csv</code> to the path or send <code>Accept: text/csv</code>.',
    'Errors are <code>application/problem+json</code> (RFC 9457). Responses carry a strong <code>ETag</code>; ' +
      'send it back in <code>If-None-Match</code> to get <code>304</code>.</p>',
    ...sections,
    '</body></html>',
  ].join('\n');
  const styleHash = await sha256Base64(STYLE);
  return {
    html,
    csp:
      `default-src 'none'; style-src 'sha256-${styleHash}'; frame-ancestors 'none'; base-uri 'none'; form-action ` +
      `'none'`,
  };
}

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}

type MutableOperation = {
  operationId?: string;
  summary?: string;
  parameters?: { name: string; in: string; schema?: Record<string, unknown> }[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
};
type MutableDocument = { paths?: Record<string, Record<string, MutableOperation> | undefined> };

const CSV_SCHEMA = {
  type: 'string',
  description:
    'Tidy CSV with a header row; a missing value is its marker ([x], [z], [c], [u]) with the reason in a ' +
    '<column>_missing_reason column (the tidy downloads: an empty value with the marker in status).',
};

/**
 * Lists the CSV twin of every `/v1/` JSON endpoint as its own path (`/v1/forces.csv`, operation `listForcesCsv`)
 * whose only media type is `text/csv`, right after its JSON path, so each JSON operation keeps JSON as its only
 * media type and a generated client types `data` without media-type generics. The routes declare only their JSON;
 * the app serves the `.csv` suffix (and `Accept: text/csv`) on the same handlers.
 * @example const doc = withCsvVariants(app.getOpenAPI31Document(config))
 */
export function withCsvVariants<D extends object>(document: D): D {
  const paths = (document as MutableDocument).paths ?? {};
  const ordered: NonNullable<MutableDocument['paths']> = {};
  for (const [path, operations] of Object.entries(paths)) {
    ordered[path] = operations;
    const get = operations?.get;
    const ok = get?.responses?.['200'];
    if (!path.startsWith('/v1/') || !get || !ok?.content?.['application/json']) continue;
    ordered[`${path}.csv`] = {
      get: {
        ...get,
        ...(get.operationId ? { operationId: `${get.operationId}Csv` } : {}),
        ...(get.summary ? { summary: `${get.summary} (CSV)` } : {}),
        responses: {
          ...get.responses,
          200: {
            description: `${ok.description ?? 'The table'} As tidy CSV.`,
            content: { 'text/csv': { schema: CSV_SCHEMA } },
          },
        },
      },
    };
  }
  (document as MutableDocument).paths = ordered;
  return document;
}

/**
 * Gives the named parameters (`metric`, `force`) their valid values as an `enum` in the document, so generated
 * clients offer them. The server still answers any other value with a problem that suggests the closest ones.
 * @example withParameterEnums(doc, { metric: ['asb_rate'], force: ['durham', 'E23000008'] })
 */
export function withParameterEnums<D extends object>(document: D, enums: Record<string, readonly string[]>): D {
  for (const operations of Object.values((document as MutableDocument).paths ?? {}))
    for (const operation of Object.values(operations ?? {}))
      for (const parameter of operation.parameters ?? []) {
        const values = enums[parameter.name];
        if (values && parameter.schema) parameter.schema = { ...parameter.schema, enum: [...values] };
      }
  return document;
}
