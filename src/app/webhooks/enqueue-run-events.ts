import {
  CHANGE_EVENT_TYPES,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '../../domain/webhooks/event-types.js';
import type { SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import {
  changedCustomersSql,
  countChangeEventsSql,
  dropChangesSql,
  enqueueChangeEventsSql,
  enqueueRunCompletedSql,
  laterRunsSql,
} from '../../sql/webhooks/run-events-sql.js';
import { enabledSubscriptionsSql } from '../../sql/webhooks/subscriptions-sql.js';

export interface RunEventsInput {
  readonly runId: string;
  readonly asOf: string;
  readonly previousRunId: string | null;
  /** When the run commits (ISO 8601): the events' occurredAt. */
  readonly finishedAt: string;
  /** The run's summary (RunSummary), sent as the data of run.completed. */
  readonly summary: object;
}

export interface ChangeCounts {
  readonly tierChanged: number;
  readonly tagAdded: number;
  readonly tagRemoved: number;
  readonly policyChanged: number;
}

export interface EnqueuedEvents {
  /** Event types some enabled subscription receives (empty: nothing was computed). */
  readonly subscribedTypes: readonly WebhookEventType[];
  /** Counts of the change events; null when none are computed (no subscriber, first run, or a run of history). */
  readonly changes: ChangeCounts | null;
}

/**
 * Records a tiering run's events in the outbox (webhook_deliveries), inside the run's transaction `tx` once its
 * snapshot and tiering_runs row are written: the events commit with the snapshot, or not at all. Change events
 * (tier, tags, policy) compare the run with `previousRunId`; they are made only when there is a previous run and
 * no committed run has a later as-of date (a backfilled date describes history, not a change to act on).
 * Without any enabled subscription this is one small query.
 */
export async function enqueueRunEvents(
  tx: SqlSession,
  d: Dialect,
  run: RunEventsInput,
): Promise<EnqueuedEvents> {
  const subscriptions = await tx.all(enabledSubscriptionsSql());
  const wanted = new Set(subscriptions.flatMap((s) => (Array.isArray(s.events) ? s.events.map(String) : [])));
  const subscribedTypes = WEBHOOK_EVENT_TYPES.filter((t) => wanted.has(t));
  if (subscribedTypes.length === 0) return { subscribedTypes, changes: null };

  const ctx = { runId: run.runId, asOf: run.asOf, occurredAt: run.finishedAt };
  let changes: ChangeCounts | null = null;
  if (run.previousRunId !== null) {
    const [later] = await tx.all(laterRunsSql(d, run.asOf));
    if (Number(later?.n ?? 0) === 0) {
      await tx.run(dropChangesSql(d));
      await tx.run(changedCustomersSql(d, run.runId, run.previousRunId));
      for (const type of CHANGE_EVENT_TYPES)
        if (wanted.has(type)) await tx.run(enqueueChangeEventsSql(d, type, ctx));
      const [c] = await tx.all(countChangeEventsSql(d));
      changes = {
        tierChanged: Number(c?.tier_changed ?? 0),
        tagAdded: Number(c?.tag_added ?? 0),
        tagRemoved: Number(c?.tag_removed ?? 0),
        policyChanged: Number(c?.policy_changed ?? 0),
      };
      await tx.run(dropChangesSql(d));
    }
  }
  if (wanted.has('run.completed'))
    await tx.run(enqueueRunCompletedSql(d, ctx, JSON.stringify({ ...run.summary, changes })));
  return { subscribedTypes, changes };
}
