import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * Pending deliveries due at `now` (next_attempt_at ≤ now) of enabled subscriptions, oldest due first, with what
 * sending needs: the URL and the secret.
 */
export function dueDeliveriesSql(d: Dialect, now: string, limit: number): SqlQuery {
  return sql(
    `SELECT w.delivery_id, w.event_type, w.payload, w.attempts, s.url, s.secret
     FROM webhook_deliveries w JOIN webhook_subscriptions s ON s.subscription_id = w.subscription_id
     WHERE w.status = 'pending' AND s.enabled AND w.next_attempt_at <= CAST(${d.param(1)} AS TIMESTAMPTZ)
     ORDER BY w.next_attempt_at, w.created_at, w.delivery_id
     LIMIT ${d.param(2)}`,
    [now, limit],
  );
}

export interface AttemptOutcome {
  readonly deliveryId: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** Null once delivered or dead. */
  readonly nextAttemptAt: string | null;
  readonly statusCode: number | null;
  readonly error: string | null;
  /** Set when delivered. */
  readonly deliveredAt: string | null;
}

export function recordAttemptSql(d: Dialect, o: AttemptOutcome): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `UPDATE webhook_deliveries SET status = ${p(2)}, attempts = ${p(3)},
       next_attempt_at = CAST(${p(4)} AS TIMESTAMPTZ), last_status_code = CAST(${p(5)} AS INTEGER),
       last_error = ${p(6)}, delivered_at = CAST(${p(7)} AS TIMESTAMPTZ)
     WHERE delivery_id = ${p(1)}`,
    [o.deliveryId, o.status, o.attempts, o.nextAttemptAt, o.statusCode, o.error, o.deliveredAt],
  );
}

const DELIVERY_COLUMNS = `delivery_id, subscription_id, event_type, payload, status, attempts, next_attempt_at,
  last_status_code, last_error, created_at, delivered_at`;

export interface DeliveryFilter {
  readonly subscriptionId: string;
  readonly status?: DeliveryStatus | undefined;
  readonly limit: number;
  /** Keyset cursor: the created_at and delivery_id of the last row of the previous page. */
  readonly after?: { readonly createdAt: string; readonly deliveryId: string } | undefined;
}

/** A subscription's delivery log, newest first. */
export function listDeliveriesSql(d: Dialect, f: DeliveryFilter): SqlQuery {
  const params: (string | number)[] = [];
  const add = (v: string | number) => {
    params.push(v);
    return d.param(params.length);
  };
  const where = [`subscription_id = ${add(f.subscriptionId)}`];
  if (f.status !== undefined) where.push(`status = ${add(f.status)}`);
  if (f.after !== undefined)
    where.push(
      `(created_at < CAST(${add(f.after.createdAt)} AS TIMESTAMPTZ) OR (created_at = CAST(${add(f.after.createdAt)} AS TIMESTAMPTZ) AND delivery_id < ${add(f.after.deliveryId)}))`,
    );
  return sql(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE ${where.join(' AND ')}
     ORDER BY created_at DESC, delivery_id DESC LIMIT ${add(f.limit)}`,
    params,
  );
}

export const getDeliverySql = (d: Dialect, deliveryId: string): SqlQuery =>
  sql(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE delivery_id = ${d.param(1)}`, [deliveryId]);

/** Puts a dead delivery back in the queue, due now, with a fresh count of attempts (same id, same key). */
export function requeueDeliverySql(d: Dialect, deliveryId: string, now: string): SqlQuery {
  return sql(
    `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = CAST(${d.param(2)} AS TIMESTAMPTZ)
     WHERE delivery_id = ${d.param(1)} AND status = 'dead'`,
    [deliveryId, now],
  );
}
