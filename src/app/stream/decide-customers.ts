import { createHash } from 'node:crypto';
import { streamDecisions } from '../../contracts/data-model/system/stream-decisions.js';
import type { OutboundEvent } from '../../contracts/events/outbound.js';
import { ATTRIBUTES, FEATURE_NAMES, featureVectorOf } from '../../contracts/tiering/features.js';
import { POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import type { TagName, Tier } from '../../contracts/tiering/tiers.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { isoDateIn, wallTimeToUtcMs } from '../../contracts/time/zoned-time.js';
import type { TierOverride } from '../../domain/tiering/scoring/overrides.js';
import {
  decideCustomer,
  type CustomerDecision,
  type CustomerState,
} from '../../domain/tiering/stream/decide-customer.js';
import type { Row, SqlSession, TextRow } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import {
  enqueueEventsSql,
  lastDecisionNumbersSql,
  latestDecisionsOfUnitsSql,
  overridesOfUnitsSql,
  runStatesSql,
} from '../../sql/stream/decision-sql.js';
import { featuresOfSome } from '../tiering/compute-features.js';
import { loadTextRows } from '../load-text-rows.js';
import { needsPredictions } from '../tiering/fill-predictions.js';
import { readsChurnModel } from '../tiering/churn-probabilities.js';
import { segmentOf, type RunReference } from './run-reference.js';

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
}

const outboundEventId = (parts: readonly string[]): string =>
  `evt_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function stateOf(r: Row): CustomerState {
  return {
    tier: (r.tier as Tier | null) ?? null,
    candidateTier: (r.candidate_tier as Tier | null) ?? null,
    candidateStreak: r.candidate_streak === null ? null : Number(r.candidate_streak),
    tags: list(r.tags) as TagName[],
    tagReasons: list(r.tag_reasons),
  };
}

/** The day the stream's features are as of: today in the business time zone, never before the run's day. */
export function streamAsOf(reference: RunReference, now: Date, timeZone: string): string {
  const today = isoDateIn(timeZone, now.getTime());
  return today > reference.asOf ? today : reference.asOf;
}

function endOfDay(asOf: string, timeZone: string): string {
  const [year, month, day] = addDays(asOf, 1).split('-').map(Number) as [number, number, number];
  const ms = wallTimeToUtcMs(timeZone, { year, month, day, hour: 0, minute: 0, second: 0, ms: 0 });
  return new Date(ms).toISOString();
}

const text = (v: unknown): string | null =>
  v === null || v === undefined ? null : Array.isArray(v) ? JSON.stringify(v) : String(v);

/** A stream_decisions row as canonical text, in the table's column order. */
function decisionRow(values: Readonly<Record<string, unknown>>): TextRow {
  return streamDecisions.columns.map((c) => text(values[c.name]));
}

/**
 * Decides again about the customers a batch of events changed, inside the batch's transaction: recomputes their
 * features from their own rows (featuresOfSome: one statement for those units only), rescores each against the reference run,
 * applies tags and policies, writes a stream_decisions row per customer and the webhook deliveries of what
 * changed. Returns the events to publish once the transaction has committed.
 */
export async function decideCustomers(
  tx: SqlSession,
  d: Dialect,
  reference: RunReference,
  customers: readonly { readonly customerId: string; readonly lastEventId: string }[],
  now: Date,
  timeZone: string,
): Promise<DecidedCustomers> {
  if (customers.length === 0) return { decisions: [], events: [] };
  const { config, runId } = reference;
  const asOf = streamAsOf(reference, now, timeZone);
  const featureRows = await featuresOfSome(
    tx,
    d,
    { asOf, longDays: config.windows.longDays, shortDays: config.windows.shortDays, unit: config.unit },
    customers.map((c) => c.customerId),
  );
  const units = featureRows.map((r) => String(r.customer_id));
  if (units.length === 0) return { decisions: [], events: [] };
  const runRows = new Map(
    (await tx.all(runStatesSql(d, runId, units))).map((r) => [String(r.customer_id), r]),
  );
  const states = new Map<string, CustomerState>([...runRows].map(([id, r]) => [id, stateOf(r)]));
  // The stream keeps the model outputs of its reference run: a CLV fit or a churn model is scored in batch, and
  // one event moves a customer's output little between runs.
  const carried = [
    ...(needsPredictions(config) ? (['predicted_margin'] as const) : []),
    ...(readsChurnModel(config) ? (['churn_probability'] as const) : []),
  ];
  const vectors = featureRows.map((r) => {
    const run = runRows.get(String(r.customer_id));
    return featureVectorOf({ ...r, ...Object.fromEntries(carried.map((c) => [c, run?.[c] ?? null])) });
  });
  for (const r of await tx.all(latestDecisionsOfUnitsSql(d, runId, units)))
    states.set(String(r.customer_id), stateOf(r));
  const lastNo = new Map(
    (await tx.all(lastDecisionNumbersSql(d, units))).map((r) => [String(r.customer_id), Number(r.n)]),
  );
  const overrides: TierOverride[] = (await tx.all(overridesOfUnitsSql(d, units))).map((r) => ({
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
  for (const vector of vectors) {
    const id = vector.customerId;
    const previous = states.get(id);
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
    rows.push(
      decisionRow({
        customer_id: id,
        decision_no: (lastNo.get(id) ?? 0) + 1,
        cause_event_id: causeEventId,
        decided_at: decidedAt,
        run_id: runId,
        as_of: asOf,
        from_tier: previous?.tier ?? null,
        changed: decision.changed,
        events: JSON.stringify(decision.events),
        ...Object.fromEntries([...ATTRIBUTES, ...FEATURE_NAMES].map((c) => [c, vector[c]])),
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
        ...Object.fromEntries(POLICY_COLUMNS.map((c) => [c, decision.policy?.[c] ?? null])),
        actions: decision.actions,
      }),
    );
    decisions.push({ customerId: id, from: previous?.tier ?? null, to: s.tier, changed: decision.changed });
    events.push(...decision.events);
  }
  await loadTextRows(tx, d, streamDecisions, rows);
  if (events.length > 0)
    await tx.run(
      enqueueEventsSql(
        d,
        events.map((e) => ({ id: e.id, type: e.type, occurredAt: e.occurredAt, payload: JSON.stringify(e) })),
      ),
    );
  return { decisions, events };
}
