import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { orderTransactions } from './order-transactions.js';
import { dateLiteral } from './summary-sql.js';

/**
 * Every scored customer's model scores beside what they actually bought after the as-of date, up to `lastDay`:
 * net revenue and margin (0 without orders). The backtest of tiering models reads it.
 */
export function scoresWithFollowingValueSql(
  d: Dialect,
  modelNames: readonly string[],
  asOf: string,
  lastDay: string,
): SqlQuery {
  const source = orderTransactions(d, lastDay);
  const scores = modelNames.map((m) => `s.${d.quoteIdent(`score_${m}`)}`).join(', ');
  return sql(`SELECT s.customer_id, ${scores},
       COALESCE(a.revenue, 0) AS following_revenue, COALESCE(a.margin, 0) AS following_margin
FROM ${d.quoteIdent(PIPELINE_TABLES.scored)} s
LEFT JOIN (SELECT customer_id, sum(amount) AS revenue, sum(margin) AS margin
           FROM ${source.relation} t WHERE day > ${dateLiteral(asOf)}
           GROUP BY customer_id) a ON a.customer_id = s.customer_id
ORDER BY s.customer_id`);
}
