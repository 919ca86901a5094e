/**
 * What a value is, so no surface can pass a printed number off as a recomputed one: `printed` (copied from the
 * report: Figure 2's assault with injury and burglary rows), `recomputed` (from open data) or
 * `recomputed-from-printed-count` (Right to Ask / Right to Know: the printed count over the mid-2015 population).
 * Read from the value's provenance: the printed report as source, with or without a formula.
 */
import type { Provenance } from 'peel-data';

/**
 * The kinds of value.
 * @example VALUE_KINDS[0] // 'printed'
 */
export const VALUE_KINDS = ['printed', 'recomputed', 'recomputed-from-printed-count'] as const;
/** One of VALUE_KINDS. */
export type ValueKind = (typeof VALUE_KINDS)[number];

/**
 * Words for each kind, as a label prints them.
 * @example VALUE_KIND_LABEL.printed // 'as printed in the report'
 */
export const VALUE_KIND_LABEL: Readonly<Record<ValueKind, string>> = {
  printed: 'as printed in the report',
  recomputed: 'recomputed from open data',
  'recomputed-from-printed-count': 'recomputed from a printed count',
};

/**
 * The kind of a value, from its provenance.
 * @example valueKindOf({ source: 'peel-2016-durham-report' }) // 'printed'
 */
export function valueKindOf(provenance: Pick<Provenance, 'source' | 'formula'>): ValueKind {
  if (provenance.source !== 'peel-2016-durham-report') return 'recomputed';
  return provenance.formula ? 'recomputed-from-printed-count' : 'printed';
}
