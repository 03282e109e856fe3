import { createHash } from 'node:crypto';
import type { AllocationSettings } from '../../contracts/allocation/settings.js';
import { isoDateIn } from '../../contracts/time/zoned-time.js';
import type { Engine } from '../../engines/engine.js';
import { insertRoundSql, MOVE_COLUMNS, replaceOwnersSql } from '../../sql/allocation/apply-round-sql.js';
import { enqueueEventsSql, type OutboxEvent } from '../../sql/stream/decision-sql.js';
import { recordAudit, type AuditEntry } from '../accounts/audit.js';
import type { PlannedRound } from './plan-allocation.js';

export interface ApplyOptions {
  readonly settings: AllocationSettings;
  /** Who applies it, for the round and the audit log. */
  readonly actor: Pick<AuditEntry, 'actor' | 'actorKind' | 'ip'>;
  readonly timeZone: string;
  readonly now?: Date;
}

/** Events are inserted this many at a time: a statement's rows (one JSON parameter) stay a few MB at most. */
const EVENTS_PER_STATEMENT = 2_000;

const eventId = (roundId: string, customerId: string) =>
  `evt_${createHash('sha256').update(`owner.changed|${roundId}|${customerId}`).digest('hex').slice(0, 24)}`;

/**
 * Applies a planned round in one transaction: the round and its moves (the ownership history, with each move's
 * explanation), the new owners in customer_owners, an audit entry, and an `owner.changed` webhook per move in the
 * outbox. Nothing is written if any step fails.
 */
export async function applyAllocation(engine: Engine, round: PlannedRound, o: ApplyOptions): Promise<void> {
  const now = o.now ?? new Date();
  const appliedAt = now.toISOString();
  const { plan } = round;
  const repOf = new Map(round.input.reps.map((r) => [r.id, r]));
  // The moves go to allocation_moves; the round keeps the rest of the plan.
  const applied = { ...plan, moves: undefined, applied: true };
  const moveRows = plan.moves.map((m) => [
    plan.roundId,
    m.customerId,
    m.from,
    m.to,
    repOf.get(m.to)?.name ?? m.to,
    m.toTeam,
    m.gain.toFixed(2),
    JSON.stringify(round.explain(m.customerId)),
  ]);
  const events: OutboxEvent[] = plan.moves.map((m) => {
    const id = eventId(plan.roundId, m.customerId);
    const envelope = {
      id,
      type: 'owner.changed',
      occurredAt: appliedAt,
      runId: plan.runId,
      asOf: plan.asOf,
      data: {
        customerId: m.customerId,
        from: m.from,
        to: m.to,
        team: m.toTeam,
        roundId: plan.roundId,
        gain: Number(m.gain.toFixed(2)),
      },
    };
    return { id, type: 'owner.changed', occurredAt: appliedAt, payload: JSON.stringify(envelope) };
  });
  await engine.withLock('allocation', () =>
    engine.transaction(async (tx) => {
      const d = engine.dialect;
      await tx.run(
        insertRoundSql(d, {
          roundId: plan.roundId,
          runId: plan.runId,
          asOf: plan.asOf,
          appliedAt,
          appliedBy: o.actor.actor,
          settings: JSON.stringify(o.settings),
          plan: JSON.stringify(applied),
        }),
      );
      await tx.bulkLoad('allocation_moves', MOVE_COLUMNS, moveRows);
      for (const q of replaceOwnersSql(d, plan.roundId, isoDateIn(o.timeZone, now.getTime())))
        await tx.run(q);
      for (let i = 0; i < events.length; i += EVENTS_PER_STATEMENT)
        await tx.run(enqueueEventsSql(d, events.slice(i, i + EVENTS_PER_STATEMENT)));
      await recordAudit(
        tx,
        d,
        {
          ...o.actor,
          action: 'allocation.apply',
          target: plan.roundId,
          details: {
            runId: plan.runId,
            moves: plan.moves.length,
            unassigned: plan.unassigned.length,
            gap: plan.gap,
          },
        },
        now,
      );
    }),
  );
}
