import { stratumError } from '../../contracts/errors.js';
import type { Engine, Row } from '../../engines/engine.js';
import {
  getDeliverySql,
  listDeliveriesSql,
  requeueDeliverySql,
  type DeliveryStatus,
} from '../../sql/webhooks/deliveries-sql.js';
import { getSubscription } from './subscriptions.js';

/** One row of the delivery log. */
export interface Delivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly eventType: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  /** The JSON body that is (or was) sent. */
  readonly payload: unknown;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const toDelivery = (r: Row): Delivery => ({
  id: String(r.delivery_id),
  subscriptionId: String(r.subscription_id),
  eventType: String(r.event_type),
  status: String(r.status) as DeliveryStatus,
  attempts: Number(r.attempts),
  nextAttemptAt: str(r.next_attempt_at),
  lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
  lastError: str(r.last_error),
  createdAt: String(r.created_at),
  deliveredAt: str(r.delivered_at),
  payload: JSON.parse(String(r.payload)) as unknown,
});

/** A page of a subscription's delivery log, newest first, and the cursor of the next page (null at the end). */
export async function listDeliveries(
  engine: Engine,
  q: {
    subscriptionId: string;
    status?: DeliveryStatus | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ deliveries: Delivery[]; nextCursor: string | null }> {
  await getSubscription(engine, q.subscriptionId);
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  const rows = await engine.all(listDeliveriesSql(engine.dialect, { ...q, after, limit: q.limit + 1 }));
  const deliveries = rows.slice(0, q.limit).map(toDelivery);
  const last = deliveries.at(-1);
  const nextCursor =
    rows.length > q.limit && last ? encodeCursor({ createdAt: last.createdAt, deliveryId: last.id }) : null;
  return { deliveries, nextCursor };
}

function encodeCursor(c: { createdAt: string; deliveryId: string }): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.deliveryId]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; deliveryId: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      !Number.isNaN(Date.parse(parsed[0])) &&
      typeof parsed[1] === 'string'
    )
      return { createdAt: parsed[0], deliveryId: parsed[1] };
  } catch {
    // fall through
  }
  throw stratumError('INVALID_ARGUMENT', 'cursor: not a cursor this API returned', { field: 'cursor' });
}

export async function getDelivery(engine: Engine, id: string): Promise<Delivery> {
  const [row] = await engine.all(getDeliverySql(engine.dialect, id));
  if (!row) throw stratumError('NOT_FOUND', `no webhook delivery ${id}`, { what: 'webhook delivery', id });
  return toDelivery(row);
}

/**
 * Sends a dead delivery again: back to pending, due now, with a fresh count of attempts. The id (and so the
 * Idempotency-Key) stays the same. Only dead deliveries can be retried (409 otherwise).
 */
export async function retryDelivery(engine: Engine, id: string, now: Date): Promise<Delivery> {
  const before = await getDelivery(engine, id);
  if (before.status !== 'dead')
    throw stratumError(
      'CONFLICT',
      `delivery ${id} is ${before.status}; only dead deliveries can be retried`,
      {
        what: 'webhook delivery',
      },
    );
  await engine.run(requeueDeliverySql(engine.dialect, id, now.toISOString()));
  return getDelivery(engine, id);
}
