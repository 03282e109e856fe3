import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { memberLinesCtes, subjectCte, type ProfileDays } from './profile-members-sql.js';

/** How many SKUs a profile lists. */
export const FAVOURITE_SKUS = 10;

/**
 * The customer's SKUs of the largest net amount in the window, with their category, net amount, orders,
 * quantity and the day last bought; ties by SKU.
 */
export function favouriteSkusSql(d: Dialect, customerId: string, days: ProfileDays): SqlQuery {
  return sql(
    `WITH ${subjectCte(d)},
${memberLinesCtes(d, null, { subjectFrom: days.from, peersFrom: days.from, to: days.to })}
SELECT sku, max(category) AS category, sum(value) AS amount, count(DISTINCT order_id) AS orders,
       sum(quantity) AS quantity, max(${d.dateOf('ordered_at')}) AS last_bought
FROM lines
GROUP BY sku
ORDER BY amount DESC, sku
LIMIT ${FAVOURITE_SKUS}`,
    [customerId],
  );
}
