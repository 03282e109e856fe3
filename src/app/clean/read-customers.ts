import { z } from 'zod';
import type { CustomerRecord } from '../../domain/cleaning/customer-profile.js';
import type { SqlSession } from '../../engines/engine.js';
import { customerRecordsSql } from '../../sql/cleaning/customer-records.js';
import type { Dialect } from '../../sql/dialects/dialect.js';

const text = z.string();
const optionalText = z.string().nullable();
const optionalNumber = z.number().nullable();

const CustomerRowSchema = z
  .object({
    customer_id: text,
    name: text,
    chain_id: optionalText,
    cuisine: optionalText,
    city: text,
    district: text,
    address: optionalText,
    lat: optionalNumber,
    lon: optionalNumber,
    phone: optionalText,
    created_date: text,
    order_count: z.number(),
  })
  .transform((r): CustomerRecord => ({
    customerId: r.customer_id,
    name: r.name,
    chainId: r.chain_id,
    cuisine: r.cuisine,
    city: r.city,
    district: r.district,
    address: r.address,
    lat: r.lat,
    lon: r.lon,
    phone: r.phone,
    createdDate: r.created_date,
    orderCount: r.order_count,
  }));

/** The customer master, for matching in memory (it is small; orders stay in the engine). */
export async function readCustomers(db: SqlSession, d: Dialect): Promise<CustomerRecord[]> {
  const rows = await db.all(customerRecordsSql(d));
  return rows.map((row) => CustomerRowSchema.parse(row));
}
