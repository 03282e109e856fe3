import {
  FREQUENCY_PERIOD_DAYS,
  GROWTH_MIN_BASE,
  REPURCHASE_DAYS,
} from '../../../contracts/tiering/feature-params.js';
import type { AttributeName, FeatureName, FeatureVector } from '../../../contracts/tiering/features.js';
import { daysBetween } from '../../../contracts/time/iso-date.js';
import { isoDateIn } from '../../../contracts/time/zoned-time.js';
import type { DynamicFeature } from '../../../contracts/tiering/static-features.js';
import type { CustomerInputs, InputWindows, UnitInputs } from './unit-inputs.js';

/**
 * The parts of featuresSql's customer_parts that events change, per customer and, added up (CHAIN_COMBINE: sums,
 * the latest last order, the oldest overdue due date), per unit. Money in fen; NULL as null.
 */
interface DynamicParts {
  lastAt: number | null;
  ordersLong: number;
  ordersShort: number;
  grossLong: number;
  refundedLong: number;
  netShort: number;
  netPrevious: number | null;
  marginLong: number | null;
  repeatBase: number;
  repeatHits: number;
  contractPurchases: number | null;
  invoicesDue: number;
  invoicesOnTime: number;
  overdueAmount: number;
  oldestOverdueDue: string | null;
  complaintsLong: number;
  severeLong: number;
  disputesOpen: number;
  disputesLong: number;
}

const REPURCHASE_MS = REPURCHASE_DAYS * 86_400_000;

/** SQL's sum(): null over no values. */
const addNullable = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : a + b;
const pick = <T>(a: T | null, b: T | null, better: (x: T, y: T) => boolean): T | null =>
  a === null ? b : b === null ? a : better(b, a) ? b : a;

/** order_parts, earlier_order, invoice_parts, complaint_parts and dispute_parts of one customer. */
function customerParts(c: CustomerInputs, w: InputWindows): DynamicParts {
  const orders = c.orders;
  let lastAt: number | null = null;
  let ordersLong = 0;
  let ordersShort = 0;
  let grossLong = 0;
  let refundedLong = 0;
  let netShort = 0;
  let netPrevious: number | null = null;
  let marginLong: number | null = null;
  let repeatBase = 0;
  let repeatHits = 0;
  let contractPurchases: number | null = null;
  // A plain loop: this runs over every held order of a unit at each of its decisions (the worker's hottest loop).
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i]!;
    const net = o.amount - o.refunded;
    lastAt = lastAt === null ? o.at : Math.max(lastAt, o.at);
    if (o.at >= w.longStartAt) {
      ordersLong += 1;
      grossLong += o.amount;
      refundedLong += o.refunded;
      marginLong = addNullable(marginLong, o.margin);
      if (o.at < w.hindsightEndAt) {
        repeatBase += 1;
        const next = orders[i + 1];
        if (next !== undefined && next.at - o.at <= REPURCHASE_MS) repeatHits += 1;
      }
    }
    if (o.at >= w.shortStartAt) {
      ordersShort += 1;
      netShort += net;
    }
    if (o.at >= w.previousStartAt && o.at < w.shortStartAt) netPrevious = (netPrevious ?? 0) + net;
    if (c.contractFrom !== null && o.at >= c.contractFrom) contractPurchases = (contractPurchases ?? 0) + net;
  }

  let invoicesDue = 0;
  let invoicesOnTime = 0;
  let overdueAmount = 0;
  let oldestOverdueDue: string | null = null;
  for (const i of c.invoices) {
    if (i.dueDate >= w.longStart && i.dueDate <= w.asOf) {
      invoicesDue += 1;
      if (i.paidDate !== null && i.paidDate <= i.dueDate && (i.paidAmount ?? i.amount) >= i.amount)
        invoicesOnTime += 1;
    }
    const paid = i.paidDate !== null && i.paidDate <= w.asOf ? (i.paidAmount ?? i.amount) : 0;
    const outstanding = i.amount - paid;
    if (i.dueDate < w.asOf && outstanding > 0) {
      overdueAmount += outstanding;
      oldestOverdueDue = pick(oldestOverdueDue, i.dueDate, (x, y) => x < y);
    }
  }

  let disputesOpen = 0;
  let disputesLong = 0;
  for (const x of c.disputes) {
    if ((x.closedDate !== null && x.closedDate > w.asOf) || (x.closedDate === null && x.status === 'open'))
      disputesOpen += 1;
    if (x.openedDate >= w.longStart) disputesLong += 1;
  }

  return {
    lastAt: lastAt ?? c.earlierLastAt,
    ordersLong,
    ordersShort,
    grossLong,
    refundedLong,
    netShort,
    netPrevious,
    marginLong: ordersLong > 0 ? marginLong : 0,
    repeatBase,
    repeatHits,
    contractPurchases: c.contractFrom === null ? null : (contractPurchases ?? 0),
    invoicesDue,
    invoicesOnTime,
    overdueAmount,
    oldestOverdueDue,
    complaintsLong: c.complaintsLong,
    severeLong: c.severeLong,
    disputesOpen,
    disputesLong,
  };
}

function combine(a: DynamicParts, b: DynamicParts): DynamicParts {
  return {
    lastAt: pick(a.lastAt, b.lastAt, (x, y) => x > y),
    ordersLong: a.ordersLong + b.ordersLong,
    ordersShort: a.ordersShort + b.ordersShort,
    grossLong: a.grossLong + b.grossLong,
    refundedLong: a.refundedLong + b.refundedLong,
    netShort: a.netShort + b.netShort,
    netPrevious: addNullable(a.netPrevious, b.netPrevious),
    marginLong: addNullable(a.marginLong, b.marginLong),
    repeatBase: a.repeatBase + b.repeatBase,
    repeatHits: a.repeatHits + b.repeatHits,
    contractPurchases: addNullable(a.contractPurchases, b.contractPurchases),
    invoicesDue: a.invoicesDue + b.invoicesDue,
    invoicesOnTime: a.invoicesOnTime + b.invoicesOnTime,
    overdueAmount: a.overdueAmount + b.overdueAmount,
    oldestOverdueDue: pick(a.oldestOverdueDue, b.oldestOverdueDue, (x, y) => x < y),
    complaintsLong: a.complaintsLong + b.complaintsLong,
    severeLong: a.severeLong + b.severeLong,
    disputesOpen: a.disputesOpen + b.disputesOpen,
    disputesLong: a.disputesLong + b.disputesLong,
  };
}

const yuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);
/** SQL's `x / NULLIF(y, 0)` over doubles. */
const ratio = (x: number | null, y: number | null): number | null =>
  x === null || y === null || y === 0 ? null : x / y;

/**
 * The features events change, with featureExpressions' arithmetic in the same order (each operand cast to a
 * double first), so that they are the same doubles the engines compute.
 */
function dynamicFeatures(
  u: DynamicParts,
  contractExpected: number | null,
  w: InputWindows,
): Record<DynamicFeature, number | null> {
  const lastDay = u.lastAt === null ? null : isoDateIn(w.timeZone, u.lastAt);
  return {
    recency_days: lastDay === null ? null : daysBetween(lastDay, w.asOf),
    orders: u.ordersLong,
    orders_recent: u.ordersShort,
    frequency: (u.ordersLong * FREQUENCY_PERIOD_DAYS) / w.longDays,
    monetary: yuan(u.grossLong - u.refundedLong),
    monetary_recent: yuan(u.netShort),
    margin: yuan(u.marginLong),
    aov: ratio(yuan(u.grossLong), u.ordersLong),
    repurchase_rate: ratio(u.repeatHits, u.repeatBase),
    return_rate: ratio(yuan(u.refundedLong), yuan(u.grossLong)),
    contract_fulfilment: ratio(yuan(u.contractPurchases), contractExpected),
    growth:
      u.netPrevious !== null && u.netPrevious >= GROWTH_MIN_BASE * 100
        ? (yuan(u.netShort) as number) / (yuan(u.netPrevious) as number) - 1
        : null,
    on_time_payment_rate: ratio(u.invoicesOnTime, u.invoicesDue),
    days_past_due: u.oldestOverdueDue === null ? 0 : daysBetween(u.oldestOverdueDue, w.asOf),
    overdue_amount: yuan(u.overdueAmount),
    // 100 * x / y, evaluated left to right as in SQL.
    complaint_rate: ratio(100 * u.complaintsLong, u.ordersLong),
    severe_complaints: u.severeLong,
    disputes_open: u.disputesOpen,
    disputes: u.disputesLong,
  };
}

/**
 * A unit's features and attributes (as featuresSql computes them: its row of tiering_features), computed from its
 * inputs, with the model outputs `carried` over from the run: what the order stream decides on after each event.
 */
export function unitFeatureVector(
  unit: UnitInputs,
  w: InputWindows,
  carried: Readonly<Partial<Record<FeatureName, number | null>>> = {},
): FeatureVector {
  const [first, ...rest] = unit.customers.map((c) => customerParts(c, w));
  if (first === undefined) throw new Error(`unit ${unit.unitId} has no customer`);
  const attributes = unit.attributes as Readonly<Record<AttributeName, string | null>>;
  return {
    customerId: unit.unitId,
    ...unit.statics,
    ...dynamicFeatures(rest.reduce(combine, first), unit.contractExpected, w),
    ...carried,
    ...attributes,
  };
}
