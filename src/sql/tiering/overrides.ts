import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

export interface OverrideRow {
  readonly overrideId: string;
  readonly customerId: string;
  readonly tier: string;
  readonly reason: string;
  readonly author: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
}

export function insertOverrideSql(d: Dialect, o: OverrideRow): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO tier_overrides (override_id, customer_id, tier, reason, author, created_at, expires_at)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, CAST(${p(6)} AS TIMESTAMPTZ), CAST(${p(7)} AS TIMESTAMPTZ))`,
    [o.overrideId, o.customerId, o.tier, o.reason, o.author, o.createdAt, o.expiresAt],
  );
}

export const listOverridesSql = (): SqlQuery =>
  sql(
    `SELECT override_id, customer_id, tier, reason, author, created_at, expires_at FROM tier_overrides ORDER BY created_at, override_id`,
  );

export const deleteOverrideSql = (d: Dialect, overrideId: string): SqlQuery =>
  sql(`DELETE FROM tier_overrides WHERE override_id = ${d.param(1)}`, [overrideId]);

export const customerExistsSql = (d: Dialect, customerId: string): SqlQuery =>
  sql(
    `SELECT 1 AS found FROM customers_clean WHERE customer_id = ${d.param(1)}
     UNION ALL SELECT 1 FROM customers_clean WHERE chain_id = ${d.param(1)} LIMIT 1`,
    [customerId],
  );
