/**
 * Response schemas the routes share. Data shapes come from peel-data and peel-metrics (their zod schemas);
 * here they are only named for the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { MissingSchema, NumberOrMissingSchema } from 'peel-data/schemas';
import { ForceReportSchema, leanReportSchema, ReportMetricsSchema } from 'peel-metrics/schemas';

// `.meta()` rather than `.openapi()`: schemas made by another package may predate @hono/zod-openapi's zod extension.
export const MissingValueSchema = MissingSchema.meta({
  id: 'Missing',
  description:
    'A value that does not exist, with the reason. `missing` uses the UK statistics codes: x not available, z not ' +
    'applicable, c confidential, u low reliability. In CSV it is written as `[x]` with the reason in a ' +
    '`<column>_missing_reason` column.',
});

/**
 * The body of GET /v1/reports/peel-2016-effectiveness/{force}: peel-metrics' ForceReport plus `metrics` by spec id,
 * as `leanReport` writes it (derived by `leanReportSchema`, so fields added to the model appear here too).
 */
export const LeanReportResponseSchema = leanReportSchema(
  ForceReportSchema.extend({ metrics: ReportMetricsSchema }),
).meta({
  id: 'LeanForceReport',
  description:
    "A force's PEEL 2016 effectiveness report model (peel-metrics' ForceReport) with every catalogue metric under " +
    'its spec id, lean: each `provenance` is an id in the `provenance` map; each string under `reason`, `rule`, ' +
    '`note`, `formula`, `denominator`, `caveats`, `notes` or `exclusions` is an id in the `notes` map; each force ' +
    'list under `included` is an id in the `lists` map; a `metrics` ' +
    'entry with `from` restates the figure at that JSON Pointer and writes only what differs. ' +
    "peel-metrics' `expandReport(body)` gives back the full model.",
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
