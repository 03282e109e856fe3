import type { Dialect } from '../dialects/dialect.js';
import { double } from '../features/context.js';
import { sql, type SqlQuery } from '../query.js';
import { candidatesCte, memberLinesCtes, subjectCte, type ProfileSqlInput } from './profile-members-sql.js';

/**
 * Order figures in the window: a row `who = 'subject'` with the customer's (none without orders) and a row
 * `who = 'peers'` with the peers' means of theirs (NULLs without peers): orders, lines, net amount (`value`),
 * lines, net amount and distinct categories per order, the share of lines discounted and of the net amount
 * bought on discount.
 */
export function orderStatsSql(d: Dialect, input: ProfileSqlInput): SqlQuery {
  const { days } = input;
  const f = (expr: string) => double(d, expr);
  return sql(
    `WITH ${subjectCte(d)},
${candidatesCte(d)},
${memberLinesCtes(d, input.level, { subjectFrom: days.from, peersFrom: days.from, to: days.to })},
per_order AS (
  SELECT customer_id, is_subject, order_id, count(*) AS lines, count(DISTINCT category) AS categories,
         sum(value) AS value,
         sum(CASE WHEN discounted THEN 1 ELSE 0 END) AS discounted_lines,
         sum(CASE WHEN discounted THEN value ELSE 0 END) AS discounted_value
  FROM lines GROUP BY customer_id, is_subject, order_id
),
per_customer AS (
  SELECT customer_id, is_subject, ${f('count(*)')} AS orders, ${f('sum(lines)')} AS lines, sum(value) AS value,
         avg(${f('lines')}) AS avg_lines, avg(value) AS avg_amount, avg(${f('categories')}) AS avg_categories,
         ${f('sum(discounted_lines)')} / ${f('sum(lines)')} AS discounted_line_share,
         CASE WHEN sum(value) > 0 THEN sum(discounted_value) / sum(value) END AS discounted_amount_share
  FROM per_order GROUP BY customer_id, is_subject
)
SELECT 'subject' AS who, orders, lines, value, avg_lines, avg_amount, avg_categories, discounted_line_share,
       discounted_amount_share
FROM per_customer WHERE is_subject
UNION ALL
SELECT 'peers', avg(orders), avg(lines), avg(value), avg(avg_lines), avg(avg_amount), avg(avg_categories),
       avg(discounted_line_share), avg(discounted_amount_share)
FROM per_customer WHERE NOT is_subject`,
    [input.customerId],
  );
}
