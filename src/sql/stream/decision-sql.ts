import type { Dialect } from '../dialects/dialect.js';
import { MODEL_OUTPUTS } from '../tiering/model-outputs.js';
import { placeholders, textValues } from '../placeholders.js';
import { sql, withTextRows, type SqlQuery } from '../query.js';
import { subscribedToSql } from '../webhooks/subscriptions-sql.js';

/** `customer_id IN (…)` over some unit ids, its placeholders numbered from `first`. */
const unitsIn = (d: Dialect, ids: readonly string[], first: number): string =>
  `customer_id IN (${placeholders(d, ids.length, first)})`;

const STATE_COLUMNS = ['customer_id', 'tier', 'candidate_tier', 'candidate_streak', 'tags', 'tag_reasons'];

/**
 * The latest stream decision under `runId` of each of some units: per unit, a walk down its own decisions (the
 * primary key), however many the run has (a filter on the run alone read them all: 13 ms a batch and growing).
 */
export function latestDecisionsOfUnitsSql(d: Dialect, runId: string, ids: readonly string[]): SqlQuery {
  const columns = STATE_COLUMNS.filter((c) => c !== 'customer_id');
  return sql(
    `SELECT u.customer_id, ${columns.map((c) => `l.${c}`).join(', ')}
FROM (${textValues(d, ids.length, 2)}) AS u (customer_id)
CROSS JOIN LATERAL (
  SELECT ${columns.join(', ')} FROM stream_decisions s
  WHERE s.customer_id = u.customer_id AND s.run_id = ${d.param(1)}
  ORDER BY s.decision_no DESC LIMIT 1) AS l`,
    [runId, ...ids],
  );
}

/** The run's snapshot rows of some units (or of all: null): their state, and the model outputs the stream carries over. */
export function runStatesSql(d: Dialect, runId: string, ids: readonly string[] | null): SqlQuery {
  const columns = [...STATE_COLUMNS, ...MODEL_OUTPUTS];
  return sql(
    `SELECT ${columns.join(', ')} FROM tier_snapshots WHERE run_id = ${d.param(1)}${ids === null ? '' : ` AND ${unitsIn(d, ids, 2)}`}`,
    [runId, ...(ids ?? [])],
  );
}

/** The latest stream decision under `runId` of every unit that has one. */
export function latestDecisionsOfRunSql(d: Dialect, runId: string): SqlQuery {
  return sql(
    `SELECT ${STATE_COLUMNS.join(', ')} FROM (
  SELECT ${STATE_COLUMNS.join(', ')}, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY decision_no DESC) AS rn
  FROM stream_decisions WHERE run_id = ${d.param(1)}) l
WHERE l.rn = 1`,
    [runId],
  );
}

/** The number of each of some units' last decision (under any run): the next is one more. */
export const lastDecisionNumbersSql = (d: Dialect, ids: readonly string[]): SqlQuery =>
  sql(
    `SELECT customer_id, max(decision_no) AS n FROM stream_decisions WHERE ${unitsIn(d, ids, 1)} GROUP BY customer_id`,
    [...ids],
  );

/** The overrides of some units (activeOverrides picks the one in force). */
export const overridesOfUnitsSql = (d: Dialect, ids: readonly string[]): SqlQuery =>
  sql(
    `SELECT override_id, customer_id, tier, created_at, expires_at FROM tier_overrides WHERE ${unitsIn(d, ids, 1)}`,
    [...ids],
  );

/** The events sent by the decisions some events caused (to send them again after a redelivery). */
export function eventsCausedBySql(d: Dialect, eventIds: readonly string[]): SqlQuery {
  return sql(
    `SELECT events FROM stream_decisions WHERE cause_event_id IN (${placeholders(d, eventIds.length)})
     ORDER BY customer_id, decision_no`,
    [...eventIds],
  );
}

export interface OutboxEvent {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  /** The whole event as JSON: the delivery's body. */
  readonly payload: string;
}

/** Deliveries of some events to every enabled subscriber of their type, in the webhook outbox. */
export function enqueueEventsSql(d: Dialect, events: readonly OutboxEvent[]): SqlQuery {
  const relation = d.textRows(
    'e',
    ['event_id', 'event_type', 'occurred_at', 'payload'],
    events.map((e) => [e.id, e.type, e.occurredAt, e.payload]),
    1,
  );
  return withTextRows(
    `INSERT INTO webhook_deliveries (delivery_id, subscription_id, event_type, payload, status, attempts, next_attempt_at, created_at)
     SELECT 'dlv_' || substr(md5(e.event_id || '|' || s.subscription_id), 1, 24), s.subscription_id, e.event_type,
       e.payload, 'pending', 0, CAST(e.occurred_at AS TIMESTAMPTZ), CAST(e.occurred_at AS TIMESTAMPTZ)
     FROM ${relation.sql}
     CROSS JOIN webhook_subscriptions s
     WHERE s.subscription_id IN (${subscribedToSql(d, 'e.event_type')})`,
    relation,
  );
}
