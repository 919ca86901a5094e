// A zod schema walker: rebuilds a schema with each object field mapped (or dropped), the containers around the
// objects rebuilt as they were. The lean and the values payload schemas (lean-report.ts, report-views.ts) derive
// from the report model's schema with it.
import { z } from 'zod';

/** Walks a schema; memoised per schema, so a shared part is rebuilt once. */
export type SchemaWalk = (schema: z.ZodType) => z.ZodType;
/** The schema of an object field in the derived schema, or `undefined` to leave the field out. */
export type FieldMap = (key: string, schema: z.ZodType, walk: SchemaWalk) => z.ZodType | undefined;

/**
 * A schema walker that rewrites objects field by field (`field` decides each one) and rebuilds the unions, arrays,
 * optionals, nullables and records around them. Strict objects stay strict, others loose.
 * @example schemaWalker((key, schema, walk) => (key === 'note' ? undefined : walk(schema)))(ReportSchema)
 */
export function schemaWalker(field: FieldMap): SchemaWalk {
  const done = new Map<z.ZodType, z.ZodType>();
  const walk: SchemaWalk = (schema) => {
    const cached = done.get(schema);
    if (cached) return cached;
    let out: z.ZodType = schema;
    if (schema instanceof z.ZodObject) {
      const shape = Object.fromEntries(
        Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, value]) => {
          const mapped = field(key, value, walk);
          return mapped === undefined ? [] : [[key, mapped]];
        }),
      );
      const strict = (schema.def.catchall as z.ZodType | undefined) instanceof z.ZodNever;
      out = strict ? z.object(shape).strict() : z.object(shape).loose();
    } else if (schema instanceof z.ZodDiscriminatedUnion) {
      const options = (schema.options as z.ZodType[]).map(walk);
      out = z.discriminatedUnion(
        schema.def.discriminator,
        options as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]],
      );
    } else if (schema instanceof z.ZodUnion) {
      out = z.union((schema.options as z.ZodType[]).map(walk) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
    } else if (schema instanceof z.ZodArray) {
      out = z.array(walk(schema.element as z.ZodType));
    } else if (schema instanceof z.ZodOptional) {
      out = walk(schema.unwrap() as z.ZodType).optional();
    } else if (schema instanceof z.ZodNullable) {
      out = walk(schema.unwrap() as z.ZodType).nullable();
    } else if (schema instanceof z.ZodRecord) {
      out = z.record(schema.keyType as z.ZodString, walk(schema.valueType as z.ZodType));
    }
    done.set(schema, out);
    return out;
  };
  return walk;
}
