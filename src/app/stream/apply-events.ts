import type { InboundEvent } from '../../contracts/events/inbound.js';
import type { SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { eventWriteSql } from '../../sql/stream/apply-event-sql.js';
import { BatchWriter } from './batch-writer.js';
import { findKeys, type FoundKeys } from './find-keys.js';
import { logEventsSql, type EventLogEntry } from '../../sql/stream/event-log-sql.js';

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
  const writes = events.map((e) => eventWriteSql(d, e));
  const writerLookups = BatchWriter.lookups(writes);
  // One round trip for everything the batch must know first (a duplicate's writes look up keys that exist anyway).
  const [logged, survivors, ...writerFound] = await findKeys(tx, d, [
    { table: 'stream_events', key: 'event_id', values: [...new Set(events.map((e) => e.id))], with: null },
    {
      table: 'customer_survivors',
      key: 'customer_id',
      values: [...new Set(events.map((e) => e.customerId))],
      with: 'survivor_id',
    },
    ...writerLookups,
  ]);
  const known = new Set(logged?.keys());
  // Every imported customer id has a row (itself, or the survivor it was merged into): the known customers.
  const survivorOf: FoundKeys = survivors ?? new Map();
  const applied: string[] = [];
  const duplicates: string[] = [];
  const rejected: { eventId: string; reason: string }[] = [];
  const touched = new Map<string, string>();
  const appliedEvents: InboundEvent[] = [];
  const log: EventLogEntry[] = [];
  const fresh = events.flatMap((e, i) => {
    if (!known.has(e.id)) {
      known.add(e.id);
      return [{ e, write: writes[i]! }];
    }
    duplicates.push(e.id);
    return [];
  });
  const writer = BatchWriter.open(tx, d, writerLookups, writerFound);
  for (const { e, write } of fresh) {
    const reason = survivorOf.has(e.customerId)
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

/** The survivors of the touched customers, each caused by the last event applied to any of its duplicates. */
function survivorsWithCause(
  survivorOf: FoundKeys,
  lastEventOf: ReadonlyMap<string, string>,
  applied: readonly string[],
): AppliedEvents['customers'] {
  const order = new Map(applied.map((id, i) => [id, i]));
  const cause = new Map<string, string>();
  for (const [customerId, eventId] of lastEventOf) {
    const survivor = survivorOf.get(customerId) as string;
    const current = cause.get(survivor);
    if (current === undefined || (order.get(eventId) ?? 0) > (order.get(current) ?? 0))
      cause.set(survivor, eventId);
  }
  return [...cause]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([customerId, lastEventId]) => ({ customerId, lastEventId }));
}
