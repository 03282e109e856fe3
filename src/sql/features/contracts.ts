import type { Cte, FeatureContext } from './context.js';

/**
 * Per customer with contracts active on the as-of date (start_date ≤ asOf ≤ end_date): their committed amount,
 * and the commitment due so far pro rata: committed × (days from the later of the start and the long-window start
 * to asOf, inclusive) / (days of the term, inclusive). `contract_from_at` is the earliest of those start days, from
 * which order_parts sums the net purchases set against it.
 */
export function contractPartsCte(c: FeatureContext): Cte {
  const { windows: w, d } = c;
  const asOf = c.day(w.asOf);
  const from = `greatest(k.start_date, ${c.day(w.longStart)})`;
  return {
    name: 'contract_parts',
    sql: `SELECT k.customer_id, sum(k.committed_amount) AS contract_amount,
       sum(k.committed_amount * (${d.daysBetween(from, asOf)} + 1) / (${d.daysBetween('k.start_date', 'k.end_date')} + 1)) AS contract_expected,
       ${d.startOfDay(`min(${from})`)} AS contract_from_at
FROM ${c.table('contracts_clean')} k
WHERE k.start_date <= ${asOf} AND k.end_date >= ${asOf}
GROUP BY k.customer_id`,
  };
}
