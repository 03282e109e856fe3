import type { InboundEvent } from '../../../src/contracts/events/inbound.js';
import { parseEvent } from '../../../src/contracts/events/parse.js';
import { pad } from '../../../src/contracts/time/zoned-time.js';
import { Rng } from '../../../src/domain/generation/prng.js';
import { partitionOf } from '../../../src/stream/subjects.js';
import { malformedMessages, type Malformed } from './malformed-messages.js';
import type { StreamTargets } from './stream-targets.js';

/** One message of the planned stream: a valid event (applied or rejected by the data), or malformed bytes. */
export type StreamMessage = { readonly kind: 'event'; readonly event: InboundEvent } | Malformed;

export interface PlannedStream {
  /** In publish order. */
  readonly messages: readonly StreamMessage[];
  /** The valid events, in publish order. */
  readonly events: readonly InboundEvent[];
  /** Ids of the valid events that do not fit the data (unknown customer, another's order…): logged as rejected. */
  readonly rejected: ReadonlySet<string>;
}

export interface PlanOptions {
  readonly seed: number;
  /** Valid events (applied and rejected); the malformed messages come on top. */
  readonly events: number;
  /** The day every event happens (YYYY-MM-DD in Asia/Shanghai): the worker's as-of day. */
  readonly day: string;
  /** The stream's partitions, to spread the events evenly over them. */
  readonly partitions: number;
}

const REJECT_EVERY = 100;
const CHANNELS = ['app', 'mini_program', 'phone', 'sales_rep', 'web'] as const;
const CATEGORIES = ['quality', 'delivery', 'billing', 'service', 'other'] as const;
const SEVERITIES = ['low', 'medium', 'high'] as const;
const OUTCOMES = ['settled', 'won', 'lost'] as const;

function event(input: Record<string, unknown>): InboundEvent {
  const parsed = parseEvent(input);
  if (!parsed.ok) throw new Error(`planned event ${String(input.id)} is invalid: ${parsed.reason}`);
  return parsed.event;
}

const cents = (value: number) => Math.round(value * 100) / 100;
/** A positive amount of money: refunds must be above zero. */
const money = (value: number) => Math.max(0.01, cents(value));

/**
 * A deterministic stream over the prepared data: mostly new orders (ids increasing), refunds of those orders,
 * payments of unpaid invoices, complaints, disputes opened and closed, order cancellations, overdue notices and
 * master-data updates; one event in a hundred does not fit the data (rejected), and a dozen malformed messages
 * are spread through it (dead-lettered). A customer's dependent events (a refund of its new order, the closing of
 * its dispute) come after what they depend on, and no event depends on another customer's, so the outcome of
 * each event is the same however the partitions interleave.
 */
export function planEventStream(targets: StreamTargets, options: PlanOptions): PlannedStream {
  const rng = new Rng(options.seed, 7);
  // A partition's events are applied one after the other, so the stream lasts as long as its busiest partition:
  // a customer is drawn partition first, which gives every partition a similar share.
  const byPartition = new Map<number, string[]>();
  for (const c of targets.customers) {
    const p = partitionOf(c, options.partitions);
    byPartition.set(p, [...(byPartition.get(p) ?? []), c]);
  }
  const partitions = [...byPartition.values()];
  const ordersOf = new Map<string, { orderId: string; amount: number }[]>();
  const ordered: { orderId: string; customerId: string; amount: number }[] = [];
  const unpaid = targets.unpaidInvoices.map((i) => ({ ...i, due: i.amount }));
  const open = targets.openDisputes.map((d) => ({ ...d }));
  const events: InboundEvent[] = [];
  const rejected = new Set<string>();
  let orderNo = 0;

  for (let i = 0; i < options.events; i++) {
    const seconds = 8 * 3600 + i;
    const envelope = {
      id: `kill-${pad(i, 5)}`,
      occurredAt: `${options.day}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}+08:00`,
    };
    const customerId = rng.pick(rng.pick(partitions));
    const newOrder = () => {
      orderNo += 1;
      const orderId = `KILL-SO-${pad(orderNo, 6)}`;
      const amount = money(rng.lognormal(400, 0.8));
      ordersOf.set(customerId, [...(ordersOf.get(customerId) ?? []), { orderId, amount }]);
      ordered.push({ orderId, customerId, amount });
      return event({
        ...envelope,
        type: 'order.created',
        customerId,
        data: {
          orderId,
          amount,
          grossMargin: cents(amount * rng.range(-0.05, 0.3)),
          channel: rng.pick(CHANNELS),
        },
      });
    };

    if (i % REJECT_EVERY === REJECT_EVERY / 2) {
      const misfit = misfitEvent(targets, rng, envelope, customerId, i / REJECT_EVERY);
      events.push(misfit);
      rejected.add(misfit.id);
      continue;
    }
    const r = rng.next();
    if (r < 0.62 || (r < 0.7 && ordered.length === 0)) events.push(newOrder());
    else if (r < 0.7) {
      const order = rng.pick(ordered);
      events.push(
        event({
          ...envelope,
          type: 'refund.created',
          customerId: order.customerId,
          data: {
            refundId: `KILL-RF-${pad(i, 5)}`,
            orderId: order.orderId,
            amount: money(order.amount * rng.range(0.05, 0.5)),
            reason: rng.pick(['质量问题', '少送', '取消']),
          },
        }),
      );
    } else if (r < 0.77 && unpaid.length > 0) {
      const k = rng.int(0, unpaid.length - 1);
      const invoice = unpaid[k]!;
      const inFull = rng.chance(0.5) || invoice.due < 1;
      const amount = inFull ? invoice.due : cents(invoice.due / 2);
      if (inFull) unpaid.splice(k, 1);
      else invoice.due = cents(invoice.due - amount);
      events.push(
        event({
          ...envelope,
          type: 'payment.received',
          customerId: invoice.customerId,
          data: { invoiceId: invoice.invoiceId, amount, paidDate: options.day },
        }),
      );
    } else if (r < 0.85)
      events.push(
        event({
          ...envelope,
          type: 'complaint.filed',
          customerId,
          data: {
            complaintId: `KILL-TS-${pad(i, 5)}`,
            category: rng.pick(CATEGORIES),
            severity: rng.pick(SEVERITIES),
          },
        }),
      );
    else if (r < 0.88) {
      const disputeId = `KILL-LD-${pad(i, 5)}`;
      open.push({ disputeId, customerId });
      events.push(
        event({
          ...envelope,
          type: 'dispute.opened',
          customerId,
          data: { disputeId, amount: money(rng.lognormal(3000, 1)) },
        }),
      );
    } else if (r < 0.91 && open.length > 0) {
      const [dispute] = open.splice(rng.int(0, open.length - 1), 1);
      events.push(
        event({
          ...envelope,
          type: 'dispute.closed',
          customerId: dispute!.customerId,
          data: { disputeId: dispute!.disputeId, outcome: rng.pick(OUTCOMES) },
        }),
      );
    } else if (r < 0.93 && (ordersOf.get(customerId)?.length ?? 0) > 0)
      events.push(
        event({
          ...envelope,
          type: 'order.cancelled',
          customerId,
          data: { orderId: rng.pick(ordersOf.get(customerId)!).orderId },
        }),
      );
    else if (r < 0.95 && targets.unpaidInvoices.length > 0) {
      const invoice = rng.pick(targets.unpaidInvoices);
      events.push(
        event({
          ...envelope,
          type: 'invoice.overdue',
          customerId: invoice.customerId,
          data: { invoiceId: invoice.invoiceId, dueDate: options.day, amount: invoice.amount },
        }),
      );
    } else if (r < 0.98) {
      const region = rng.chance(0.3) ? rng.pick(targets.regions) : {};
      events.push(
        event({
          ...envelope,
          type: 'customer.updated',
          customerId,
          data: {
            phone: `139${pad(rng.int(0, 99_999_999), 8)}`,
            contactName: rng.pick(['王伟', '李娜', '张敏', '刘洋']),
            seats: rng.int(10, 200),
            ...region,
          },
        }),
      );
    } else events.push(newOrder());
  }
  return {
    messages: withMalformed(events, malformedMessages(events[0]!, options.partitions)),
    events,
    rejected,
  };
}

/** An event that is valid but does not fit the data, of six kinds in turn. */
function misfitEvent(
  targets: StreamTargets,
  rng: Rng,
  envelope: { readonly id: string; readonly occurredAt: string },
  customerId: string,
  n: number,
): InboundEvent {
  const another = <T extends { customerId: string }>(rows: readonly T[]) =>
    rng.pick(rows.filter((r) => r.customerId !== customerId));
  switch (n % 6) {
    case 0:
      return event({
        ...envelope,
        type: 'order.created',
        customerId: `CX${pad(n, 6)}`,
        data: { orderId: `KILL-SO-X${pad(n, 4)}`, amount: 100 },
      });
    case 1:
      return event({
        ...envelope,
        type: 'refund.created',
        customerId,
        data: {
          refundId: `KILL-RF-X${pad(n, 4)}`,
          orderId: another(targets.existingOrders).orderId,
          amount: 10,
        },
      });
    case 2:
      return event({
        ...envelope,
        type: 'payment.received',
        customerId,
        data: { invoiceId: another(targets.unpaidInvoices).invoiceId, amount: 10, paidDate: '2020-01-01' },
      });
    case 3:
      return event({
        ...envelope,
        type: 'order.created',
        customerId,
        data: { orderId: rng.pick(targets.existingOrders).orderId, amount: 100 },
      });
    case 4:
      return event({
        ...envelope,
        type: 'dispute.closed',
        customerId,
        data: { disputeId: `KILL-LD-X${pad(n, 4)}`, outcome: 'won' },
      });
    default:
      return event({
        ...envelope,
        type: 'customer.updated',
        customerId,
        data: { city: '亚特兰蒂斯', district: '无名区' },
      });
  }
}

/** The malformed messages spread evenly through the events. */
function withMalformed(events: readonly InboundEvent[], malformed: readonly Malformed[]): StreamMessage[] {
  const messages: StreamMessage[] = [];
  let next = 0;
  events.forEach((e, i) => {
    while (next < malformed.length && i >= ((next + 0.5) * events.length) / malformed.length)
      messages.push(malformed[next++]!);
    messages.push({ kind: 'event', event: e });
  });
  return messages;
}
