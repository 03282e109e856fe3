import { SEAT_BANDS, type PeerLevel } from '../../contracts/profiles/purchase-profile.js';
import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { ordersClean, orderLinesClean } from '../cleaning/views.js';
import type { Dialect } from '../dialects/dialect.js';
import { dateLiteral, lineValue } from '../forecast/order-lines.js';

/** The days a profile statement reads (validated YYYY-MM-DD; they are inlined). */
export interface ProfileDays {
  readonly from: string;
  readonly to: string;
  readonly previousFrom: string;
}

/** One profile statement's input: the surviving customer (its one parameter, $1), the days, the peer level. */
export interface ProfileSqlInput {
  readonly customerId: string;
  readonly days: ProfileDays;
  readonly level: PeerLevel;
}

/** The seat band of a seats expression (SEAT_BANDS; `unknown` without seats). */
export function seatBandSql(seats: string): string {
  const bands = SEAT_BANDS.map((b) =>
    b.below === null ? `ELSE '${b.band}'` : `WHEN ${seats} < ${b.below} THEN '${b.band}'`,
  );
  return `CASE WHEN ${seats} IS NULL THEN 'unknown' ${bands.join(' ')} END`;
}

/** The instant a validated day starts at. */
export const startOf = (d: Dialect, day: string): string => d.startOfDay(dateLiteral(day));

/** `subject`: the customer ($1) with its cuisine, seat band and place. */
export const subjectCte = (d: Dialect): string => `subject AS (
  SELECT customer_id, cuisine, ${seatBandSql('seats')} AS seat_band, city, district
  FROM ${d.quoteIdent('customers_clean')} WHERE customer_id = ${d.param(1)}
)`;

/**
 * `candidates`: every other surviving customer of the subject's cuisine (a customer without one is compared with
 * the others without one), with its seat band and place. Follows subjectCte.
 */
export const candidatesCte = (d: Dialect): string => `candidates AS (
  SELECT c.customer_id, ${seatBandSql('c.seats')} AS seat_band, c.city, c.district
  FROM ${d.quoteIdent('customers_clean')} c
  JOIN subject s ON c.cuisine IS NOT DISTINCT FROM s.cuisine AND c.customer_id <> s.customer_id
)`;

/** Whether candidate `c` is a peer of subject `s` at a level. */
export function peerConditionSql(level: PeerLevel): string {
  switch (level) {
    case 'district':
      return 'c.seat_band = s.seat_band AND c.city = s.city AND c.district = s.district';
    case 'city':
      return 'c.seat_band = s.seat_band AND c.city = s.city';
    case 'cuisine':
      return 'TRUE';
    default:
      return assertUnreachable(level, 'peer level');
  }
}

/**
 * The imported customer ids behind the surviving ids of `relation` (the duplicates merged into them too), for
 * the *_clean views restricted to those customers at the raw tables (where PostgreSQL's indexes serve it).
 */
export const importedIdsBehindSql = (d: Dialect, relation: string): string =>
  `SELECT v.customer_id FROM ${d.quoteIdent('customer_survivors')} v WHERE v.survivor_id IN (SELECT customer_id FROM ${relation})`;

/**
 * `members`: the subject (is_subject) and, with `level`, its peers at that level; `lines`: their completed order
 * lines from the start of `subjectFrom` (the subject's) or `peersFrom` (the peers') to the end of `to`, each with
 * its order, time, SKU, category, quantity, whether discounted, and value (quantity × unit price − discount).
 * Follows subjectCte, and candidatesCte when there is a level. CTE names never shadow a table the *_clean views
 * read (orders, customers…).
 */
export function memberLinesCtes(
  d: Dialect,
  level: PeerLevel | null,
  days: { subjectFrom: string; peersFrom: string; to: string },
): string {
  const ids = importedIdsBehindSql(d, 'members');
  const earliest = days.subjectFrom < days.peersFrom ? days.subjectFrom : days.peersFrom;
  const peers =
    level === null
      ? ''
      : `
  UNION ALL
  SELECT c.customer_id, FALSE FROM candidates c JOIN subject s ON ${peerConditionSql(level)}`;
  return `members AS (
  SELECT customer_id, TRUE AS is_subject FROM subject${peers}
),
lines AS (
  SELECT o.customer_id, m.is_subject, o.order_id, o.ordered_at, l.sku, l.category,
         CAST(l.quantity AS DOUBLE PRECISION) AS quantity, COALESCE(l.discount, 0) > 0 AS discounted,
         ${lineValue('l')} AS value
  FROM (${ordersClean.select(d, ids)}) o
  JOIN members m ON m.customer_id = o.customer_id
  JOIN (${orderLinesClean.select(d, ids)}) l ON l.order_id = o.order_id
  WHERE o.status = 'completed'
    AND o.ordered_at >= ${startOf(d, earliest)}
    AND o.ordered_at < ${startOf(d, addDays(days.to, 1))}
    AND (m.is_subject OR o.ordered_at >= ${startOf(d, days.peersFrom)})
    AND (NOT m.is_subject OR o.ordered_at >= ${startOf(d, days.subjectFrom)})
)`;
}
