// Missing markers, zod-free: importing them costs no schema library (the zod schemas are in schema/missing.ts).
/**
 * Missing values are values. The codes follow the UK official statistics shorthand
 * (GSS guidance on symbols in tables), so a reader of ONS tables recognises them.
 */
export const MISSING_CODES = ['x', 'z', 'c', 'u'] as const;
export type MissingCode = (typeof MISSING_CODES)[number];

export const MISSING_CODE_LABELS: Record<MissingCode, string> = {
  x: 'not available',
  z: 'not applicable',
  c: 'confidential',
  u: 'low reliability',
};

/** A value that does not exist, with the reason why (never 0, NaN or a bare null). */
export type Missing = { missing: MissingCode; reason: string };

/**
 * Builds a missing marker.
 * @example missing('x', 'Durham could not supply domestic abuse arrest data') // { missing: 'x', reason: '…' }
 */
export function missing(code: MissingCode, reason: string): Missing {
  if (!reason)
    throw new TypeError(
      `missing(${JSON.stringify(code)}, reason): reason must be a non-empty string, ` +
        "e.g. missing('x', 'not published for this force')",
    );
  return { missing: code, reason };
}

/**
 * True when a value is a missing marker.
 * @example isMissing(missing('x', 'not collected')) // true
 */
export function isMissing(value: unknown): value is Missing {
  return typeof value === 'object' && value !== null && 'missing' in value && 'reason' in value;
}

/**
 * The marker as printed in a table cell: `[x]`, `[z]`, `[c]` or `[u]`.
 * @example formatMissing(missing('z', 'not applicable to City of London')) // '[z]'
 */
export function formatMissing(value: Missing): string {
  return `[${value.missing}]`;
}

/** A number, or a missing marker with its reason. */
export type NumberOrMissing = number | Missing;
