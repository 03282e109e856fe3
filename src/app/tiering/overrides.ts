import { randomUUID } from 'node:crypto';
import { stratumError } from '../../contracts/errors.js';
import type { Tier } from '../../contracts/tiering/tiers.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { startOfDayUtcMs } from '../../contracts/time/zoned-time.js';
import type { Engine } from '../../engines/engine.js';
import {
  customerExistsSql,
  deleteOverrideSql,
  insertOverrideSql,
  listOverridesSql,
  type OverrideRow,
} from '../../sql/tiering/overrides.js';

export interface NewOverride {
  readonly customerId: string;
  readonly tier: Tier;
  readonly reason: string;
  readonly author: string;
  /** Last day the override applies (YYYY-MM-DD, in the business time zone); none = until removed. */
  readonly until?: string;
}

/** Sets a manual tier for a customer (or chain), applied by every run from now on until it expires. */
export async function addOverride(
  engine: Engine,
  o: NewOverride,
  timeZone: string,
  now = new Date(),
): Promise<OverrideRow> {
  const [found] = await engine.all(customerExistsSql(engine.dialect, o.customerId));
  if (!found)
    throw stratumError('NOT_FOUND', `no customer or chain ${o.customerId}`, {
      what: 'customer',
      id: o.customerId,
    });
  let expiresAt: string | null = null;
  if (o.until) {
    // Expires at the midnight that ends the last day.
    expiresAt = new Date(startOfDayUtcMs(timeZone, addDays(o.until, 1))).toISOString();
  }
  const row: OverrideRow = {
    overrideId: `ovr-${randomUUID().slice(0, 8)}`,
    customerId: o.customerId,
    tier: o.tier,
    reason: o.reason,
    author: o.author,
    createdAt: now.toISOString(),
    expiresAt,
  };
  await engine.run(insertOverrideSql(engine.dialect, row));
  return row;
}

export async function listOverrides(engine: Engine): Promise<OverrideRow[]> {
  return (await engine.all(listOverridesSql())).map((r) => ({
    overrideId: String(r.override_id),
    customerId: String(r.customer_id),
    tier: String(r.tier),
    reason: String(r.reason),
    author: String(r.author),
    createdAt: String(r.created_at),
    expiresAt: r.expires_at === null ? null : String(r.expires_at),
  }));
}

export async function removeOverride(engine: Engine, overrideId: string): Promise<void> {
  const before = (await listOverrides(engine)).some((o) => o.overrideId === overrideId);
  if (!before)
    throw stratumError('NOT_FOUND', `no override ${overrideId}`, { what: 'override', id: overrideId });
  await engine.run(deleteOverrideSql(engine.dialect, overrideId));
}
