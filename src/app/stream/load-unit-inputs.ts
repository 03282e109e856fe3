import { toFen } from '../../contracts/fen.js';
import type { FeatureParams } from '../../contracts/tiering/feature-params.js';
import { STATIC_FEATURES, type StaticFeature } from '../../contracts/tiering/static-features.js';
import { ATTRIBUTES } from '../../contracts/tiering/features.js';
import { orderIdList } from '../../domain/tiering/stream/order-id-list.js';
import {
  type CustomerInputs,
  type InputDispute,
  type InputInvoice,
  type InputOrder,
  type UnitInputs,
} from '../../domain/tiering/stream/unit-inputs.js';
import type { Row, SqlReader } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import type { SqlQuery } from '../../sql/query.js';
import { unitInputsSql } from '../../sql/stream/unit-inputs-sql.js';

/** Runs a query and yields its rows in pages (one page from a transaction, a cursor's pages for a whole table). */
export type PagedReader = (query: SqlQuery) => AsyncIterable<readonly Row[]>;

/** A reader's whole result as one page (a transaction's reads). */
export const inOnePage = (reader: SqlReader): PagedReader =>
  async function* (query) {
    yield await reader.all(query);
  };

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const nullableText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const instant = (v: unknown): number | null => (v === null || v === undefined ? null : Date.parse(String(v)));
const fen = (v: unknown): number | null => (v === null || v === undefined ? null : toFen(Number(v)));

type GrowingCustomer = CustomerInputs & {
  orders: InputOrder[];
  orderIds: string;
  invoices: InputInvoice[];
  disputes: InputDispute[];
};

interface Building {
  readonly unit: Omit<UnitInputs, 'customers'>;
  readonly customers: Map<string, GrowingCustomer>;
}

/** Units' inputs by unit id, and the number of each unit's last stream decision (0: none) when they were read. */
export interface LoadedUnits {
  readonly inputs: ReadonlyMap<string, UnitInputs>;
  readonly decisionNo: ReadonlyMap<string, number>;
}

/**
 * The inputs of the units of some surviving customers (or of every unit: null) as of `params.asOf`: four
 * statements (customers with their units' static features and last decision numbers, orders with refunds,
 * invoices, disputes).
 */
export async function loadUnitInputs(
  read: PagedReader,
  d: Dialect,
  params: FeatureParams,
  customerIds: readonly string[] | null,
): Promise<LoadedUnits> {
  const queries = unitInputsSql(d, params, customerIds);
  const units = new Map<string, Building>();
  const customerOf = new Map<string, GrowingCustomer>();
  const decisionNo = new Map<string, number>();
  for await (const page of read(queries.customers))
    for (const r of page) {
      const unitId = String(r.unit_id);
      let building = units.get(unitId);
      if (!building) {
        building = {
          unit: {
            unitId,
            statics: Object.fromEntries(STATIC_FEATURES.map((f) => [f, nullableNumber(r[f])])) as Record<
              StaticFeature,
              number | null
            >,
            contractExpected: nullableNumber(r.contract_expected),
            attributes: Object.fromEntries(ATTRIBUTES.map((a) => [a, nullableText(r[a])])),
          },
          customers: new Map(),
        };
        units.set(unitId, building);
        decisionNo.set(unitId, Number(r.decision_no ?? 0));
      }
      const customer: GrowingCustomer = {
        customerId: String(r.customer_id),
        contractFrom: instant(r.contract_from_at),
        earlierLastAt: instant(r.earlier_last_at),
        complaintsLong: Number(r.complaints_long),
        severeLong: Number(r.severe_long),
        orders: [],
        orderIds: '',
        invoices: [],
        disputes: [],
      };
      building.customers.set(customer.customerId, customer);
      customerOf.set(customer.customerId, customer);
    }
  const ordersOf = new Map<GrowingCustomer, { id: string; order: InputOrder }[]>();
  for await (const page of read(queries.orders))
    for (const r of page) {
      const customer = customerOf.get(String(r.customer_id));
      if (!customer) continue;
      const held = ordersOf.get(customer) ?? [];
      held.push({
        id: String(r.order_id),
        order: {
          at: instant(r.ordered_at) as number,
          amount: fen(r.amount) as number,
          margin: fen(r.gross_margin),
          refunded: fen(r.refunded) as number,
        },
      });
      ordersOf.set(customer, held);
    }
  for (const [customer, held] of ordersOf) {
    held.sort((a, b) => a.order.at - b.order.at);
    customer.orders = held.map((h) => h.order);
    customer.orderIds = orderIdList(held.map((h) => h.id));
  }
  for await (const page of read(queries.invoices))
    for (const r of page)
      customerOf.get(String(r.customer_id))?.invoices.push({
        invoiceId: String(r.invoice_id),
        dueDate: String(r.due_date),
        amount: fen(r.amount) as number,
        paidDate: nullableText(r.paid_date),
        paidAmount: fen(r.paid_amount),
      });
  for await (const page of read(queries.disputes))
    for (const r of page)
      customerOf.get(String(r.customer_id))?.disputes.push({
        disputeId: String(r.dispute_id),
        openedDate: String(r.opened_date),
        closedDate: nullableText(r.closed_date),
        status: String(r.status),
      });
  return {
    inputs: new Map([...units].map(([id, b]) => [id, { ...b.unit, customers: [...b.customers.values()] }])),
    decisionNo,
  };
}
