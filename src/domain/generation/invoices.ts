import { firstOfMonth, weekday, yearMonth } from './calendar.js';
import type { Account } from './account.js';
import type { Rng } from './prng.js';
import { T, type RowBuffer } from './row-buffer.js';
import type { World } from './world.js';

/** Days past the due date that make a payment count as late for the risky reason late_payment. */
export const LATE_DAYS = 10;
/** Days an unpaid invoice must be overdue to count for the risky reason unpaid. */
export const UNPAID_OVERDUE_DAYS = 30;

interface Invoice {
  issued: number;
  due: number;
  cents: number;
}

export interface PaymentEvidence {
  /** Invoices paid at least LATE_DAYS after their due date. */
  readonly paidLate: number;
  /** Invoices still unpaid more than UNPAID_OVERDUE_DAYS after their due date. */
  readonly unpaidOverdue: number;
}

/**
 * One invoice per settlement period with completed orders: weekly (issued the next Monday, due a week
 * later), monthly (issued on the 1st, due 30 days later) or, for prepaid customers, a monthly statement
 * paid on issue. Payment follows the account's habits; risky `unpaid` customers stop paying at some point.
 */
export function writeInvoices(
  world: World,
  a: Account,
  stopsPaying: boolean,
  rng: Rng,
  out: RowBuffer,
): PaymentEvidence {
  const invoices = settle(world, a);
  const eligible = invoices.filter((inv) => inv.due <= world.endDay - UNPAID_OVERDUE_DAYS - 1).length;
  const unpaidFrom = stopsPaying && eligible > 0 ? Math.floor(eligible * rng.range(0.5, 0.95)) : Infinity;
  let paidLate = 0;
  let unpaidOverdue = 0;
  const b = a.behaviour;
  invoices.forEach((inv, i) => {
    let paid: number;
    if (b.terms === 'prepaid') paid = inv.issued;
    else if (i >= unpaidFrom) paid = Infinity;
    else if (rng.chance(b.lateShare)) paid = inv.due + rng.int(b.lateDays[0], b.lateDays[1]);
    else paid = inv.issued + rng.int(0, inv.due - inv.issued);
    if (paid > world.endDay) paid = Infinity;
    if (paid !== Infinity && paid - inv.due >= LATE_DAYS) paidLate++;
    if (paid === Infinity && world.endDay - inv.due > UNPAID_OVERDUE_DAYS) unpaidOverdue++;
    const sink = out
      .row(T.invoices)
      .ascii('INV')
      .ascii(a.number)
      .ascii('-')
      .int(i + 1, 3)
      .comma()
      .ascii(a.identity.id)
      .comma()
      .ascii(world.days.date(inv.issued))
      .comma()
      .ascii(b.terms)
      .comma()
      .ascii(world.days.date(inv.due))
      .comma()
      .money(inv.cents)
      .comma();
    if (paid === Infinity) sink.comma().end();
    else sink.ascii(world.days.date(paid)).comma().money(inv.cents).end();
  });
  return { paidLate, unpaidOverdue };
}

function settle(world: World, a: Account): Invoice[] {
  const invoices: Invoice[] = [];
  const weekly = a.behaviour.terms === 'weekly';
  const grace = a.behaviour.terms === 'prepaid' ? 0 : weekly ? 7 : 30;
  let periodEnd = -Infinity;
  let current: Invoice | null = null;
  for (let k = 0; k < a.orderDays.length; k++) {
    const day = a.orderDays[k] ?? 0;
    if (day >= periodEnd) {
      periodEnd = weekly ? day - weekday(day) + 7 : nextMonth(day);
      if (periodEnd > world.endDay) break;
      current = { issued: periodEnd, due: periodEnd + grace, cents: 0 };
      invoices.push(current);
    }
    if (current) current.cents += a.orderCents[k] ?? 0;
  }
  return invoices.filter((inv) => inv.cents > 0);
}

function nextMonth(day: number): number {
  const { year, month } = yearMonth(day);
  return month === 12 ? firstOfMonth(year + 1, 1) : firstOfMonth(year, month + 1);
}
