import type { CleanView } from './views.js';

/**
 * Account ownership on surviving customers: one row per survivor. When duplicates are merged, the survivor keeps
 * its own owner row if it has one; otherwise the merged records' owner who has owned it longest (earliest
 * `since`, then the lowest rep_id) carries over. Created by migration 5, after the customer_owners table.
 */
export const customerOwnersClean: CleanView = {
  name: 'customer_owners_clean',
  description:
    'Customer owners with customer_id mapped to the surviving customer, one row per survivor: its own owner row, else the earliest `since` (then lowest rep_id) among the records merged into it; source_customer_id is the row’s imported id.',
  select: (d) => `SELECT customer_id, rep_id, rep_name, team, since, source_customer_id
FROM (
  SELECT COALESCE(m.survivor_id, o.customer_id) AS customer_id, o.rep_id, o.rep_name, o.team, o.since,
         o.customer_id AS source_customer_id,
         row_number() OVER (
           PARTITION BY COALESCE(m.survivor_id, o.customer_id)
           ORDER BY CASE WHEN m.survivor_id IS NULL THEN 0 ELSE 1 END, o.since ASC NULLS LAST, o.rep_id, o.customer_id
         ) AS owner_rank
  FROM ${d.quoteIdent('customer_owners')} o
  LEFT JOIN ${d.quoteIdent('customer_merges')} m ON m.customer_id = o.customer_id
) ranked
WHERE owner_rank = 1`,
};
