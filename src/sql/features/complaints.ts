import type { Cte, FeatureContext } from './context.js';

/** Per customer: complaints filed in the long window, and those of high severity. */
export function complaintPartsCte(c: FeatureContext): Cte {
  const { windows: w } = c;
  return {
    name: 'complaint_parts',
    sql: `SELECT p.customer_id, count(*) AS complaints_long,
       count(*) FILTER (WHERE p.severity = 'high') AS severe_long
FROM ${c.table('complaints_clean')} p
WHERE p.filed_at >= ${c.at(w.longStart)} AND p.filed_at < ${c.at(w.cutoff)}
GROUP BY p.customer_id`,
  };
}

/**
 * Per customer: disputes open on the as-of date (opened by then and closed after it, or not closed and still
 * `open`: a closed status without a closing date counts as closed) and disputes opened in the long window.
 */
export function disputePartsCte(c: FeatureContext): Cte {
  const { windows: w } = c;
  const asOf = c.day(w.asOf);
  return {
    name: 'dispute_parts',
    sql: `SELECT x.customer_id,
       count(*) FILTER (WHERE x.closed_date > ${asOf} OR (x.closed_date IS NULL AND x.status = 'open')) AS disputes_open,
       count(*) FILTER (WHERE x.opened_date >= ${c.day(w.longStart)}) AS disputes_long
FROM ${c.table('disputes_clean')} x
WHERE x.opened_date <= ${asOf}
GROUP BY x.customer_id`,
  };
}
