/**
 * Typing the zod schemas by their hand-written types.
 *
 * A schema's inferred zod type spells out every nested schema, so declarations of composed schemas grew to hundreds
 * of kilobytes (and slowed users' type-checking). Each exported schema is therefore annotated with a type named by
 * its hand-written type (`ObjectSchema<MeasuredValue>`, `z.ZodType<Figure>`), and built through `objectSchema<T>()`
 * or `schemaOf<T>()`, which refuse to compile unless the schema's own output is exactly `T` (assignable both ways).
 */
import type { z } from 'zod';

/**
 * True when A and B are the same type: identical members, optionality included (TypeScript's identity relation,
 * which mutual assignability is not: it ignores an optional field one side lacks).
 */
export type Same<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/**
 * A strict object schema whose output is T: one field schema per key of T, optional where T's key is.
 * @example
 * const schema: ObjectSchema<{ a: string }> = objectSchema<{ a: string }>()(z.object({ a: z.string() }).strict());
 */
export type ObjectSchema<T> = z.ZodObject<
  {
    [K in keyof T]-?: undefined extends T[K] ? z.ZodOptional<z.ZodType<Exclude<T[K], undefined>>> : z.ZodType<T[K]>;
  },
  z.core.$strict
>;

/** The extra argument a check asks for when a schema's output is not T: compiling fails at the schema. */
type Exact<S extends z.ZodType, T> =
  Same<z.output<S>, T> extends true ? [] : [error: 'schema output differs from type'];

/**
 * Names a strict object schema by its type T, after checking (at compile time) that its output is exactly T.
 * @example export const ForceRefSchema: ObjectSchema<ForceRef> = objectSchema<ForceRef>()(z.object({ … }).strict())
 */
export function objectSchema<T>() {
  return <S extends z.ZodObject>(schema: S, ..._exact: Exact<S, T>): ObjectSchema<T> =>
    schema as unknown as ObjectSchema<T>;
}

/**
 * Names any schema by its output type T, after checking (at compile time) that its output is exactly T.
 * @example export const FigureSchema: z.ZodType<Figure> = schemaOf<Figure>()(z.discriminatedUnion('kind', [...]))
 */
export function schemaOf<T>() {
  return <S extends z.ZodType>(schema: S, ..._exact: Exact<S, T>): z.ZodType<T> => schema as z.ZodType<T>;
}
