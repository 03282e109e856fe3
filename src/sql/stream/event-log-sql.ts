import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** The ids among `ids` already in the event log. */
export function knownEventsSql(d: Dialect, ids: readonly string[]): SqlQuery {
  return sql(
    `SELECT event_id FROM stream_events WHERE event_id IN (${ids.map((_, i) => d.param(i + 1)).join(', ')})`,
    [...ids],
  );
}

export interface EventLogEntry {
  readonly eventId: string;
  readonly type: string;
  readonly customerId: string;
  readonly occurredAt: string;
  readonly receivedAt: string;
  readonly payload: string;
  readonly outcome: 'applied' | 'rejected';
  readonly reason: string | null;
}

export function logEventSql(d: Dialect, e: EventLogEntry): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO stream_events (event_id, event_type, customer_id, occurred_at, received_at, payload, outcome, reason)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, CAST(${p(4)} AS TIMESTAMPTZ), CAST(${p(5)} AS TIMESTAMPTZ), ${p(6)}, ${p(7)},
             CAST(${p(8)} AS VARCHAR))`,
    [e.eventId, e.type, e.customerId, e.occurredAt, e.receivedAt, e.payload, e.outcome, e.reason],
  );
}

/** The surviving customers of some imported customer ids. */
export function survivorsOfSql(d: Dialect, customerIds: readonly string[]): SqlQuery {
  return sql(
    `SELECT DISTINCT survivor_id FROM customer_survivors
     WHERE customer_id IN (${customerIds.map((_, i) => d.param(i + 1)).join(', ')}) ORDER BY survivor_id`,
    [...customerIds],
  );
}
