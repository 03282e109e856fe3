import { afterAll, beforeAll, expect, it } from 'vitest';
import { AllocationSettingsSchema } from '../../contracts/allocation/settings.js';
import { defaultEnd } from '../generate/generate-options.js';
import { loadTieringConfig } from '../tiering/load-config.js';
import { runTiering } from '../tiering/run-tiering.js';
import { createSubscription } from '../webhooks/subscriptions.js';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { describeEachEngine, TEST_TZ, type FreshEngine } from '../../../test/support/engines.js';
import { applyAllocation } from './apply-allocation.js';
import { planAllocation } from './plan-allocation.js';
import { planVisits } from './plan-visits.js';

const settings = AllocationSettingsSchema.parse({ mipGap: 0, timeLimitSeconds: 30, maxMovesPct: null });
const actor = { actor: 'test', actorKind: 'system', ip: null } as const;

describeEachEngine('allocation on the demo data', (kind) => {
  let db: FreshEngine;
  beforeAll(async () => {
    db = await demoDatabase(900, 6, 11, kind);
    await runTiering(db.engine, { config: await loadTieringConfig(), asOf: defaultEnd() });
  }, 180_000);
  afterAll(() => db.engine.close());

  it('places every customer within capacity or names why not, at a gap it reports against the LP bound', async () => {
    const { plan, input } = await planAllocation(db.engine, { settings });
    expect(plan.assigned + plan.unassigned.length).toBe(input.customers.length);
    expect(plan.assigned).toBeGreaterThan(input.customers.length * 0.9);
    for (const u of plan.unassigned) expect(u.reason).toMatch(/^(no_owner_in_territory|needs_|no_capacity)/);
    for (const o of plan.owners) expect(o.workload).toBeLessThanOrEqual(o.capacity + 1e-9);
    expect(plan.owners).toHaveLength(input.reps.length);
    expect(plan.bound).not.toBeNull();
    expect(plan.bound!).toBeGreaterThanOrEqual(plan.objective - 1e-6);
    expect(plan.gap).toBeGreaterThanOrEqual(0);
    expect(plan.gap).toBeLessThan(0.01);
    // The simple strategy can only beat the optimiser's net by overloading someone.
    const { optimiser, zScore } = plan.comparison;
    expect(optimiser.overCapacityOwners).toBe(0);
    if (zScore.overCapacityOwners === 0) expect(optimiser.net).toBeGreaterThanOrEqual(zScore.net - 1e-6);
    else expect(zScore.unassigned).toBeLessThanOrEqual(optimiser.unassigned);
  });

  it('explains an assignment with the alternatives and what they would cost', async () => {
    const round = await planAllocation(db.engine, { settings });
    const moved = round.plan.moves[0] ?? { customerId: round.input.customers[0]!.id };
    const e = round.explain(moved.customerId);
    expect(e?.chosen?.repId).toBeDefined();
    for (const a of e?.alternatives ?? []) {
      expect(a.difference).toBeCloseTo(a.net - e!.chosen!.net, 6);
      if (a.difference <= 0) expect(a.whyNot).toBe('lower_net');
    }
    expect(round.explain('no-such-customer')).toBeNull();
  });

  it('applies a round with a move limit: owners, history, audit and owner.changed webhooks; the next round has nothing left to gain', async () => {
    const { engine } = db;
    await createSubscription(
      engine,
      { url: 'https://crm.example.com/hooks', events: ['owner.changed'], createdBy: 'test' },
      new Date(),
    );
    const limited = AllocationSettingsSchema.parse({ ...settings, maxMoves: 5, maxMovesPct: 100 });
    const first = await planAllocation(engine, { settings: limited });
    expect(first.plan.moveBudget).toBe(5);
    const discretionary = first.plan.moves.filter((m) => m.from !== null);
    expect(discretionary.length).toBeLessThanOrEqual(5);
    await applyAllocation(engine, first, { settings: limited, actor, timeZone: TEST_TZ });

    for (const m of first.plan.moves) {
      const [owner] = await engine.all(
        `SELECT rep_id, team FROM customer_owners_clean WHERE customer_id = '${m.customerId}'`,
      );
      expect(owner).toEqual({ rep_id: m.to, team: m.toTeam });
    }
    const [moves] = await engine.all(
      `SELECT count(*) AS n FROM allocation_moves WHERE round_id = '${first.plan.roundId}'`,
    );
    expect(Number(moves?.n)).toBe(first.plan.moves.length);
    const [events] = await engine.all(
      `SELECT count(*) AS n FROM webhook_deliveries WHERE event_type = 'owner.changed'`,
    );
    expect(Number(events?.n)).toBe(first.plan.moves.length);
    const [audit] = await engine.all(`SELECT target FROM audit_log WHERE action = 'allocation.apply'`);
    expect(audit?.target).toBe(first.plan.roundId);

    // Without a limit, apply the optimum; planning again then finds no move worth its threshold.
    const full = await planAllocation(engine, { settings });
    await applyAllocation(engine, full, { settings, actor, timeZone: TEST_TZ });
    const again = await planAllocation(engine, { settings });
    expect(again.plan.moves).toEqual([]);
  });

  it('plans a rep’s week from the book it owns', async () => {
    const { plan, input } = await planAllocation(db.engine, { settings });
    const busiest = [...plan.owners].sort((a, b) => b.customers - a.customers)[0]!;
    const week = await planVisits(db.engine, { repId: busiest.id, week: '2026-W48' });
    expect(week.repId).toBe(busiest.id);
    const owned = new Set(input.customers.filter((c) => c.ownerId === busiest.id).map((c) => c.id));
    for (const day of week.days) for (const v of day.visits) expect(owned.has(v.customerId)).toBe(true);
    expect(week.totals.visits + week.totals.calls + week.unscheduled.length).toBeGreaterThan(0);
  });
});
