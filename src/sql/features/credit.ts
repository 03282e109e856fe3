import type { Cte, FeatureContext } from './context.js';

/** Rating → score; the catalogue's AAA = 9 … C = 1. */
export const RATING_SCORES = { AAA: 9, AA: 8, A: 7, BBB: 6, BB: 5, B: 4, CCC: 3, CC: 2, C: 1 } as const;

/**
 * Per customer: the score of the latest rating dated on or before the as-of date, over all agencies; when
 * agencies rated on the same latest day, the worse rating.
 */
export function creditPartsCte(c: FeatureContext): Cte {
  const score = `CASE r.rating ${Object.entries(RATING_SCORES)
    .map(([rating, s]) => `WHEN '${rating}' THEN ${s}`)
    .join(' ')} END`;
  return {
    name: 'credit_parts',
    sql: `SELECT l.customer_id, l.credit_score
FROM (
  SELECT r.customer_id, ${score} AS credit_score,
         ROW_NUMBER() OVER (PARTITION BY r.customer_id ORDER BY r.rated_date DESC, ${score}, r.agency) AS rn
  FROM ${c.table('credit_ratings_clean')} r
  WHERE r.rated_date <= ${c.day(c.windows.asOf)}
) l
WHERE l.rn = 1`,
  };
}
