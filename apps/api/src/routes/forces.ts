/**
 * `GET /v1/forces` and `GET /v1/forces/{force}`: the 43 territorial forces with their PEEL 2016 effectiveness
 * judgments. JSON or tidy CSV (one row per force, or one row per judgment).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type Force, JUDGMENT_QUESTIONS, type Judgment, type JudgmentQuestion, type PeelRelease } from 'peel-data';
import { ForceSchema, JudgmentSchema } from 'peel-data/schemas';
import type { AppEnv } from '../http/context.ts';
import { renderCsv } from '../http/csv.ts';
import type { RouteDeps } from './deps.ts';
import { sendTable } from '../http/send.ts';
import { noQueryParameters } from '../http/validation.ts';
import { resolveForce } from '../lib/resolve.ts';
import { NO_SUCH_FORCE, routeResponses, TAKES_NO_QUERY } from './responses.ts';
import { ForceParamSchema } from './schemas.ts';

/** A force as the API shows it: peel-data's force row without import aliases, with its judgments and links. */
export const ForceSummarySchema = ForceSchema.omit({ aliases: true, kind: true })
  .extend({
    judgments: z.array(JudgmentSchema).openapi({
      description:
        'PEEL effectiveness judgments 2015–2017 for the overall question and the five core questions; a grade no ' +
        'source states is a Missing marker.',
    }),
    links: z.object({ self: z.string(), report: z.string() }),
  })
  .openapi('Force');
/** A force as the API shows it. */
export type ForceSummary = z.infer<typeof ForceSummarySchema>;

/** The body of GET /v1/forces. */
export const ForceListSchema = z.object({ forces: z.array(ForceSummarySchema) }).openapi('ForceList');

const listRoute = createRoute({
  method: 'get',
  path: '/v1/forces',
  operationId: 'listForces',
  tags: ['forces'],
  summary: 'The 43 territorial forces with their judgments',
  description:
    'Forces in ONS code order, each with its PEEL effectiveness judgments 2015–2017. CSV: one row per force with its ' +
    '2016 grades (`/v1/forces.csv` or `Accept: text/csv`).',
  middleware: [noQueryParameters] as const,
  responses: routeResponses({ description: 'The forces.', schema: ForceListSchema }, { badRequest: TAKES_NO_QUERY }),
});

const oneRoute = createRoute({
  method: 'get',
  path: '/v1/forces/{force}',
  operationId: 'getForce',
  tags: ['forces'],
  summary: 'One force with its judgments',
  description:
    'By slug or ONS code, with its PEEL effectiveness judgments 2015–2017 and their sources. CSV: one row per ' +
    'judgment (year × question).',
  request: { params: z.object({ force: ForceParamSchema }) },
  middleware: [noQueryParameters] as const,
  responses: routeResponses(
    { description: 'The force.', schema: ForceSummarySchema },
    { badRequest: TAKES_NO_QUERY, notFound: NO_SUCH_FORCE },
  ),
});

/** The API's view of a force (aliases are an import detail and stay in peel-data). */
function summarise(release: PeelRelease, force: Force): ForceSummary {
  const { aliases: _aliases, kind: _kind, ...rest } = force;
  return {
    ...rest,
    judgments: release.judgments.filter((judgment) => judgment.force === force.slug),
    links: { self: `/v1/forces/${force.slug}`, report: `/v1/reports/peel-2016-effectiveness/${force.slug}` },
  };
}

const grade2016 = (force: ForceSummary, question: JudgmentQuestion) =>
  force.judgments.find((judgment) => judgment.year === 2016 && judgment.question === question)?.grade ?? {
    missing: 'x' as const,
    reason: `no 2016 ${question} judgment for ${force.name} in peel-data`,
  };

const forceColumns = [
  { header: 'slug', value: (f: ForceSummary) => f.slug },
  { header: 'code', value: (f: ForceSummary) => f.code, mayBeMissing: true },
  { header: 'name', value: (f: ForceSummary) => f.name },
  { header: 'short_name', value: (f: ForceSummary) => f.shortName },
  { header: 'region', value: (f: ForceSummary) => f.region, mayBeMissing: true },
  { header: 'country', value: (f: ForceSummary) => f.country },
  ...JUDGMENT_QUESTIONS.map((question) => ({
    header: `grade_2016_${question}`,
    value: (f: ForceSummary) => grade2016(f, question),
    mayBeMissing: true,
  })),
];

/** One row per judgment (year × question) of one force. */
const judgmentColumns = [
  { header: 'force', value: (j: Judgment) => j.force },
  { header: 'year', value: (j: Judgment) => j.year },
  { header: 'question', value: (j: Judgment) => j.question },
  { header: 'grade', value: (j: Judgment) => j.grade, mayBeMissing: true },
  { header: 'source_url', value: (j: Judgment) => j.source?.url ?? '' },
  { header: 'source_publisher', value: (j: Judgment) => j.source?.publisher ?? '' },
];

/**
 * The force routes.
 * @example app.route('/', forcesRoutes({ memo }))
 */
export function forcesRoutes({ memo, release }: RouteDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, (c) => {
      const territorial = () =>
        release.forces.filter((force) => force.kind === 'territorial').map((force) => summarise(release, force));
      return sendTable(c, memo, 'forces', {
        filename: 'forces',
        json: () => ({ forces: territorial() }),
        csv: () => renderCsv(territorial(), forceColumns),
      });
    })
    .openapi(oneRoute, (c) => {
      const force = resolveForce(release.forces, c.req.valid('param').force);
      return sendTable(c, memo, `forces/${force.slug}`, {
        filename: force.slug,
        json: () => summarise(release, force),
        csv: () => renderCsv(summarise(release, force).judgments, judgmentColumns),
      });
    });
}
