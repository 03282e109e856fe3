import { complaints } from '../../contracts/data-model/sources/complaints.js';
import { contracts } from '../../contracts/data-model/sources/contracts.js';
import { creditRatings } from '../../contracts/data-model/sources/credit-ratings.js';
import { customers } from '../../contracts/data-model/sources/customers.js';
import { disputes } from '../../contracts/data-model/sources/disputes.js';
import { invoices } from '../../contracts/data-model/sources/invoices.js';
import { orderLines } from '../../contracts/data-model/sources/order-lines.js';
import { orders } from '../../contracts/data-model/sources/orders.js';
import { refunds } from '../../contracts/data-model/sources/refunds.js';
import type { TableDef } from '../../contracts/data-model/table.js';
import type { Dialect } from '../dialects/dialect.js';

/** A derived view later stages read instead of the raw tables, so that they honour the cleaning results. */
export interface CleanView {
  readonly name: string;
  readonly description: string;
  select(d: Dialect): string;
}

const columnsOf = (
  d: Dialect,
  table: TableDef,
  alias: string,
  overrides: Record<string, string> = {},
): string =>
  table.columns
    .map((c) =>
      c.name in overrides
        ? `${overrides[c.name]} AS ${d.quoteIdent(c.name)}`
        : `${alias}.${d.quoteIdent(c.name)}`,
    )
    .join(', ');

/**
 * Rows without a flag, as an anti-join: `LEFT JOIN flags … WHERE flag IS NULL` runs about 4× faster than
 * `NOT EXISTS` on DuckDB over millions of orders. A flagged row may match several flags; it is dropped either way.
 */
const unflaggedJoin = (d: Dialect, flags: string, key: string, alias: string) =>
  `LEFT JOIN ${d.quoteIdent(flags)} fl ON fl.${key} = ${alias}.${key}`;
const unflaggedWhere = (key: string) => `fl.${key} IS NULL`;

/** A customer-keyed source with customer_id mapped to the survivor and the original kept as source_customer_id. */
function mappedToSurvivors(table: TableDef): CleanView {
  return {
    name: `${table.name}_clean`,
    description: `${table.title} with customer_id mapped to the surviving customer (the imported id is kept as source_customer_id).`,
    select: (d) =>
      `SELECT ${columnsOf(d, table, 't', { customer_id: 'COALESCE(s.survivor_id, t.customer_id)' })}, t.customer_id AS source_customer_id
FROM ${d.quoteIdent(table.name)} t
LEFT JOIN customer_survivors s ON s.customer_id = t.customer_id`,
  };
}

export const customerSurvivors: CleanView = {
  name: 'customer_survivors',
  description:
    'Every imported customer id with the id of the customer it survives as: itself, or the survivor it was merged into. Join any customer-keyed table through it.',
  select: (d) => `SELECT c.customer_id, COALESCE(m.survivor_id, c.customer_id) AS survivor_id,
       CASE WHEN m.customer_id IS NULL THEN FALSE ELSE TRUE END AS merged
FROM ${d.quoteIdent('customers')} c
LEFT JOIN ${d.quoteIdent('customer_merges')} m ON m.customer_id = c.customer_id`,
};

export const customersClean: CleanView = {
  name: 'customers_clean',
  description:
    'Surviving customers only, with the normalised name, brand, branch, address and phone (raw_name and raw_address keep the imported text) and the number of duplicate records merged into each.',
  select: (d) => `SELECT ${columnsOf(d, customers, 'c', {
    name: 'COALESCE(n.name, c.name)',
    address: 'COALESCE(n.address, c.address)',
    phone: 'COALESCE(n.phone, c.phone)',
  })}, n.brand, n.branch, c.name AS raw_name, c.address AS raw_address, COALESCE(k.merged_records, 0) AS merged_records
FROM ${d.quoteIdent('customers')} c
LEFT JOIN ${d.quoteIdent('customer_normalised')} n ON n.customer_id = c.customer_id
LEFT JOIN (SELECT survivor_id, count(*) AS merged_records FROM ${d.quoteIdent('customer_merges')} GROUP BY survivor_id) k
  ON k.survivor_id = c.customer_id
WHERE NOT EXISTS (SELECT 1 FROM ${d.quoteIdent('customer_merges')} m WHERE m.customer_id = c.customer_id)`,
};

export const ordersClean: CleanView = {
  ...mappedToSurvivors(orders),
  description:
    'Orders not flagged by cleaning (no brushing, no amount outliers), with customer_id mapped to the surviving customer and the imported id kept as source_customer_id.',
  select: (d) => `${mappedToSurvivors(orders).select(d)}
${unflaggedJoin(d, 'order_flags', 'order_id', 't')}
WHERE ${unflaggedWhere('order_id')}`,
};

export const orderLinesClean: CleanView = {
  name: 'order_lines_clean',
  description: 'Lines of the orders in orders_clean.',
  select: (d) => `SELECT ${columnsOf(d, orderLines, 'l')}
FROM ${d.quoteIdent('order_lines')} l
${unflaggedJoin(d, 'order_flags', 'order_id', 'l')}
WHERE ${unflaggedWhere('order_id')}`,
};

export const refundsClean: CleanView = {
  name: 'refunds_clean',
  description:
    'Refunds not flagged (no huge or excess refunds) of orders in orders_clean, with the surviving customer_id of the order.',
  select: (d) => `SELECT ${columnsOf(d, refunds, 'r')}, o.customer_id
FROM ${d.quoteIdent('refunds')} r
JOIN orders_clean o ON o.order_id = r.order_id
${unflaggedJoin(d, 'refund_flags', 'refund_id', 'r')}
WHERE ${unflaggedWhere('refund_id')}`,
};

/** In creation order: each view only reads tables and the views before it. */
export const CLEAN_VIEWS: readonly CleanView[] = [
  customerSurvivors,
  customersClean,
  ordersClean,
  orderLinesClean,
  refundsClean,
  ...[invoices, complaints, disputes, contracts, creditRatings].map(mappedToSurvivors),
];

export const createViewSql = (d: Dialect, view: CleanView): string =>
  `CREATE OR REPLACE VIEW ${d.quoteIdent(view.name)} AS\n${view.select(d)}`;
