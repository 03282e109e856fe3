import type { Engine } from '../../../src/engines/engine.js';

/** What the events of the kill test refer to: rows of the prepared database, each list sorted. */
export interface StreamTargets {
  /** Every customer id, merged duplicates included (their events count for their survivor). */
  readonly customers: readonly string[];
  readonly unpaidInvoices: readonly {
    readonly invoiceId: string;
    readonly customerId: string;
    readonly amount: number;
  }[];
  readonly openDisputes: readonly { readonly disputeId: string; readonly customerId: string }[];
  /** One order of each customer that has one. */
  readonly existingOrders: readonly { readonly orderId: string; readonly customerId: string }[];
  readonly regions: readonly { readonly city: string; readonly district: string }[];
}

export async function loadStreamTargets(engine: Engine): Promise<StreamTargets> {
  const rows = (query: string) => engine.all(query);
  return {
    customers: (await rows('SELECT customer_id FROM customers ORDER BY customer_id')).map((r) =>
      String(r.customer_id),
    ),
    unpaidInvoices: (
      await rows(
        'SELECT invoice_id, customer_id, amount FROM invoices WHERE paid_date IS NULL ORDER BY invoice_id',
      )
    ).map((r) => ({
      invoiceId: String(r.invoice_id),
      customerId: String(r.customer_id),
      amount: Number(r.amount),
    })),
    openDisputes: (
      await rows(`SELECT dispute_id, customer_id FROM disputes WHERE status = 'open' ORDER BY dispute_id`)
    ).map((r) => ({ disputeId: String(r.dispute_id), customerId: String(r.customer_id) })),
    existingOrders: (
      await rows(
        'SELECT customer_id, min(order_id) AS order_id FROM orders GROUP BY customer_id ORDER BY customer_id',
      )
    ).map((r) => ({ orderId: String(r.order_id), customerId: String(r.customer_id) })),
    regions: (await rows('SELECT city, district FROM regions ORDER BY city, district')).map((r) => ({
      city: String(r.city),
      district: String(r.district),
    })),
  };
}
