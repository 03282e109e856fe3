import type { InboundEvent } from '../src/contracts/events/inbound.js';
import { parseEvent } from '../src/contracts/events/parse.js';
import { isoDateIn } from '../src/contracts/time/zoned-time.js';
import { Rng } from '../src/domain/generation/prng.js';
import type { Engine } from '../src/engines/engine.js';
import { BENCH_TZ } from './tiering-data.js';

/** Every id the benchmark makes starts with this, so that what a run added can be found and deleted again. */
export const BENCH_ID_PREFIX = 'BENCH-';

/** The customers events are about, with one order (to refund) and one invoice (to pay) of those who have one. */
export interface EventPool {
  readonly customers: readonly string[];
  readonly orders: readonly { readonly customerId: string; readonly orderId: string }[];
  readonly invoices: readonly { readonly customerId: string; readonly invoiceId: string }[];
}

/** The invoices payments go to: each customer's first (the PostgreSQL half restores these after a run). */
export const POOL_INVOICES_SQL = 'SELECT min(invoice_id) FROM invoices GROUP BY customer_id';

export async function loadEventPool(engine: Engine): Promise<EventPool> {
  const customers = await engine.all('SELECT customer_id FROM customers ORDER BY customer_id');
  const orders = await engine.all(
    `SELECT customer_id, min(order_id) AS id FROM orders WHERE status = 'completed' GROUP BY customer_id ORDER BY customer_id`,
  );
  const invoices = await engine.all(
    `SELECT customer_id, invoice_id AS id FROM invoices WHERE invoice_id IN (${POOL_INVOICES_SQL}) ORDER BY customer_id`,
  );
  return {
    customers: customers.map((r) => String(r.customer_id)),
    orders: orders.map((r) => ({ customerId: String(r.customer_id), orderId: String(r.id) })),
    invoices: invoices.map((r) => ({ customerId: String(r.customer_id), invoiceId: String(r.id) })),
  };
}

/** The share of each kind of event (the rest are orders). */
export const EVENT_MIX = { payment: 0.08, refund: 0.06, complaint: 0.06 } as const;

const CATEGORIES = ['quality', 'delivery', 'billing', 'service', 'other'] as const;
const SEVERITIES = ['low', 'medium', 'high'] as const;

const money = (rng: Rng, lo: number, hi: number) => Math.round(rng.range(lo, hi) * 100) / 100;

/**
 * `count` events over uniformly random customers, ~80 % order.created and the rest payments, refunds and complaints
 * (EVENT_MIX), with ids `BENCH-<tag>-…`, occurring now. Built before the clock starts, so that the publisher only
 * publishes.
 */
export function benchEvents(pool: EventPool, count: number, tag: string, seed: number): InboundEvent[] {
  const rng = new Rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)] as T;
  const occurredAt = new Date().toISOString();
  const today = isoDateIn(BENCH_TZ, Date.now());
  const events: InboundEvent[] = [];
  for (let n = 0; n < count; n++) {
    const id = `${BENCH_ID_PREFIX}${tag}-${n}`;
    const draw = rng.next();
    let input: Record<string, unknown>;
    if (draw < EVENT_MIX.payment) {
      const { customerId, invoiceId } = pick(pool.invoices);
      const data = { invoiceId, amount: money(rng, 100, 2000), paidDate: today };
      input = { type: 'payment.received', customerId, data };
    } else if (draw < EVENT_MIX.payment + EVENT_MIX.refund) {
      const { customerId, orderId } = pick(pool.orders);
      const data = { refundId: `${id}-R`, orderId, amount: money(rng, 10, 200), reason: '质量问题' };
      input = { type: 'refund.created', customerId, data };
    } else if (draw < EVENT_MIX.payment + EVENT_MIX.refund + EVENT_MIX.complaint) {
      const data = { complaintId: `${id}-C`, category: pick(CATEGORIES), severity: pick(SEVERITIES) };
      input = { type: 'complaint.filed', customerId: pick(pool.customers), data };
    } else {
      const amount = money(rng, 50, 3000);
      const data = { orderId: `${id}-O`, amount, grossMargin: Math.round(amount * 15) / 100 };
      input = { type: 'order.created', customerId: pick(pool.customers), data };
    }
    const parsed = parseEvent({ id, occurredAt, ...input });
    if (!parsed.ok) throw new Error(`benchmark event ${id}: ${parsed.reason}`);
    events.push(parsed.event);
  }
  return events;
}
