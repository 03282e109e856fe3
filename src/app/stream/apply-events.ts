import type { InboundEvent } from '../../contracts/events/inbound.js';
import type { Engine, SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { eventWriteSql, type EventWrite } from '../../sql/stream/apply-event-sql.js';
import { knownEventsSql, logEventSql, survivorsOfSql } from '../../sql/stream/event-log-sql.js';

export interface AppliedEvents {
  readonly applied: readonly string[];
  /** Already in the log (a redelivery): nothing was done. */
  readonly duplicates: readonly string[];
  readonly rejected: readonly { readonly eventId: string; readonly reason: string }[];
  /** The surviving customers whose data changed: whose features, tier and tags are to be recomputed. */
  readonly customers: readonly string[];
}

async function rejection(
  tx: SqlSession,
  d: Dialect,
  e: InboundEvent,
  write: EventWrite,
): Promise<string | null> {
  const [customer] = await tx.all({
    sql: `SELECT 1 AS found FROM customers WHERE customer_id = ${d.param(1)}`,
    params: [e.customerId],
  });
  if (!customer) return `unknown customer ${e.customerId}`;
  for (const r of write.requires) if ((await tx.all(r.query)).length === 0) return r.reason;
  for (const a of write.absent) if ((await tx.all(a.query)).length > 0) return a.reason;
  return null;
}

/**
 * Applies a batch of events in their order, in one transaction: each becomes rows of the source tables (what an
 * import of the same data would write) and an entry of the event log. An event whose id is in the log already is
 * skipped (applied once however often it is delivered); one that does not fit the data (unknown customer, order,
 * invoice or dispute; a key that exists) is logged as rejected with the reason and changes nothing else.
 */
export async function applyEvents(
  engine: Engine,
  events: readonly InboundEvent[],
  now: Date,
): Promise<AppliedEvents> {
  const d = engine.dialect;
  if (events.length === 0) return { applied: [], duplicates: [], rejected: [], customers: [] };
  return engine.transaction(async (tx) => {
    const known = new Set(
      (await tx.all(knownEventsSql(d, [...new Set(events.map((e) => e.id))]))).map((r) => String(r.event_id)),
    );
    const applied: string[] = [];
    const duplicates: string[] = [];
    const rejected: { eventId: string; reason: string }[] = [];
    const touched = new Set<string>();
    for (const e of events) {
      if (known.has(e.id)) {
        duplicates.push(e.id);
        continue;
      }
      known.add(e.id);
      const write = eventWriteSql(d, e);
      const reason = await rejection(tx, d, e, write);
      if (reason === null) {
        for (const statement of write.writes) await tx.run(statement);
        applied.push(e.id);
        touched.add(e.customerId);
      } else rejected.push({ eventId: e.id, reason });
      await tx.run(
        logEventSql(d, {
          eventId: e.id,
          type: e.type,
          customerId: e.customerId,
          occurredAt: e.occurredAt,
          receivedAt: now.toISOString(),
          payload: JSON.stringify(e),
          outcome: reason === null ? 'applied' : 'rejected',
          reason,
        }),
      );
    }
    const customers =
      touched.size === 0
        ? []
        : (await tx.all(survivorsOfSql(d, [...touched]))).map((r) => String(r.survivor_id));
    return { applied, duplicates, rejected, customers };
  });
}
