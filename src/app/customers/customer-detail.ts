import { z } from 'zod';
import type { CustomerScope } from '../../contracts/access/principal.js';
import { stratumError } from '../../contracts/errors.js';
import { TAG_NAMES, TAGS, TIERS } from '../../contracts/tiering/tiers.js';
import type { Engine } from '../../engines/engine.js';
import {
  customerRowSql,
  liveDecisionSql,
  tierHistorySql,
} from '../../sql/api/customers/customer-detail-sql.js';
import { survivorOfSql } from '../../sql/tiering/explain.js';
import { explainCustomer, type Explanation } from '../tiering/explain-customer.js';
import { customerItemOf, TierNameSchema, tierNameOf, type CustomerItem } from './customer-item.js';
import { customerSeries, type MonthPoint } from './customer-series.js';
import { runOf } from './run-of.js';

export const TierHistoryEntrySchema = z.object({
  /** A batch run, or a change the event stream made between runs (against the run's cut-offs). */
  source: z.enum(['run', 'stream']),
  runId: z.string(),
  asOf: z.string(),
  tier: z.enum(TIERS).nullable(),
  tierName: TierNameSchema.nullable(),
  tierReason: z.string().nullable(),
  score: z.number().nullable(),
  tags: z.array(z.enum(TAGS)),
  /** The event that caused a stream change (null for a run). */
  causeEventId: z.string().nullable(),
  /** When the run finished or the stream decided (ISO 8601). */
  at: z.string(),
});

/** What the event stream decided since the run: the customer's current tier when it differs from the run's. */
export const LiveDecisionSchema = z.object({
  tier: z.enum(TIERS).nullable(),
  tierName: TierNameSchema.nullable(),
  tierReason: z.string().nullable(),
  score: z.number().nullable(),
  tags: z.array(z.enum(TAGS)),
  asOf: z.string(),
  decidedAt: z.string(),
  causeEventId: z.string(),
});

const LiveRowSchema = z.object({
  tier: z.enum(TIERS).nullable(),
  tier_reason: z.string().nullable(),
  score: z.number().nullable(),
  tags: z.array(z.enum(TAGS)).nullable(),
  as_of: z.string(),
  decided_at: z.string(),
  cause_event_id: z.string(),
});

const HistoryRowSchema = z.object({
  source: z.enum(['run', 'stream']),
  cause_event_id: z.string().nullable(),
  happened_at: z.string(),
  run_id: z.string(),
  as_of: z.string(),
  tier: z.enum(TIERS).nullable(),
  tier_reason: z.string().nullable(),
  score: z.number().nullable(),
  tags: z.array(z.enum(TAGS)).nullable(),
});

export interface CustomerDetail {
  readonly runId: string;
  readonly asOf: string;
  /** The id asked for when it was merged into `customer.customerId` by cleaning. */
  readonly mergedFrom: string | null;
  readonly customer: CustomerItem;
  readonly tags: {
    tag: (typeof TAGS)[number];
    name: { zh: string; en: string };
    reason: { zh: string; en: string };
  }[];
  readonly explanation: Explanation;
  readonly history: z.infer<typeof TierHistoryEntrySchema>[];
  /** The stream's latest decision since this run (null when none, or when an older run is shown). */
  readonly live: z.infer<typeof LiveDecisionSchema> | null;
  /** Orders, net purchases and invoices per month, the last 12 months to the run's as-of day. */
  readonly series: MonthPoint[];
}

export interface CustomerDetailRequest {
  readonly customerId: string;
  readonly runId?: string | undefined;
  readonly scope: CustomerScope;
  readonly personalVisible: boolean;
}

/**
 * One customer: tier, score, tags with reasons, policy, the run's explanation and the tier history. A customer
 * outside the caller's scope is NOT_FOUND, exactly like one that does not exist (a rep learns nothing about
 * other reps' customers). A merged duplicate id is answered through its survivor.
 */
export async function customerDetail(engine: Engine, r: CustomerDetailRequest): Promise<CustomerDetail> {
  const d = engine.dialect;
  const run = await runOf(engine, r.runId);
  const [merge] = await engine.read(survivorOfSql(d, r.customerId));
  const customerId = merge ? String(merge.survivor_id) : r.customerId;
  const [row] = await engine.read(
    customerRowSql(d, { runId: run.runId, customerId, scope: r.scope, personalVisible: r.personalVisible }),
  );
  if (!row)
    throw stratumError('NOT_FOUND', `no customer ${r.customerId} in run ${run.runId}`, {
      what: 'customer',
      id: r.customerId,
    });
  const customer = customerItemOf(row);
  const explanation = await explainCustomer(engine, customerId, run.runId);
  const history = (await engine.read(tierHistorySql(d, customerId))).map((raw) => {
    const h = HistoryRowSchema.parse(raw);
    return {
      source: h.source,
      runId: h.run_id,
      asOf: h.as_of,
      tier: h.tier,
      tierName: tierNameOf(h.tier),
      tierReason: h.tier_reason,
      score: h.score,
      tags: h.tags ?? [],
      causeEventId: h.cause_event_id,
      at: h.happened_at,
    };
  });
  const [liveRow] = await engine.read(liveDecisionSql(d, run.runId, customerId));
  const live = liveRow ? liveOf(LiveRowSchema.parse(liveRow)) : null;
  return {
    runId: run.runId,
    asOf: run.asOf,
    mergedFrom: merge ? r.customerId : null,
    customer,
    tags: explanation.tags.map((t) => ({
      tag: t.tag,
      name: TAG_NAMES[t.tag],
      reason: { zh: t.reasonZh, en: t.reason },
    })),
    explanation,
    history,
    live,
    series: await customerSeries(engine, customerId, run.asOf),
  };
}

function liveOf(r: z.infer<typeof LiveRowSchema>): z.infer<typeof LiveDecisionSchema> {
  return {
    tier: r.tier,
    tierName: tierNameOf(r.tier),
    tierReason: r.tier_reason,
    score: r.score,
    tags: r.tags ?? [],
    asOf: r.as_of,
    decidedAt: r.decided_at,
    causeEventId: r.cause_event_id,
  };
}
