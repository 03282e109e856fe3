import { z } from 'zod';
import type { CustomerScope } from '../../contracts/access/principal.js';
import { stratumError } from '../../contracts/errors.js';
import { TAGS, TIERS } from '../../contracts/tiering/tiers.js';
import type { Engine } from '../../engines/engine.js';
import { tierBatchSql, tierLookupSql, type LookupState } from '../../sql/api/customers/tier-lookup-sql.js';
import { survivorOfSql } from '../../sql/tiering/explain.js';
import { TierNameSchema, tierNameOf } from './customer-item.js';
import { cachedRunOf, type RunRef } from './run-of.js';
import type { StreamDecision } from './stream-overlay.js';
import { LookupRowSchema, tierCacheOf, type LookupRow } from './tier-cache.js';

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
  /** `run`: the run's snapshot; `stream`: what the event stream decided since, against the run's cut-offs. */
  source: z.enum(['run', 'stream']),
  /** When the stream decided (ISO 8601); null for `run`. */
  decidedAt: z.string().nullable(),
  /** The event that caused the stream's decision; null for `run`. */
  causeEventId: z.string().nullable(),
});
export type TierLookup = z.infer<typeof TierLookupSchema>;

/** A customer's state after a run as tierLookupSql and tierBatchSql read it. */
const StateRowSchema = LookupRowSchema.extend({
  source: z.enum(['run', 'stream']),
  decided_at: z.string().nullable(),
  cause_event_id: z.string().nullable(),
});

/** Where an answer comes from: the run's snapshot, or a stream decision and its cause. */
type Provenance = Pick<TierLookup, 'source' | 'decidedAt' | 'causeEventId'>;
const FROM_RUN: Provenance = { source: 'run', decidedAt: null, causeEventId: null };

function lookupOf(askedId: string, r: LookupRow, from: Provenance, run: RunRef): TierLookup {
  return {
    customerId: askedId,
    mergedInto: r.customer_id === askedId ? null : r.customer_id,
    tier: r.tier,
    tierName: tierNameOf(r.tier),
    score: r.score,
    tags: r.tags ?? [],
    runId: run.runId,
    asOf: run.asOf,
    source: from.source,
    decidedAt: from.decidedAt,
    causeEventId: from.causeEventId,
  };
}

function stateLookupOf(askedId: string, raw: unknown, run: RunRef): TierLookup {
  const r = StateRowSchema.parse(raw);
  return lookupOf(
    askedId,
    r,
    { source: r.source, decidedAt: r.decided_at, causeEventId: r.cause_event_id },
    run,
  );
}

function decisionLookupOf(askedId: string, x: StreamDecision, run: RunRef): TierLookup {
  const row = { customer_id: x.customerId, tier: x.tier, score: x.score, tags: [...x.tags] };
  return lookupOf(
    askedId,
    row,
    { source: 'stream', decidedAt: x.decidedAt, causeEventId: x.causeEventId },
    run,
  );
}

/**
 * The run asked for (default: the latest) and what its lookups answer: the latest run's current state (the
 * stream's decisions since it), an older run's snapshot.
 */
async function lookupRun(engine: Engine, runId?: string): Promise<{ run: RunRef; state: LookupState }> {
  const run = await cachedRunOf(engine, runId);
  const latest = runId === undefined ? run : await cachedRunOf(engine);
  return { run, state: run.runId === latest.runId ? 'current' : 'snapshot' };
}

/**
 * The tier of one customer in the latest run (or `runId`): from the TierCache for unscoped callers (the stream
 * overlay, then the snapshot rows), else one parameterised query on the snapshot's and stream_decisions' keys; a
 * merged duplicate id costs one more to find its survivor. Out of scope is NOT_FOUND, like an unknown id.
 */
export async function lookupTier(
  engine: Engine,
  customerId: string,
  scope: CustomerScope,
  runId?: string,
): Promise<TierLookup> {
  const { run, state } = await lookupRun(engine, runId);
  const cache = scope.kind === 'all' ? tierCacheOf(engine) : null;
  if (cache) {
    const decision =
      state === 'current' ? (await cache.overlayOf(engine, run.runId)).get(customerId) : undefined;
    if (decision) return decisionLookupOf(customerId, decision, run);
    const cached = cache.get(run.runId, customerId);
    if (cached) return lookupOf(customerId, cached, FROM_RUN, run);
    if (await cache.loadRun(engine, run.runId)) {
      const hit = cache.get(run.runId, customerId);
      if (hit) return lookupOf(customerId, hit, FROM_RUN, run);
    }
  }
  // A miss: an id not in the run, a merged duplicate, a row the cache let go of, or a decision the overlay has not
  // read yet.
  const d = engine.dialect;
  let [raw] = await engine.read(tierLookupSql(d, run.runId, customerId, scope, state));
  if (!raw) {
    const [merge] = await engine.read(survivorOfSql(d, customerId));
    if (merge)
      [raw] = await engine.read(tierLookupSql(d, run.runId, String(merge.survivor_id), scope, state));
  }
  if (!raw)
    throw stratumError('NOT_FOUND', `no customer ${customerId} in run ${run.runId}`, {
      what: 'customer',
      id: customerId,
    });
  const answer = stateLookupOf(customerId, raw, run);
  if (answer.mergedInto === null && answer.source === 'run')
    cache?.set(run.runId, LookupRowSchema.parse(raw));
  return answer;
}

/** Tiers of up to 1,000 ids in one query; ids unknown, not in the run or out of scope are listed as missing. */
export async function lookupTiers(
  engine: Engine,
  ids: readonly string[],
  scope: CustomerScope,
  runId?: string,
): Promise<{ items: TierLookup[]; missing: string[]; runId: string; asOf: string }> {
  const { run, state } = await lookupRun(engine, runId);
  const unique = [...new Set(ids)];
  const rows = await engine.read(tierBatchSql(engine.dialect, run.runId, unique, scope, state));
  const found = new Map(rows.map((r) => [String(r.asked_id), r]));
  const items: TierLookup[] = [];
  const missing: string[] = [];
  for (const id of unique) {
    const row = found.get(id);
    if (row) items.push(stateLookupOf(id, row, run));
    else missing.push(id);
  }
  return { items, missing, runId: run.runId, asOf: run.asOf };
}
