import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import Papa from 'papaparse';

/**
 * The UCI "Online Retail" invoices (a UK giftware wholesaler, 2010-12-01…2011-12-09; ../shared/datasets) as
 * stratum import files, so that the engine computes features for them like for any other data:
 *
 * - rows without CustomerID are dropped, and so are exact duplicate rows;
 * - customers: one per CustomerID (`17850.0` → `17850`), named `Customer 17850`, type single, city = the
 *   Country of its first invoice, district `all`, opened on the day of its first order;
 * - regions: one per country (district `all`), delivery cost and competition 0: the data has neither;
 * - orders: one per invoice not starting with C, amount = Σ quantity × unit price over its lines with a
 *   positive quantity (cents, rounded once per invoice), status completed, ordered_at = InvoiceDate;
 * - refunds: one per C invoice (a credit note), amount = Σ |quantity| × unit price, booked against the
 *   customer's latest earlier order holding one of the credited StockCodes, else the latest earlier order;
 *   a credit note without an earlier order in the data (goods bought before 2010-12) is dropped.
 *
 * InvoiceDate is UK wall-clock time: import with time zone Europe/London.
 */
export interface OnlineRetailLine {
  readonly InvoiceNo: string;
  readonly StockCode: string;
  readonly Quantity: string;
  readonly InvoiceDate: string;
  readonly UnitPrice: string;
  readonly CustomerID: string;
  readonly Country: string;
}

export interface OnlineRetailSummary {
  readonly lines: number;
  readonly withoutCustomer: number;
  readonly duplicates: number;
  readonly customers: number;
  readonly orders: number;
  readonly refunds: number;
  /** Credit notes without an earlier order of their customer. */
  readonly refundsWithoutOrder: number;
}

export const ONLINE_RETAIL_TIME_ZONE = 'Europe/London';

/** The columns written per file (a file without rows still has its header). */
const COLUMNS = {
  regions: ['city', 'district', 'delivery_cost_per_order', 'competition_index'],
  customers: ['customer_id', 'name', 'customer_type', 'city', 'district', 'created_date'],
  orders: ['order_id', 'customer_id', 'ordered_at', 'amount', 'status'],
  refunds: ['refund_id', 'order_id', 'refunded_at', 'amount', 'reason'],
} as const;

interface Invoice {
  readonly id: string;
  readonly customerId: string;
  readonly at: string;
  amount: number;
  readonly stockCodes: Set<string>;
}

/** The import tables (rows of canonical column → text) of invoice lines, and what was kept and dropped. */
export function onlineRetailTables(lines: Iterable<OnlineRetailLine>): {
  tables: Record<keyof typeof COLUMNS, Record<string, string>[]>;
  summary: OnlineRetailSummary;
} {
  const seen = new Set<string>();
  const invoices = new Map<string, Invoice>();
  const countryOf = new Map<string, string>();
  let [count, withoutCustomer, duplicates] = [0, 0, 0];
  for (const line of lines) {
    count++;
    const customerId = line.CustomerID.trim().replace(/\.0+$/, '');
    if (customerId === '') {
      withoutCustomer++;
      continue;
    }
    const key = Object.values(line).join('\u0000');
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    const quantity = Number(line.Quantity);
    const credit = line.InvoiceNo.startsWith('C');
    if (!(credit ? quantity < 0 : quantity > 0)) continue;
    const invoice = invoices.get(line.InvoiceNo) ?? {
      id: line.InvoiceNo,
      customerId,
      at: line.InvoiceDate,
      amount: 0,
      stockCodes: new Set<string>(),
    };
    invoices.set(line.InvoiceNo, invoice);
    invoice.amount += Math.abs(quantity) * Number(line.UnitPrice);
    invoice.stockCodes.add(line.StockCode);
    if (!credit && !countryOf.has(customerId)) countryOf.set(customerId, line.Country.trim());
  }
  const all = [...invoices.values()].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const orders = all.filter((i) => !i.id.startsWith('C'));
  const ordersOf = new Map<string, Invoice[]>();
  for (const o of orders) {
    const list = ordersOf.get(o.customerId);
    if (list) list.push(o);
    else ordersOf.set(o.customerId, [o]);
  }
  const refunds = all
    .filter((i) => i.id.startsWith('C') && Math.round(i.amount * 100) > 0)
    .map((credit) => ({ credit, order: refundedOrder(credit, ordersOf.get(credit.customerId) ?? []) }));
  const booked = refunds.filter((r) => r.order !== undefined);
  const money = (amount: number) => (Math.round(amount * 100) / 100).toFixed(2);
  const firstOrder = new Map<string, Invoice>();
  for (const o of orders) if (!firstOrder.has(o.customerId)) firstOrder.set(o.customerId, o);
  const countries = [...new Set(countryOf.values())].sort();
  return {
    tables: {
      regions: countries.map((city) => ({
        city,
        district: 'all',
        delivery_cost_per_order: '0',
        competition_index: '0',
      })),
      customers: [...firstOrder.values()].map((o) => ({
        customer_id: o.customerId,
        name: `Customer ${o.customerId}`,
        customer_type: 'single',
        city: countryOf.get(o.customerId) ?? '',
        district: 'all',
        created_date: o.at.slice(0, 10),
      })),
      orders: orders.map((o) => ({
        order_id: o.id,
        customer_id: o.customerId,
        ordered_at: o.at,
        amount: money(o.amount),
        status: 'completed',
      })),
      refunds: booked.map(({ credit, order }) => ({
        refund_id: credit.id,
        order_id: order?.id ?? '',
        refunded_at: credit.at,
        amount: money(credit.amount),
        reason: 'credit note',
      })),
    },
    summary: {
      lines: count,
      withoutCustomer,
      duplicates,
      customers: firstOrder.size,
      orders: orders.length,
      refunds: booked.length,
      refundsWithoutOrder: refunds.length - booked.length,
    },
  };
}

/** The latest order at or before the credit note holding one of its StockCodes, else the latest one before it. */
function refundedOrder(credit: Invoice, orders: readonly Invoice[]): Invoice | undefined {
  const earlier = orders.filter((o) => o.at <= credit.at);
  const matching = earlier.filter((o) => [...credit.stockCodes].some((s) => o.stockCodes.has(s)));
  return matching[matching.length - 1] ?? earlier[earlier.length - 1];
}

/** Reads the CSV (gzip when the name ends in .gz) and writes customers, regions, orders and refunds CSVs to `outDir`. */
export async function onlineRetailToImportFiles(input: string, outDir: string): Promise<OnlineRetailSummary> {
  const lines: OnlineRetailLine[] = [];
  const file = createReadStream(input);
  const stream = input.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  await new Promise<void>((resolve, reject) =>
    Papa.parse<OnlineRetailLine>(stream as unknown as Papa.LocalFile, {
      header: true,
      skipEmptyLines: true,
      step: (row) => void lines.push(row.data),
      complete: () => resolve(),
      error: reject,
    }),
  );
  const { tables, summary } = onlineRetailTables(lines);
  await mkdir(outDir, { recursive: true });
  for (const [name, fields] of Object.entries(COLUMNS)) {
    const data = tables[name as keyof typeof COLUMNS].map((row) => fields.map((f) => row[f] ?? ''));
    await writeFile(
      join(outDir, `${name}.csv`),
      `${Papa.unparse({ fields: [...fields], data }, { newline: '\n' })}\n`,
    );
  }
  return summary;
}
