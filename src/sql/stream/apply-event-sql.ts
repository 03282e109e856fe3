import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import { toFen } from '../../contracts/fen.js';
import type { InboundEvent } from '../../contracts/events/inbound.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, withTextRows, type SqlParam, type SqlQuery } from '../query.js';

/**
 * What applying one event checks and writes. `requires`: what must hold, else the event is rejected with the
 * paired reason (nothing written); `absent`: a new row's key, which must not exist yet;
 * `insert`: the new row (the caller writes the rows of a batch together); `payment`: money received against an
 * invoice (the caller writes a batch's payments together, paymentsSql); `writes`: other statements (updates).
 * Together they make the event rows of the source tables, as an import of the same data would.
 */
export interface EventWrite {
  readonly requires: readonly Requirement[];
  readonly absent: readonly NewKey[];
  readonly insert: NewRow | null;
  readonly payment?: InvoicePayment;
  readonly writes: readonly SqlQuery[];
}

/** invoices.paid_date becomes `paidDate`, paid_amount grows by `amount` (yuan, 2 decimals). */
export interface InvoicePayment {
  readonly invoiceId: string;
  readonly paidDate: string;
  readonly amount: number;
}

/**
 * The payments of a batch in one UPDATE: per invoice, the amounts added up and the last payment's date, which is
 * what the payments one by one would leave (nothing else of a batch writes invoices).
 */
export function paymentsSql(d: Dialect, payments: readonly InvoicePayment[]): SqlQuery {
  const byInvoice = new Map<string, { paidDate: string; fen: number }>();
  for (const p of payments) {
    const fen = (byInvoice.get(p.invoiceId)?.fen ?? 0) + toFen(p.amount);
    byInvoice.set(p.invoiceId, { paidDate: p.paidDate, fen });
  }
  const v = d.textRows(
    'v',
    ['invoice_id', 'paid_date', 'amount'],
    [...byInvoice].map(([invoiceId, { paidDate, fen }]) => [invoiceId, paidDate, (fen / 100).toFixed(2)]),
    1,
  );
  return withTextRows(
    `UPDATE invoices SET paid_date = CAST(v.paid_date AS DATE),
       paid_amount = COALESCE(invoices.paid_amount, 0) + CAST(v.amount AS DECIMAL(18,2))
     FROM ${v.sql}
     WHERE invoices.invoice_id = v.invoice_id`,
    v,
  );
}

/** The key of a row an event creates: rejected with `reason` when the table has it already. */
export interface NewKey {
  readonly table: string;
  readonly key: string;
  readonly value: string;
  readonly reason: string;
}

export type NewRow = {
  readonly table: string;
  /** Each column's canonical text (or NULL) and the type it is cast to (none: a text column). */
  readonly values: Readonly<Record<string, { readonly value: string | null; readonly cast?: string }>>;
};

/**
 * A condition of an event: `owned`, a row of `table` with `key` = `value` belonging to `customerId` (checked for a
 * whole batch with its other lookups in one statement, BatchWriter.lookups); `query`, any query that must return
 * a row (run in order).
 */
export type Requirement =
  | {
      readonly kind: 'owned';
      readonly table: string;
      readonly key: string;
      readonly value: string;
      readonly customerId: string;
      readonly reason: string;
    }
  | { readonly kind: 'query'; readonly query: SqlQuery; readonly reason: string };

const newKey = (table: string, key: string, value: string, what: string): NewKey => ({
  table,
  key,
  value,
  reason: `${what} ${value} exists already`,
});

const owned = (table: string, key: string, value: string, customerId: string, what: string): Requirement => ({
  kind: 'owned',
  table,
  key,
  value,
  customerId,
  reason: `no ${what} ${value} of ${customerId}`,
});

/** One INSERT of several new rows of one table (built by eventWriteSql for that table: same columns and casts). */
export function insertRowsSql(d: Dialect, rows: readonly NewRow[]): SqlQuery {
  const first = rows[0];
  if (!first) throw new Error('insertRowsSql needs at least one row');
  const names = Object.keys(first.values);
  const relation = d.textRows(
    'v',
    names,
    rows.map((row) => names.map((n) => row.values[n]!.value)),
    1,
  );
  const columns = names.map((n) => {
    const cast = first.values[n]!.cast;
    return cast ? `CAST(v.${d.quoteIdent(n)} AS ${cast})` : `v.${d.quoteIdent(n)}`;
  });
  return withTextRows(
    `INSERT INTO ${d.quoteIdent(first.table)} (${names.map(d.quoteIdent).join(', ')}) SELECT ${columns.join(', ')} FROM ${relation.sql}`,
    relation,
  );
}

const localDate = (d: Dialect, index: number) => d.dateOf(`CAST(${d.param(index)} AS TIMESTAMPTZ)`);

/** customers.updated: the event's fields as columns. */
const CUSTOMER_COLUMNS = {
  name: 'name',
  customerType: 'customer_type',
  chainId: 'chain_id',
  cuisine: 'cuisine',
  seats: 'seats',
  stores: 'stores',
  city: 'city',
  district: 'district',
  address: 'address',
  lat: 'lat',
  lon: 'lon',
  phone: 'phone',
  contactName: 'contact_name',
} as const;

export function eventWriteSql(d: Dialect, e: InboundEvent): EventWrite {
  const customer = e.customerId;
  const none = { requires: [], absent: [], insert: null, writes: [] };
  switch (e.type) {
    case 'order.created':
      return {
        ...none,
        absent: [newKey('orders', 'order_id', e.data.orderId, 'order')],
        insert: {
          table: 'orders',
          values: {
            order_id: { value: e.data.orderId },
            customer_id: { value: customer },
            ordered_at: { value: e.data.orderedAt, cast: 'TIMESTAMPTZ' },
            amount: { value: e.data.amount.toFixed(2), cast: 'DECIMAL(18,2)' },
            gross_margin: {
              value: e.data.grossMargin === undefined ? null : e.data.grossMargin.toFixed(2),
              cast: 'DECIMAL(18,2)',
            },
            status: { value: e.data.status },
            channel: { value: e.data.channel ?? null, cast: 'VARCHAR' },
          },
        },
      };
    case 'order.cancelled':
      return {
        ...none,
        requires: [owned('orders', 'order_id', e.data.orderId, customer, 'order')],
        writes: [
          sql(`UPDATE orders SET status = 'cancelled' WHERE order_id = ${d.param(1)}`, [e.data.orderId]),
        ],
      };
    case 'refund.created':
      return {
        requires: [owned('orders', 'order_id', e.data.orderId, customer, 'order')],
        absent: [newKey('refunds', 'refund_id', e.data.refundId, 'refund')],
        writes: [],
        insert: {
          table: 'refunds',
          values: {
            refund_id: { value: e.data.refundId },
            order_id: { value: e.data.orderId },
            refunded_at: { value: e.occurredAt, cast: 'TIMESTAMPTZ' },
            amount: { value: e.data.amount.toFixed(2), cast: 'DECIMAL(18,2)' },
            reason: { value: e.data.reason ?? null, cast: 'VARCHAR' },
          },
        },
      };
    case 'payment.received':
      return {
        ...none,
        requires: [owned('invoices', 'invoice_id', e.data.invoiceId, customer, 'invoice')],
        payment: { invoiceId: e.data.invoiceId, paidDate: e.data.paidDate, amount: e.data.amount },
      };
    case 'invoice.overdue':
      // Overdue follows from the invoice's due date and payments; the event only asks for a recomputation.
      return {
        ...none,
        requires: [owned('invoices', 'invoice_id', e.data.invoiceId, customer, 'invoice')],
      };
    case 'complaint.filed':
      return {
        ...none,
        absent: [newKey('complaints', 'complaint_id', e.data.complaintId, 'complaint')],
        insert: {
          table: 'complaints',
          values: {
            complaint_id: { value: e.data.complaintId },
            customer_id: { value: customer },
            filed_at: { value: e.occurredAt, cast: 'TIMESTAMPTZ' },
            category: { value: e.data.category },
            severity: { value: e.data.severity },
          },
        },
      };
    case 'dispute.opened':
      return {
        ...none,
        absent: [newKey('disputes', 'dispute_id', e.data.disputeId, 'dispute')],
        writes: [
          sql(
            `INSERT INTO disputes (dispute_id, customer_id, opened_date, status, amount, closed_date)
             VALUES (${d.param(1)}, ${d.param(2)}, ${localDate(d, 3)}, 'open', CAST(${d.param(4)} AS DECIMAL(18,2)), NULL)`,
            [e.data.disputeId, customer, e.occurredAt, (e.data.amount ?? 0).toFixed(2)],
          ),
        ],
      };
    case 'dispute.closed':
      return {
        ...none,
        requires: [owned('disputes', 'dispute_id', e.data.disputeId, customer, 'dispute')],
        writes: [
          sql(
            `UPDATE disputes SET status = ${d.param(1)}, closed_date = ${localDate(d, 2)} WHERE dispute_id = ${d.param(3)}`,
            [e.data.outcome, e.occurredAt, e.data.disputeId],
          ),
        ],
      };
    case 'customer.updated': {
      const fields = Object.entries(e.data).filter(([, v]) => v !== undefined) as [
        keyof typeof CUSTOMER_COLUMNS,
        SqlParam,
      ][];
      const sets = fields.map(([k], i) => `${d.quoteIdent(CUSTOMER_COLUMNS[k])} = ${d.param(i + 1)}`);
      const city = e.data.city;
      const district = e.data.district;
      return {
        ...none,
        requires:
          city === undefined && district === undefined
            ? []
            : [
                {
                  kind: 'query',
                  query: sql(
                    `SELECT 1 AS found FROM regions r JOIN customers c ON c.customer_id = ${d.param(3)}
                     WHERE r.city = COALESCE(CAST(${d.param(1)} AS VARCHAR), c.city)
                       AND r.district = COALESCE(CAST(${d.param(2)} AS VARCHAR), c.district)`,
                    [city ?? null, district ?? null, customer],
                  ),
                  reason: `no region ${city ?? '(unchanged)'} ${district ?? '(unchanged)'}`,
                },
              ],
        writes: [
          sql(`UPDATE customers SET ${sets.join(', ')} WHERE customer_id = ${d.param(fields.length + 1)}`, [
            ...fields.map(([, v]) => v),
            customer,
          ]),
        ],
      };
    }
    default:
      return assertUnreachable(e, 'event type');
  }
}
