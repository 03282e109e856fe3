import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlParam, type SqlQuery } from '../query.js';
import { placeholders } from '../placeholders.js';

/** The ids among `ids` already in the event log. */
export function knownEventsSql(d: Dialect, ids: readonly string[]): SqlQuery {
  return sql(`SELECT event_id FROM stream_events WHERE event_id IN (${placeholders(d, ids.length)})`, [
    ...ids,
  ]);
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

/** The log entries of a batch in one statement. */
export function logEventsSql(d: Dialect, entries: readonly EventLogEntry[]): SqlQuery {
  const params: SqlParam[] = [];
  const p = (value: SqlParam) => {
    params.push(value);
    return d.param(params.length);
  };
  const rows = entries.map(
    (e) =>
      `(${p(e.eventId)}, ${p(e.type)}, ${p(e.customerId)}, CAST(${p(e.occurredAt)} AS TIMESTAMPTZ), CAST(${p(e.receivedAt)} AS TIMESTAMPTZ), ${p(e.payload)}, ${p(e.outcome)}, CAST(${p(e.reason)} AS VARCHAR))`,
  );
  return sql(
    `INSERT INTO stream_events (event_id, event_type, customer_id, occurred_at, received_at, payload, outcome, reason)
     VALUES ${rows.join(',\n       ')}`,
    params,
  );
}

/** The ids among `ids` of known customers (imported ids, merged duplicates included). */
export function knownCustomersSql(d: Dialect, ids: readonly string[]): SqlQuery {
  return sql(`SELECT customer_id FROM customers WHERE customer_id IN (${placeholders(d, ids.length)})`, [
    ...ids,
  ]);
}

/** The surviving customer of each of some imported customer ids. */
export function survivorsOfSql(d: Dialect, customerIds: readonly string[]): SqlQuery {
  return sql(
    `SELECT customer_id, survivor_id FROM customer_survivors
     WHERE customer_id IN (${placeholders(d, customerIds.length)})`,
    [...customerIds],
  );
}
