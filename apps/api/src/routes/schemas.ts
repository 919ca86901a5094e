/**
 * Response schemas the routes share. Data shapes come from peel-data and peel-metrics (their zod schemas);
 * here they are only named for the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { MissingSchema, NumberOrMissingSchema } from 'peel-data/schemas';
import { REPORT_VIEWS } from 'peel-metrics';
import { ForceReportSchema, ReportMetricsSchema, reportPayloadSchema } from 'peel-metrics/schemas';

// `.meta()` rather than `.openapi()`: schemas made by another package may predate @hono/zod-openapi's zod extension.
export const MissingValueSchema = MissingSchema.meta({
  id: 'Missing',
  description:
    'A value that does not exist, with the reason. `missing` uses the UK statistics codes: x not available, z not ' +
    'applicable, c confidential, u low reliability. In CSV it is written as `[x]` with the reason in a ' +
    '`<column>_missing_reason` column.',
});

const ReportModelSchema = ForceReportSchema.extend({ metrics: ReportMetricsSchema });

/**
 * The body of GET /v1/reports/peel-2016-effectiveness/{force}?view=full: peel-metrics' ForceReport plus `metrics` by
 * spec id, as `reportPayload(…, { view: 'full' })` writes it (derived by `reportPayloadSchema`, so fields added to
 * the model appear here too).
 */
export const LeanReportResponseSchema = reportPayloadSchema(ReportModelSchema, { view: 'full' }).meta({
  id: 'LeanForceReport',
  description:
    "A force's PEEL 2016 effectiveness report model (peel-metrics' ForceReport) with every catalogue metric under " +
    'its spec id, lean: each `provenance` is an id in the `provenance` map; each string under `reason`, `rule`, ' +
    '`note`, `formula`, `denominator`, `caveats`, `notes` or `exclusions` is an id in the `notes` map; each force ' +
    'list under `included` is an id in the `lists` map; a `metrics` ' +
    'entry with `from` restates the figure at that JSON Pointer and writes only what differs. ' +
    "peel-metrics' `expandReport(body)` gives back the full model.",
});

/** The default body of the report endpoints: the report's values (`reportPayload(…, { view: 'values' })`). */
export const ReportValuesResponseSchema = reportPayloadSchema(ReportModelSchema, { view: 'values' }).meta({
  id: 'ForceReportValues',
  description:
    "A force's report without its method text: every figure, comparison, band, judgment, sentence, printed value " +
    'and reconciliation, each value with its provenance (source, period, counts, method variants), its caveats ' +
    'and, where missing, the reason. Not here (see `?view=full`): definitions, formulas, rules, figure notes, ' +
    "footnotes, exclusion notes, the sources' descriptions and the catalogue `metrics`. A by-force bar is the " +
    "force's slug, value, band and rank (the band's rule, n, k and cutoffs are the figure's `banding`). Lean like " +
    "the full view: `provenance`, `caveats`, `reason` and `included` are ids in the payload's own maps; " +
    "peel-metrics' `expandReport(body)` resolves them.",
});

/** Either view of a report, as `?view=` chooses. */
export const ReportPayloadResponseSchema = z.union([ReportValuesResponseSchema, LeanReportResponseSchema]);

/** Query parameter `view` of the report endpoints (JSON only: the CSV is one row per value either way). */
export const ReportViewQuerySchema = z
  .enum(REPORT_VIEWS)
  .default('values')
  .openapi({
    param: { name: 'view', in: 'query' },
    description:
      "`values` (default): the report's values with their provenance, caveats and missing-value reasons, in a " +
      'fraction of the bytes. `full`: the self-contained report, the method text and the catalogue `metrics` ' +
      'included. Both are one request; the CSV representation ignores it (one row per metric value either way).',
    example: 'full',
  });

/** Path parameter `{force}`: a slug or an ONS code. */
export const ForceParamSchema = z
  .string()
  .min(1)
  .max(100)
  .openapi({
    param: { name: 'force', in: 'path' },
    description:
      "Force slug (e.g. 'durham') or ONS police force area code (e.g. 'E23000008'), as the enum lists them. The " +
      "force's name or short name also works, in any case ('Durham Constabulary').",
    example: 'durham',
  });

/** One observation of a tidy download (peel-metrics' TidyRow). */
export const TidyRowSchema = z
  .object({
    force_code: z.string().openapi({ description: 'ONS code (E23…/W15…; K04000001 for England and Wales).' }),
    force: z.string(),
    period_key: z.string().openapi({ description: 'The period key, as the `period` parameter takes it.' }),
    period_label: z.string(),
    value: NumberOrMissingSchema.meta({ description: 'Rounded to the published precision plus one digit.' }),
    unrounded: NumberOrMissingSchema,
    numerator: NumberOrMissingSchema.meta({ description: "The count divided (the value's provenance.counts)." }),
    denominator: NumberOrMissingSchema.meta({ description: 'What the numerator is divided by.' }),
    population_year: NumberOrMissingSchema.meta({
      description: 'The mid-year of the population estimate, where the denominator is a population.',
    }),
    unit: z.string(),
    caveats: z.string().openapi({ description: "Caveats to show with the value, separated by ' | '." }),
  })
  .strict()
  .meta({ id: 'TidyRow' });

/** The sidecar of a tidy download (peel-metrics' TidyMetadata, after Our World in Data's metadata files). */
export const TidyMetadataSchema = z
  .object({
    title: z.string(),
    metricId: z.string(),
    specRef: z.string(),
    unit: z.string(),
    publishedDecimals: z.number().int(),
    csvDecimals: z.number().int(),
    definition: z
      .object({
        text: z.string(),
        numerator: z.string(),
        denominator: z.string(),
        comparator: z.string(),
        availability: z.string(),
      })
      .strict(),
    sources: z.array(
      z
        .object({
          id: z.string(),
          title: z.string(),
          publisher: z.string(),
          licence: z.string(),
          attribution: z.string(),
          url: z.string(),
        })
        .strict(),
    ),
    licence: z.string(),
    periodCoverage: z
      .object({ first: z.string(), last: z.string(), count: z.number().int(), periods: z.array(z.string()) })
      .strict(),
    exclusions: z.array(z.string()),
    caveats: z.array(z.string()),
    methodVariant: z.object({ name: z.string(), description: z.string() }).strict(),
    release: z.object({ version: z.string() }).strict(),
    columns: z.record(z.string(), z.string()),
  })
  .strict()
  .meta({ id: 'TidyMetadata' });

/** The body of GET /v1/metrics/{metric}/tidy. */
export const TidyMetricSchema = z
  .object({ metricId: z.string(), rows: z.array(TidyRowSchema), metadata: TidyMetadataSchema })
  .strict()
  .meta({
    id: 'TidyMetric',
    description: 'One metric for every force and England and Wales at every period, long format, with its sidecar.',
  });

/** The body of GET /v1/metrics/{metric}/periods. */
export const MetricPeriodsSchema = z
  .object({
    metricId: z.string(),
    /** The key of the period the 2016 report shows (the default of `period`). */
    reportPeriod: z.string(),
    periods: z.array(z.object({ key: z.string(), label: z.string() }).strict()),
  })
  .strict()
  .meta({
    id: 'MetricPeriods',
    description: "A metric's periods, oldest first, as `period`, `from` and `to` take them.",
  });
