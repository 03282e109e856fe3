/**
 * A number as SQL: integers as they are, others as a DOUBLE PRECISION parsed from JavaScript's shortest
 * round-trip text, so the engine holds the very double TypeScript holds (a bare `0.4` would be a DECIMAL).
 */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  if (Number.isSafeInteger(x)) return x < 0 ? `(${x})` : String(x);
  return `CAST('${String(x)}' AS DOUBLE PRECISION)`;
}

/** A string literal of a known-safe identifier-like value (tier, segment, reason). */
export const text = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** `CASE <expr> WHEN <k> THEN <v> … ELSE <otherwise> END`. */
export function caseOf(
  expr: string,
  pairs: readonly (readonly [string, string])[],
  otherwise = 'NULL',
): string {
  return `CASE ${expr} ${pairs.map(([k, v]) => `WHEN ${k} THEN ${v}`).join(' ')} ELSE ${otherwise} END`;
}
