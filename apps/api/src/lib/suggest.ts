/**
 * "Did you mean …?" for path and query parameters: candidates ranked by Damerau–Levenshtein distance
 * (a transposition counts as one edit) on lower-cased text, with prefix matches first so `west` offers
 * `west-mercia`, `west-midlands` and `west-yorkshire`.
 */

/**
 * Edit distance between two strings (insertions, deletions, substitutions, adjacent transpositions).
 * @example editDistance('durhma', 'durham') // 1
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Up to `limit` candidates closest to `input`, best first; only those within a sensible distance.
 * @example suggest('durhm', ['durham', 'dorset', 'kent']) // ['durham']
 * @example suggest('west', ['west-mercia', 'kent', 'west-midlands']) // ['west-mercia', 'west-midlands']
 */
export function suggest(
  input: string,
  candidates: readonly string[],
  { limit = 3 }: { limit?: number } = {},
): string[] {
  // Long inputs are junk, not typos; comparing them would only cost time.
  const needle = input.toLowerCase().slice(0, 64);
  if (!needle) return [];
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    if (hay.startsWith(needle) || (needle.length >= 4 && hay.includes(needle))) {
      scored.push({ candidate, score: hay.startsWith(needle) ? -2 : -1 });
      continue;
    }
    const distance = editDistance(needle, hay);
    if (distance <= Math.max(2, Math.floor(hay.length / 3))) {
      scored.push({ candidate, score: distance });
      continue;
    }
    // A typo near the start of a long id (`crime_rte` for `crime_rate_…`): compare with a prefix of similar length.
    const prefixDistance = editDistance(needle, hay.slice(0, needle.length + 1));
    if (needle.length >= 5 && prefixDistance <= 2) scored.push({ candidate, score: 3 + prefixDistance });
  }
  return scored
    .sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}
