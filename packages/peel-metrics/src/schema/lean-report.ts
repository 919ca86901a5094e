// The schema of a lean report payload (report/lean-report.ts makes and expands the payloads), derived from the
// report model's schema so fields added to the model appear here too.
import { z } from 'zod';
import { LEAN_LIST_KEYS, LEAN_NOTE_KEYS } from '../report/lean-report.ts';
import { schemaWalker, type SchemaWalk } from './walk.ts';

const NOTE_KEYS = new Set(LEAN_NOTE_KEYS);
const LIST_KEYS = new Set(LEAN_LIST_KEYS);

const NoteIdSchema = z.string().meta({ description: 'An id in the payload’s `notes` map.' });
const ProvenanceIdSchema = z.string().meta({ description: 'An id in the payload’s `provenance` map.' });
const ListIdSchema = z.string().meta({ description: 'An id in the payload’s `lists` map.' });

/**
 * The lean schema of one field: ids at note keys and under `provenance`, else the value's lean schema. The schemas
 * found under `provenance` (the `provenance` map's values) are collected in `provenance`.
 */
function leanField(key: string, schema: z.ZodType, walk: SchemaWalk, provenance: Set<z.ZodType>): z.ZodType {
  if (schema instanceof z.ZodOptional) return leanField(key, schema.unwrap() as z.ZodType, walk, provenance).optional();
  if (key === 'provenance') {
    // A union (provenance or a Missing marker) adds its options, so the map's schema lists each shape once.
    for (const option of schema instanceof z.ZodUnion ? (schema.options as z.ZodType[]) : [schema]) {
      provenance.add(option);
    }
    return ProvenanceIdSchema;
  }
  if (LIST_KEYS.has(key) && schema instanceof z.ZodArray && schema.element instanceof z.ZodString) {
    return ListIdSchema;
  }
  if (NOTE_KEYS.has(key)) {
    if (schema instanceof z.ZodString) return NoteIdSchema;
    if (schema instanceof z.ZodArray && schema.element instanceof z.ZodString) return z.array(NoteIdSchema);
  }
  return walk(schema);
}

const leanSchemas = new WeakMap<z.ZodObject, z.ZodObject>();

/**
 * The schema of `leanReport`'s output for reports of `schema` (a report model's object schema, `metrics` optional):
 * the same fields, with ids at note and list keys and under `provenance`, `metrics` entries as `from` pointers with
 * the fields that differ, and the `provenance`, `notes` and `lists` maps. Derived, so fields added to the model appear
 * here too.
 * Memoised per schema, so the named parts (`LeanReportMetric`) are registered once.
 * @example leanReportSchema(ForceReportSchema).shape.notes // a record of strings
 */
export function leanReportSchema(schema: z.ZodObject): z.ZodObject {
  const memo = leanSchemas.get(schema);
  if (memo) return memo;
  const found = new Set<z.ZodType>();
  const walk = schemaWalker((key, field, walk) => leanField(key, field, walk, found));
  const { metrics, ...fields } = schema.shape as Record<string, z.ZodType>;
  const shape: Record<string, z.ZodType> = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, leanField(key, field, walk, found)]),
  );
  if (metrics) {
    const entries = metrics instanceof z.ZodObject ? Object.values(metrics.shape as Record<string, z.ZodType>) : [];
    const [entry] = entries;
    if (!(entry instanceof z.ZodObject) || entries.some((other) => other !== entry)) {
      throw new TypeError('leanReportSchema expects `metrics` as an object of one entry schema (ReportMetricsSchema)');
    }
    const pointer = {
      from: z.string().optional().meta({ description: 'JSON Pointer of the report figure this entry restates.' }),
      omit: z.array(z.string()).optional().meta({ description: 'Fields of that figure the entry does not have.' }),
    };
    const { rows, ...entryFields } = (walk(entry) as z.ZodObject).shape as Record<string, z.ZodType>;
    const row = rows instanceof z.ZodOptional && rows.unwrap() instanceof z.ZodArray ? rows.unwrap() : undefined;
    const rowSchema = row instanceof z.ZodArray ? (row.element as z.ZodObject) : undefined;
    const LeanRowSchema = rowSchema
      ? rowSchema
          .partial()
          .extend(pointer)
          .meta({ id: 'LeanReportMetricRow', description: 'A row of a catalogue metric, lean.' })
      : undefined;
    const LeanMetricSchema = z
      .object(entryFields)
      .partial()
      .extend({ ...pointer, ...(LeanRowSchema ? { rows: z.array(LeanRowSchema).optional() } : {}) })
      .strict()
      .meta({
        id: 'LeanReportMetric',
        description:
          'A catalogue metric for the report force. With `from`, the figure at that JSON Pointer gives every field ' +
          'not written here (`value`, `provenance` and `caveats` from its `force`, the rest by name), less `omit`.',
      });
    shape.metrics = z.record(z.string(), LeanMetricSchema);
  }
  // A provenance map value is leaned too (its notes are ids); union of every schema found under `provenance`.
  const provenance = [...found].map(walk);
  const [onlyProvenance, ...more] = provenance;
  shape.provenance = z.record(
    z.string(),
    onlyProvenance === undefined
      ? z.unknown()
      : more.length === 0
        ? onlyProvenance
        : z.union([onlyProvenance, ...more] as [z.ZodType, z.ZodType, ...z.ZodType[]]),
  );
  shape.notes = z.record(z.string(), z.string());
  shape.lists = z.record(z.string(), z.array(z.string()));
  const out = z.object(shape).strict();
  leanSchemas.set(schema, out);
  return out;
}
