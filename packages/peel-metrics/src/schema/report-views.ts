// The schemas of a report payload's views (report/report-views.ts makes the payloads), derived from the report
// model's schema so fields added to the model appear in both views.
import { z } from 'zod';
import { METHOD_CHOICE_KEYS, METHOD_TEXT_FIELDS, METHOD_TEXT_KEYS, type ReportView } from '../report/report-views.ts';
import { leanReportSchema } from './lean-report.ts';
import { schemaWalker, type SchemaWalk } from './walk.ts';

const METHOD_KEYS = new Set<string>(METHOD_TEXT_KEYS);
const METHOD_FIELDS = new Set<string>(METHOD_TEXT_FIELDS);
const CHOICE_KEYS = new Set<string>(METHOD_CHOICE_KEYS);

const isText = (schema: z.ZodType) =>
  schema instanceof z.ZodString || (schema instanceof z.ZodArray && schema.element instanceof z.ZodString);

/** A by-force bar as the values view writes it: the force's slug, and its band's name and rank. */
function valuesBarSchema(bar: z.ZodObject, walk: SchemaWalk): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(bar.shape as Record<string, z.ZodType>)) {
    if (key === 'force') {
      shape.force = z.string().meta({ description: "The force's slug (its names are in GET /v1/forces)." });
    } else if (key === 'band') {
      const options = field instanceof z.ZodOptional ? field.unwrap() : field;
      const bandOptions = options instanceof z.ZodUnion ? (options.options as z.ZodType[]) : [options];
      const names = bandOptions.map((option) =>
        option instanceof z.ZodObject && 'band' in option.shape ? (option.shape.band as z.ZodType) : option,
      );
      const [first, ...rest] = names as [z.ZodType, ...z.ZodType[]];
      shape.band = (rest.length > 0 ? z.union([first, ...rest]) : first).optional().meta({
        description: "The force's band; its rule, n, k and cutoffs are the figure's `banding`.",
      });
      shape.rank = z.number().int().optional().meta({ description: 'Rank 1 = highest value, where banded.' });
    } else {
      const mapped = valuesField(key, field, walk);
      if (mapped) shape[key] = mapped;
    }
  }
  return z.object(shape).strict();
}

/** A field of the values view: method text left out, bars rewritten, the rest walked. */
function valuesField(key: string, schema: z.ZodType, walk: SchemaWalk): z.ZodType | undefined {
  // The keys of a record of method choices name dimensions (`provenance.variants.denominator`), not method text.
  if (CHOICE_KEYS.has(key)) return schema;
  if (schema instanceof z.ZodOptional) return valuesField(key, schema.unwrap() as z.ZodType, walk)?.optional();
  if (METHOD_KEYS.has(key)) {
    if (isText(schema)) return undefined;
    if (schema instanceof z.ZodUnion) {
      // Text or something else (a Missing marker): the text is left out, so the field is the rest or absent.
      const rest = (schema.options as z.ZodType[]).filter((option) => !isText(option)).map(walk);
      const [first, ...more] = rest;
      if (first === undefined) return undefined;
      return (more.length > 0 ? z.union([first, ...more]) : first).optional();
    }
  }
  if (key === 'bars' && schema instanceof z.ZodArray && schema.element instanceof z.ZodObject) {
    return z.array(valuesBarSchema(schema.element, walk));
  }
  return walk(schema);
}

const valuesSchemas = new WeakMap<z.ZodObject, z.ZodObject>();

/**
 * The schema of `reportValues`'s output for reports of `schema` (a report model's object schema, `metrics`
 * optional): the same fields less the method text (`METHOD_TEXT_FIELDS`, and text under `METHOD_TEXT_KEYS`),
 * bars as slug, value, band and rank. Not lean; `reportPayloadSchema` gives the lean payload's schema.
 * @example reportValuesSchema(ForceReportSchema).shape.sources // undefined
 */
export function reportValuesSchema(schema: z.ZodObject): z.ZodObject {
  const memo = valuesSchemas.get(schema);
  if (memo) return memo;
  const walk = schemaWalker(valuesField);
  const shape = Object.fromEntries(
    Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
      if (METHOD_FIELDS.has(key)) return [];
      const mapped = valuesField(key, field, walk);
      return mapped === undefined ? [] : [[key, mapped]];
    }),
  );
  const out = z.object(shape).strict();
  valuesSchemas.set(schema, out);
  return out;
}

/**
 * The schema of `reportPayload(report, { view })` for reports of `schema`: `leanReportSchema` of the model
 * (`full`) or of its values (`values`).
 * @example reportPayloadSchema(ForceReportSchema.extend({ metrics: ReportMetricsSchema }), { view: 'values' })
 */
export function reportPayloadSchema(schema: z.ZodObject, options: { view: ReportView }): z.ZodObject {
  return options.view === 'full' ? leanReportSchema(schema) : leanReportSchema(reportValuesSchema(schema));
}
