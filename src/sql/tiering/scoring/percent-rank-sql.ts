import type { Dialect } from '../../dialects/dialect.js';
import type { RankRef } from './model-sql.js';

/** The distinct ranks of `refs` (a feature read by several models is ranked once), each with its CTE name. */
export function distinctRanks(refs: readonly RankRef[]): { ref: RankRef; name: string }[] {
  const seen = new Map<string, { ref: RankRef; name: string }>();
  for (const ref of refs) {
    const key = `${ref.feature} ${ref.order}`;
    if (!seen.has(key)) seen.set(key, { ref, name: `pr_${seen.size}` });
  }
  return [...seen.values()];
}

/**
 * A CTE `name` of (x, p): each distinct non-NULL value of the feature in `table` and its SQL percent_rank,
 * (number of values ranked before it) / (n − 1), 0 when n = 1. Ranking distinct values and joining them back
 * sorts far fewer and narrower rows than percent_rank() over the customers: on 1M customers, 18 ranks take
 * 2.6 s this way and 10 s as window functions over the feature table.
 */
export function percentRankCte(d: Dialect, table: string, name: string, ref: RankRef): string {
  const x = d.quoteIdent(ref.feature);
  const before = `sum(count(*)) OVER (ORDER BY ${x} ${ref.order}) - count(*)`;
  const n = `sum(count(*)) OVER ()`;
  return `${name} AS (
  SELECT ${x} AS x,
    COALESCE(CAST(${before} AS DOUBLE PRECISION) / NULLIF(${n} - 1, 0), 0) AS p
  FROM ${table} WHERE ${x} IS NOT NULL GROUP BY ${x}
)`;
}
