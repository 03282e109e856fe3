import type { InboundEvent } from '../../contracts/events/inbound.js';
import type { SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { eventWriteSql } from '../../sql/stream/apply-event-sql.js';
import { BatchWriter } from './batch-writer.js';
import {
  knownCustomersSql,
  knownEventsSql,
  logEventsSql,
  survivorsOfSql,
  type EventLogEntry,
} from '../../sql/stream/event-log-sql.js';

export interface AppliedEvents {
  readonly applied: readonly string[];
  /** Already in the log (a redelivery): nothing was done. */
  readonly duplicates: readonly string[];
  readonly rejected: readonly { readonly eventId: string; readonly reason: string }[];
  /**
   * The surviving customers whose data changed (whose features, tier and tags are to be recomputed), sorted, each
   * with the id of its last applied event: the cause of what is decided next.
   */
  readonly customers: readonly { readonly customerId: string; readonly lastEventId: string }[];
  /** The applied events in order, each with the surviving customer whose rows it changed. */
  readonly changes: readonly { readonly survivorId: string; readonly event: InboundEvent }[];
}

/**
 * Applies a batch of events in their order, in the caller's transaction `tx`: each becomes rows of the source
 * tables (what an import of the same data would write) and an entry of the event log. An event whose id is in the
 * log already is skipped (applied once however often it is delivered); one that does not fit the data (unknown
 * customer, order, invoice or dispute; a key that exists) is logged as rejected with the reason and changes nothing else.
 */
export async function applyEvents(
  tx: SqlSession,
  d: Dialect,
  events: readonly InboundEvent[],
  now: Date,
): Promise<AppliedEvents> {
  if (events.length === 0) return { applied: [], duplicates: [], rejected: [], customers: [], changes: [] };
  const known = new Set(
    (await tx.all(knownEventsSql(d, [...new Set(events.map((e) => e.id))]))).map((r) => String(r.event_id)),
  );
  const applied: string[] = [];
  const duplicates: string[] = [];
  const rejected: { eventId: string; reason: string }[] = [];
  const touched = new Map<string, string>();
  const appliedEvents: InboundEvent[] = [];
  const log: EventLogEntry[] = [];
  const customerIds = [...new Set(events.map((e) => e.customerId))];
  const customers = new Set(
    (await tx.all(knownCustomersSql(d, customerIds))).map((r) => String(r.customer_id)),
  );
  const fresh = events.filter((e) => {
    if (!known.has(e.id)) return known.add(e.id);
    duplicates.push(e.id);
    return false;
  });
  const writes = fresh.map((e) => eventWriteSql(d, e));
  const writer = await BatchWriter.open(tx, d, writes);
  for (const [i, e] of fresh.entries()) {
    const write = writes[i]!;
    const reason = customers.has(e.customerId)
      ? await writer.rejection(write)
      : `unknown customer ${e.customerId}`;
    if (reason === null) {
      writer.apply(write, e.customerId);
      applied.push(e.id);
      appliedEvents.push(e);
      touched.set(e.customerId, e.id);
    } else rejected.push({ eventId: e.id, reason });
    log.push({
      eventId: e.id,
      type: e.type,
      customerId: e.customerId,
      occurredAt: e.occurredAt,
      receivedAt: now.toISOString(),
      payload: JSON.stringify(e),
      outcome: reason === null ? 'applied' : 'rejected',
      reason,
    });
  }
  await writer.flush();
  if (log.length > 0) await tx.run(logEventsSql(d, log));
  const survivorOf = await survivorsOf(tx, d, [...touched.keys()]);
  return {
    applied,
    duplicates,
    rejected,
    customers: survivorsWithCause(survivorOf, touched, applied),
    changes: appliedEvents.map((event) => ({
      survivorId: survivorOf.get(event.customerId) as string,
      event,
    })),
  };
}

/** The surviving customer of each of some imported customer ids. */
async function survivorsOf(tx: SqlSession, d: Dialect, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return new Map(
    (await tx.all(survivorsOfSql(d, ids))).map((r) => [String(r.customer_id), String(r.survivor_id)]),
  );
}

/** The survivors of the touched customers, each caused by the last event applied to any of its duplicates. */
function survivorsWithCause(
  survivorOf: ReadonlyMap<string, string>,
  lastEventOf: ReadonlyMap<string, string>,
  applied: readonly string[],
): AppliedEvents['customers'] {
  const order = new Map(applied.map((id, i) => [id, i]));
  const cause = new Map<string, string>();
  for (const [customerId, survivor] of survivorOf) {
    const eventId = lastEventOf.get(customerId) as string;
    const current = cause.get(survivor);
    if (current === undefined || (order.get(eventId) ?? 0) > (order.get(current) ?? 0))
      cause.set(survivor, eventId);
  }
  return [...cause]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([customerId, lastEventId]) => ({ customerId, lastEventId }));
}
