import { addDays } from '../../contracts/time/iso-date.js';
import { ordersClean } from '../cleaning/views.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import {
  candidatesCte,
  importedIdsBehindSql,
  peerConditionSql,
  startOf,
  subjectCte,
  type ProfileDays,
} from './profile-members-sql.js';

/**
 * The customer's peers at each level (columns district, city, cuisine): candidates with at least one completed
 * order in the window (orders only: reading the lines of every candidate would cost as much as the profile).
 */
export function peerCountsSql(d: Dialect, customerId: string, days: ProfileDays): SqlQuery {
  return sql(
    `WITH ${subjectCte(d)},
${candidatesCte(d)},
active AS (
  SELECT DISTINCT o.customer_id
  FROM (${ordersClean.select(d, importedIdsBehindSql(d, 'candidates'))}) o
  WHERE o.status = 'completed'
    AND o.ordered_at >= ${startOf(d, days.from)} AND o.ordered_at < ${startOf(d, addDays(days.to, 1))}
)
SELECT count(*) FILTER (WHERE ${peerConditionSql('district')}) AS district,
       count(*) FILTER (WHERE ${peerConditionSql('city')}) AS city,
       count(*) AS cuisine
FROM candidates c
JOIN active a ON a.customer_id = c.customer_id
CROSS JOIN subject s`,
    [customerId],
  );
}
