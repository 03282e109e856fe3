import { createHash } from 'node:crypto';
import { streamDecisions } from '../../contracts/data-model/system/stream-decisions.js';
import type { OutboundEvent } from '../../contracts/events/outbound.js';
import { ATTRIBUTES, FEATURE_NAMES } from '../../contracts/tiering/features.js';
import { POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import type { Tier } from '../../contracts/tiering/tiers.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { isoDateIn, startOfDayUtcMs } from '../../contracts/time/zoned-time.js';
import type { TierOverride } from '../../domain/tiering/scoring/overrides.js';
import { decideCustomer, type CustomerDecision } from '../../domain/tiering/stream/decide-customer.js';
import { unitFeatureVector } from '../../domain/tiering/stream/unit-features.js';
import type { SqlSession, TextRow } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { enqueueEventsSql, overridesOfUnitsSql } from '../../sql/stream/decision-sql.js';
import { loadTextRows } from '../load-text-rows.js';
import type { AppliedEvents } from './apply-events.js';
import { segmentOf, type RunReference } from './run-reference.js';
import type { CachedUnit, StreamVersions, UnitCache } from './unit-cache.js';
import { streamFeatureParams, streamWindows, unitsToDecide } from './units-to-decide.js';

export interface DecisionSummary {
  readonly customerId: string;
  readonly from: Tier | null;
  readonly to: Tier | null;
  readonly changed: boolean;
}

export interface DecidedCustomers {
  readonly decisions: readonly DecisionSummary[];
  /** What to announce once committed (also in the webhook outbox already). */
  readonly events: readonly OutboundEvent[];
  /** The decided units to keep in the worker's cache once committed (under the cache's stamp then). */
  readonly cache: { readonly stamp: string; readonly units: readonly CachedUnit[] } | null;
}

const outboundEventId = (parts: readonly string[]): string =>
  `evt_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;

/** The day the stream's features are as of: today in the business time zone, never before the run's day. */
export function streamAsOf(reference: RunReference, now: Date, timeZone: string): string {
  const today = isoDateIn(timeZone, now.getTime());
  return today > reference.asOf ? today : reference.asOf;
}

function endOfDay(asOf: string, timeZone: string): string {
  return new Date(startOfDayUtcMs(timeZone, addDays(asOf, 1))).toISOString();
}

const text = (v: unknown): string | null =>
  v === null || v === undefined ? null : Array.isArray(v) ? JSON.stringify(v) : String(v);

const VECTOR_COLUMNS = [...ATTRIBUTES, ...FEATURE_NAMES];

/** A stream_decisions row as canonical text, in the table's column order. */
function decisionRow(values: Readonly<Record<string, unknown>>): TextRow {
  return streamDecisions.columns.map((c) => text(values[c.name]));
}

/**
 * Decides again about the units a batch of events changed, inside the batch's transaction: their features from
 * their rows after the batch (held by the worker and updated by the events in memory, or read in the transaction:
 * unitsToDecide), rescored against the reference run, tags and policies applied; writes a stream_decisions row per
 * unit and the webhook deliveries of what changed. Returns the events to publish once the transaction has
 * committed, and the units to keep in the cache then.
 */
export async function decideCustomers(
  tx: SqlSession,
  d: Dialect,
  reference: RunReference,
  applied: Pick<AppliedEvents, 'customers' | 'changes'>,
  now: Date,
  timeZone: string,
  cache: UnitCache,
  versions: StreamVersions,
): Promise<DecidedCustomers> {
  const { customers } = applied;
  if (customers.length === 0) return { decisions: [], events: [], cache: null };
  const { runId } = reference;
  const asOf = streamAsOf(reference, now, timeZone);
  const params = streamFeatureParams(reference, asOf);
  const w = streamWindows(params, timeZone);
  const { stamp, units } = await unitsToDecide(tx, d, reference, applied.changes, params, w, cache, versions);
  if (units.length === 0) return { decisions: [], events: [], cache: null };
  const unitIds = units.map((u) => u.inputs.unitId);
  const overrides: TierOverride[] = (await tx.all(overridesOfUnitsSql(d, unitIds))).map((r) => ({
    overrideId: String(r.override_id),
    customerId: String(r.customer_id),
    tier: r.tier as Tier,
    createdAt: new Date(String(r.created_at)).toISOString(),
    expiresAt: r.expires_at === null ? null : new Date(String(r.expires_at)).toISOString(),
  }));
  // A chain (unit = chain) is caused by the last event of any of its branches in the batch.
  const causeOf = new Map(customers.map((c) => [c.customerId, c.lastEventId]));
  const lastCause = customers.at(-1)?.lastEventId as string;

  const decidedAt = now.toISOString();
  const endOfAsOf = endOfDay(asOf, timeZone);
  const rows: TextRow[] = [];
  const decisions: DecisionSummary[] = [];
  const events: OutboundEvent[] = [];
  const decided: CachedUnit[] = [];
  for (const unit of units) {
    const vector = unitFeatureVector(unit.inputs, w, unit.carried);
    const id = vector.customerId;
    const previous = unit.state;
    const causeEventId = causeOf.get(id) ?? lastCause;
    const segment = segmentOf(reference, vector);
    const decision: CustomerDecision = decideCustomer({
      reference: segment.scoring,
      config: segment.config,
      runId,
      asOf,
      endOfAsOf,
      vector,
      previous,
      overrides: overrides.filter((o) => o.customerId === id),
      causeEventId,
      decidedAt,
      eventIdOf: outboundEventId,
    });
    const s = decision.scored;
    const decisionNo = unit.decisionNo + 1;
    const values: Record<string, unknown> = {
      customer_id: id,
      decision_no: decisionNo,
      cause_event_id: causeEventId,
      decided_at: decidedAt,
      run_id: runId,
      as_of: asOf,
      from_tier: previous?.tier ?? null,
      changed: decision.changed,
      events: JSON.stringify(decision.events),
      score: s.score,
      model_scores: Object.keys(segment.config.models).map((m) => s.modelScores[m]),
      terms: s.terms,
      segment: s.segment,
      rank_pct: s.rankPct,
      candidate_tier: s.candidateTier,
      candidate_streak: s.candidateStreak,
      tier: s.tier,
      tier_reason: s.tierReason,
      tags: decision.tags,
      tag_reasons: decision.tagReasons,
      actions: decision.actions,
    };
    // Assigned in loops, not spread from Object.fromEntries pairs: this runs for every decision of every batch.
    for (const c of VECTOR_COLUMNS) values[c] = vector[c];
    for (const c of POLICY_COLUMNS) values[c] = decision.policy?.[c] ?? null;
    rows.push(decisionRow(values));
    decisions.push({ customerId: id, from: previous?.tier ?? null, to: s.tier, changed: decision.changed });
    events.push(...decision.events);
    decided.push({
      ...unit,
      decisionNo,
      state: {
        tier: s.tier,
        candidateTier: s.candidateTier,
        candidateStreak: s.candidateStreak,
        tags: decision.tags,
        tagReasons: decision.tagReasons,
      },
    });
  }
  await loadTextRows(tx, d, streamDecisions, rows);
  if (events.length > 0)
    await tx.run(
      enqueueEventsSql(
        d,
        events.map((e) => ({ id: e.id, type: e.type, occurredAt: e.occurredAt, payload: JSON.stringify(e) })),
      ),
    );
  return { decisions, events, cache: { stamp, units: decided } };
}
