import type { Dialect } from '../dialects/dialect.js';
import { withTextRows, type SqlQuery } from '../query.js';

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

/** The log entries of a batch in one statement. */
export function logEventsSql(d: Dialect, entries: readonly EventLogEntry[]): SqlQuery {
  const columns = [
    'event_id',
    'event_type',
    'customer_id',
    'occurred_at',
    'received_at',
    'payload',
    'outcome',
    'reason',
  ];
  const relation = d.textRows(
    'e',
    columns,
    entries.map((e) => [
      e.eventId,
      e.type,
      e.customerId,
      e.occurredAt,
      e.receivedAt,
      e.payload,
      e.outcome,
      e.reason,
    ]),
    1,
  );
  return withTextRows(
    `INSERT INTO stream_events (${columns.join(', ')})
     SELECT e.event_id, e.event_type, e.customer_id, CAST(e.occurred_at AS TIMESTAMPTZ), CAST(e.received_at AS TIMESTAMPTZ), e.payload, e.outcome, e.reason
     FROM ${relation.sql}`,
    relation,
  );
}
