import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import {
  candidatesCte,
  memberLinesCtes,
  startOf,
  subjectCte,
  type ProfileSqlInput,
} from './profile-members-sql.js';

/**
 * Per category bought by the customer (in the window or the one before) or by its peers (in the window): the
 * customer's net amount in the window (`amount`) and before (`amount_previous`), and the peers' mean share of
 * their own net amount (`peer_share`, each peer weighing the same; NULL without peers).
 */
export function categoryAmountsSql(d: Dialect, input: ProfileSqlInput): SqlQuery {
  const { days } = input;
  const current = `ordered_at >= ${startOf(d, days.from)}`;
  return sql(
    `WITH ${subjectCte(d)},
${candidatesCte(d)},
${memberLinesCtes(d, input.level, { subjectFrom: days.previousFrom, peersFrom: days.from, to: days.to })},
amounts AS (
  SELECT customer_id, is_subject, category,
         sum(CASE WHEN ${current} THEN value ELSE 0 END) AS amount,
         sum(CASE WHEN ${current} THEN 0 ELSE value END) AS amount_previous
  FROM lines GROUP BY customer_id, is_subject, category
),
peer_totals AS (SELECT customer_id, sum(amount) AS total FROM amounts WHERE NOT is_subject GROUP BY customer_id),
peer_shares AS (
  SELECT a.category,
         sum(CASE WHEN t.total > 0 THEN a.amount / t.total ELSE 0 END) / (SELECT count(*) FROM peer_totals) AS peer_share
  FROM amounts a JOIN peer_totals t ON t.customer_id = a.customer_id
  GROUP BY a.category
),
subject_amounts AS (SELECT category, amount, amount_previous FROM amounts WHERE is_subject)
SELECT COALESCE(s.category, p.category) AS category, COALESCE(s.amount, 0) AS amount,
       COALESCE(s.amount_previous, 0) AS amount_previous, p.peer_share
FROM subject_amounts s
FULL JOIN peer_shares p ON p.category = s.category
ORDER BY 1`,
    [input.customerId],
  );
}
