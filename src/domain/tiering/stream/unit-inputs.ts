import type { InboundEvent } from '../../../contracts/events/inbound.js';
import type { StaticFeature } from '../../../contracts/tiering/static-features.js';
import type { FeatureWindows } from '../../../contracts/tiering/feature-params.js';
import { toFen } from '../../../contracts/fen.js';
import { isoDateIn, startOfDayUtcMs } from '../../../contracts/time/zoned-time.js';
import {
  appendOrderId,
  indexOfOrderId,
  insertOrderId,
  removeOrderId,
  type OrderIdList,
} from './order-id-list.js';

/**
 * What the order stream keeps of each unit between events so that an event updates its features without reading
 * the database again: the rows the features of featuresSql are made of, as of one day. Money is in fen (integers,
 * so that sums are exact like the engines' DECIMAL sums); instants are epoch milliseconds; days are YYYY-MM-DD.
 */

/**
 * A completed order of the order scan (docs/features.md), with its refunds booked before the cutoff. A customer's
 * orders are kept in time order; their ids are in the customer's `orderIds`, in the same order.
 */
export interface InputOrder {
  readonly at: number;
  readonly amount: number;
  readonly margin: number | null;
  readonly refunded: number;
}

/** An invoice issued by the as-of date. */
export interface InputInvoice {
  readonly invoiceId: string;
  readonly dueDate: string;
  readonly amount: number;
  readonly paidDate: string | null;
  readonly paidAmount: number | null;
}

/** A dispute opened by the as-of date. */
export interface InputDispute {
  readonly disputeId: string;
  readonly openedDate: string;
  readonly closedDate: string | null;
  readonly status: string;
}

/** One surviving customer's rows (merged duplicates' rows included). */
export interface CustomerInputs {
  readonly customerId: string;
  /** Start of the earliest active contract's counted period; null without an active contract. */
  readonly contractFrom: number | null;
  /** The last completed order before the scan. */
  readonly earlierLastAt: number | null;
  readonly complaintsLong: number;
  readonly severeLong: number;
  readonly orders: readonly InputOrder[];
  /** The ids of `orders`, position for position. */
  readonly orderIds: OrderIdList;
  readonly invoices: readonly InputInvoice[];
  readonly disputes: readonly InputDispute[];
}

/** A unit (a customer, or a chain with `unit: chain`): its static features and attributes, and its customers' rows. */
export interface UnitInputs {
  readonly unitId: string;
  readonly statics: Readonly<Record<StaticFeature, number | null>>;
  /** The pooled commitment due so far of its active contracts (contract_expected), as a double. */
  readonly contractExpected: number | null;
  readonly attributes: Readonly<Record<string, string | null>>;
  readonly customers: readonly CustomerInputs[];
}

/** The window bounds of one as-of day, as days and as the instants they start at in the business time zone. */
export interface InputWindows extends FeatureWindows {
  readonly timeZone: string;
  readonly longDays: number;
  readonly scanStartAt: number;
  readonly longStartAt: number;
  readonly shortStartAt: number;
  readonly previousStartAt: number;
  readonly hindsightEndAt: number;
  readonly cutoffAt: number;
}

export function inputWindows(w: FeatureWindows, longDays: number, timeZone: string): InputWindows {
  const at = (day: string) => startOfDayUtcMs(timeZone, day);
  return {
    ...w,
    timeZone,
    longDays,
    scanStartAt: at(w.scanStart),
    longStartAt: at(w.longStart),
    shortStartAt: at(w.shortStart),
    previousStartAt: at(w.previousStart),
    hindsightEndAt: at(w.hindsightEnd),
    cutoffAt: at(w.cutoff),
  };
}

/** The customer with one more order, still in time order (a new order usually goes last). */
function withOrder(c: CustomerInputs, orderId: string, order: InputOrder): CustomerInputs {
  const { orders } = c;
  let i = orders.length;
  while (i > 0 && orders[i - 1]!.at > order.at) i -= 1;
  return {
    ...c,
    orders: [...orders.slice(0, i), order, ...orders.slice(i)],
    orderIds:
      i === orders.length ? appendOrderId(c.orderIds, orderId) : insertOrderId(c.orderIds, i, orderId),
  };
}

/**
 * The customer's rows after an applied event, exactly as the rows the event wrote would be read back (the event's
 * writes are in src/sql/stream/apply-event-sql.ts), or `reload` when that needs the database: a change of master
 * data, or the cancellation of an order outside the scan that may have been the customer's last.
 */
export function applyEventToInputs(
  c: CustomerInputs,
  e: InboundEvent,
  w: InputWindows,
): CustomerInputs | 'reload' {
  const at = Date.parse(e.occurredAt);
  switch (e.type) {
    case 'order.created': {
      const orderedAt = Date.parse(e.data.orderedAt);
      if (e.data.status !== 'completed' || orderedAt >= w.cutoffAt) return c;
      if (orderedAt < w.scanStartAt)
        return { ...c, earlierLastAt: Math.max(c.earlierLastAt ?? orderedAt, orderedAt) };
      return withOrder(c, e.data.orderId, {
        at: orderedAt,
        amount: toFen(e.data.amount),
        margin: e.data.grossMargin === undefined ? null : toFen(e.data.grossMargin),
        refunded: 0,
      });
    }
    case 'order.cancelled': {
      const i = indexOfOrderId(c.orderIds, e.data.orderId);
      if (i >= 0)
        return {
          ...c,
          orders: c.orders.filter((_, j) => j !== i),
          orderIds: removeOrderId(c.orderIds, i),
        };
      return c.earlierLastAt === null ? c : 'reload';
    }
    case 'refund.created': {
      if (at >= w.cutoffAt) return c;
      const i = indexOfOrderId(c.orderIds, e.data.orderId);
      if (i < 0) return c;
      const amount = toFen(e.data.amount);
      return {
        ...c,
        orders: c.orders.map((o, j) => (j === i ? { ...o, refunded: o.refunded + amount } : o)),
      };
    }
    case 'payment.received':
      return {
        ...c,
        invoices: c.invoices.map((i) =>
          i.invoiceId === e.data.invoiceId
            ? { ...i, paidDate: e.data.paidDate, paidAmount: (i.paidAmount ?? 0) + toFen(e.data.amount) }
            : i,
        ),
      };
    case 'invoice.overdue':
      return c;
    case 'complaint.filed':
      return at >= w.longStartAt && at < w.cutoffAt
        ? {
            ...c,
            complaintsLong: c.complaintsLong + 1,
            severeLong: c.severeLong + (e.data.severity === 'high' ? 1 : 0),
          }
        : c;
    case 'dispute.opened': {
      const openedDate = isoDateIn(w.timeZone, at);
      if (openedDate > w.asOf) return c;
      const dispute = { disputeId: e.data.disputeId, openedDate, closedDate: null, status: 'open' };
      return { ...c, disputes: [...c.disputes, dispute] };
    }
    case 'dispute.closed':
      return {
        ...c,
        disputes: c.disputes.map((x) =>
          x.disputeId === e.data.disputeId
            ? { ...x, status: e.data.outcome, closedDate: isoDateIn(w.timeZone, at) }
            : x,
        ),
      };
    case 'customer.updated':
      return 'reload';
  }
}

/** A unit's rows after its customers' events (by surviving customer, in order), or `reload` if one needs the database. */
export function applyEventsToUnit(
  unit: UnitInputs,
  eventsOf: ReadonlyMap<string, readonly InboundEvent[]>,
  w: InputWindows,
): UnitInputs | 'reload' {
  const customers: CustomerInputs[] = [];
  for (const customer of unit.customers) {
    let c: CustomerInputs | 'reload' = customer;
    for (const e of eventsOf.get(customer.customerId) ?? [])
      if (c !== 'reload') c = applyEventToInputs(c, e, w);
    if (c === 'reload') return 'reload';
    customers.push(c);
  }
  return { ...unit, customers };
}
