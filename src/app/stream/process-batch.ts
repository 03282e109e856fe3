import { OutboundEventSchema, type OutboundEvent } from '../../contracts/events/outbound.js';
import type { InboundEvent } from '../../contracts/events/inbound.js';
import type { Engine } from '../../engines/engine.js';
import { eventsCausedBySql } from '../../sql/stream/decision-sql.js';
import { applyEvents, type AppliedEvents } from './apply-events.js';
import { decideCustomers, type DecisionSummary } from './decide-customers.js';
import type { RunReference } from './run-reference.js';
import { readStreamVersions, UnitCache } from './unit-cache.js';

export interface BatchOutcome extends Omit<AppliedEvents, 'customers' | 'changes'> {
  readonly decisions: readonly DecisionSummary[];
  /**
   * The events to publish now: those of this batch's decisions, and again those of decisions a redelivered event
   * caused (its first delivery may have died between commit and publish; their ids make the copy a duplicate).
   */
  readonly events: readonly OutboundEvent[];
}

/** The latest run is not the one a batch was to be decided against: load it and process the batch again. */
export class ReferenceMoved extends Error {
  constructor(readonly runId: string | null) {
    super(`the latest run is ${runId ?? 'none'}`);
  }
}

/**
 * One batch of events in one transaction: applied to the data, then the customers they changed decided again
 * against `reference` (none before the first batch run: the events are then only applied). A failure rolls all of
 * it back, so an event is never logged as applied without the decision it caused. `cache`: the units the caller
 * keeps between batches (a worker's); what the batch decided goes into it once committed. Throws ReferenceMoved,
 * having changed nothing, when `reference` is not the latest run (read in the transaction, so that no batch is
 * decided against a run another has replaced).
 */
export async function processBatch(
  engine: Engine,
  reference: RunReference | null,
  events: readonly InboundEvent[],
  now: Date,
  timeZone: string,
  cache: UnitCache = new UnitCache(),
): Promise<BatchOutcome> {
  const d = engine.dialect;
  const { outcome, decided } = await engine.transaction(async (tx) => {
    for (const statement of d.favourIndexScans()) await tx.run(statement);
    const versions = await readStreamVersions(tx, d);
    if (versions.runId !== (reference?.runId ?? null)) throw new ReferenceMoved(versions.runId);
    const applied = await applyEvents(tx, d, events, now);
    const decided =
      reference === null
        ? { decisions: [], events: [], cache: null }
        : await decideCustomers(tx, d, reference, applied, now, timeZone, cache, versions);
    const again =
      applied.duplicates.length === 0
        ? []
        : (await tx.all(eventsCausedBySql(d, applied.duplicates))).flatMap((r) =>
            (JSON.parse(String(r.events)) as unknown[]).map((e) => OutboundEventSchema.parse(e)),
          );
    const outcome: BatchOutcome = {
      applied: applied.applied,
      duplicates: applied.duplicates,
      rejected: applied.rejected,
      decisions: decided.decisions,
      events: [...decided.events, ...again],
    };
    return { outcome, decided: decided.cache };
  });
  if (decided) cache.install(decided.stamp, decided.units);
  return outcome;
}
