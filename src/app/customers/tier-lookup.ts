import { z } from 'zod';
import type { CustomerScope } from '../../contracts/access/principal.js';
import { stratumError } from '../../contracts/errors.js';
import { TAGS, TIERS } from '../../contracts/tiering/tiers.js';
import type { Engine } from '../../engines/engine.js';
import { tierBatchSql, tierLookupSql } from '../../sql/api/customers/tier-lookup-sql.js';
import { survivorOfSql } from '../../sql/tiering/explain.js';
import { TierNameSchema, tierNameOf } from './customer-item.js';
import { LookupRowSchema, tierCacheOf, type LookupRow } from './tier-cache.js';
import { cachedRunOf, type RunRef } from './run-of.js';

export const TierLookupSchema = z.object({
  customerId: z.string(),
  /** The surviving customer when cleaning merged the id asked for into another; else null. */
  mergedInto: z.string().nullable(),
  tier: z.enum(TIERS).nullable(),
  tierName: TierNameSchema.nullable(),
  score: z.number().nullable(),
  tags: z.array(z.enum(TAGS)),
  runId: z.string(),
  asOf: z.string(),
});
export type TierLookup = z.infer<typeof TierLookupSchema>;

function lookupOf(askedId: string, r: LookupRow, run: RunRef): TierLookup {
  return {
    customerId: askedId,
    mergedInto: r.customer_id === askedId ? null : r.customer_id,
    tier: r.tier,
    tierName: tierNameOf(r.tier),
    score: r.score,
    tags: r.tags ?? [],
    runId: run.runId,
    asOf: run.asOf,
  };
}

/**
 * The tier of one customer in the latest run (or `runId`): from the TierCache for unscoped callers, else one
 * parameterised query on the snapshot's key (run_id, customer_id); a merged duplicate id costs one more to find
 * its survivor. Out of scope is NOT_FOUND, like an unknown id.
 */
export async function lookupTier(
  engine: Engine,
  customerId: string,
  scope: CustomerScope,
  runId?: string,
): Promise<TierLookup> {
  const run = await cachedRunOf(engine, runId);
  const cache = scope.kind === 'all' ? tierCacheOf(engine) : null;
  const cached = cache?.get(run.runId, customerId);
  if (cached) return lookupOf(customerId, cached, run);
  if (cache && (await cache.loadRun(engine, run.runId))) {
    const hit = cache.get(run.runId, customerId);
    if (hit) return lookupOf(customerId, hit, run);
  }
  // A miss: an id not in the run, a merged duplicate, or a row the cache let go of.
  const d = engine.dialect;
  let [raw] = await engine.read(tierLookupSql(d, run.runId, customerId, scope));
  if (!raw) {
    const [merge] = await engine.read(survivorOfSql(d, customerId));
    if (merge) [raw] = await engine.read(tierLookupSql(d, run.runId, String(merge.survivor_id), scope));
  }
  if (!raw)
    throw stratumError('NOT_FOUND', `no customer ${customerId} in run ${run.runId}`, {
      what: 'customer',
      id: customerId,
    });
  const row = LookupRowSchema.parse(raw);
  if (row.customer_id === customerId) cache?.set(run.runId, row);
  return lookupOf(customerId, row, run);
}

/** Tiers of up to 1,000 ids in one query; ids unknown, not in the run or out of scope are listed as missing. */
export async function lookupTiers(
  engine: Engine,
  ids: readonly string[],
  scope: CustomerScope,
  runId?: string,
): Promise<{ items: TierLookup[]; missing: string[]; runId: string; asOf: string }> {
  const run = await cachedRunOf(engine, runId);
  const unique = [...new Set(ids)];
  const rows = await engine.read(tierBatchSql(engine.dialect, run.runId, unique, scope));
  const found = new Map(rows.map((r) => [String(r.asked_id), r]));
  const items: TierLookup[] = [];
  const missing: string[] = [];
  for (const id of unique) {
    const row = found.get(id);
    if (row) items.push(lookupOf(id, LookupRowSchema.parse(row), run));
    else missing.push(id);
  }
  return { items, missing, runId: run.runId, asOf: run.asOf };
}
