import { sql, type SqlQuery } from '../query.js';

/**
 * The team owning the most customers and, in it, the rep owning the most (ties by name): whom the demo's manager
 * and rep sign in as, so that both see real customers and the rep's customers are among the manager's.
 */
export const demoOwnerSql = (): SqlQuery =>
  sql(`WITH teams AS (
  SELECT team, count(*) AS n FROM customer_owners_clean GROUP BY team
), reps AS (
  SELECT team, rep_id, count(*) AS n FROM customer_owners_clean GROUP BY team, rep_id
)
SELECT r.team, r.rep_id
FROM reps r JOIN teams t ON t.team = r.team
ORDER BY t.n DESC, t.team, r.n DESC, r.rep_id
LIMIT 1`);
