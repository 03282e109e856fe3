import { z } from 'zod';
import { addDays } from '../../contracts/time/iso-date.js';
import type { Engine } from '../../engines/engine.js';
import { customerSeriesSql } from '../../sql/api/customers/customer-series-sql.js';

export const SERIES_MONTHS = 12;

export const MonthPointSchema = z.object({
  /** YYYY-MM */
  month: z.string(),
  orders: z.number(),
  /** Completed orders' amount less the refunds booked in the month, yuan. */
  netPurchases: z.number(),
  invoiced: z.number(),
  /** Paid by the as-of day, of the invoices issued in the month. */
  paid: z.number(),
  /** Due before the as-of day and not paid by then, of the invoices issued in the month. */
  overdue: z.number(),
});
export type MonthPoint = z.infer<typeof MonthPointSchema>;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The first day of the month `k` months before the month of `date` (YYYY-MM-DD). */
function monthStart(date: string, k: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The customer's last SERIES_MONTHS calendar months up to and including the as-of day (the as-of month is
 * partial), every month present, oldest first: for the orders-and-payments sparkline of the customer page.
 */
export async function customerSeries(
  engine: Engine,
  customerId: string,
  asOf: string,
): Promise<MonthPoint[]> {
  const from = monthStart(asOf, SERIES_MONTHS - 1);
  const rows = await engine.read(customerSeriesSql(engine.dialect, customerId, from, addDays(asOf, 1)));
  const points = Array.from({ length: SERIES_MONTHS }, (_, i) => ({
    month: monthStart(asOf, SERIES_MONTHS - 1 - i).slice(0, 7),
    orders: 0,
    netPurchases: 0,
    invoiced: 0,
    paid: 0,
    overdue: 0,
  }));
  const byMonth = new Map(points.map((p) => [p.month, p]));
  for (const r of rows) {
    const p = byMonth.get(String(r.month).slice(0, 7));
    if (!p) continue;
    const amount = Number(r.amount ?? 0);
    if (r.kind === 'orders') {
      p.orders = Number(r.n);
      p.netPurchases = round2(p.netPurchases + amount);
    } else if (r.kind === 'refunds') p.netPurchases = round2(p.netPurchases - amount);
    else {
      p.invoiced = round2(amount);
      p.paid = round2(Number(r.paid ?? 0));
      p.overdue = round2(Number(r.overdue ?? 0));
    }
  }
  return points;
}
