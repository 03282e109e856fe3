import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../app/accounts/audit.js';
import type { AllocationPlan } from '../../../contracts/allocation/plan.js';
import { UNASSIGNED_REASONS } from '../../../domain/allocation/problem.js';
import { sql } from '../../../sql/query.js';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

interface JobBody {
  jobId: string;
  kind: string;
  status: string;
  progress: number;
  step: string | null;
  params: unknown;
  result: unknown;
  error: { code: string; message: string } | null;
}

describeEachEngine('allocation API', (kind) => {
  let server: ApiTestServer;
  let runId: string;
  /** Customers of the latest run that allocation places (snapshot rows with a cleaned customer). */
  let runCustomers: number;
  /** Customers whose owner the test moved to a rep of another city: no longer eligible, so the plan moves them. */
  let misplaced: string[];

  beforeAll(async () => {
    server = await apiTestServer({ demo: { customers: 200, months: 4, weeks: 1 }, engine: kind });
    const [run] = await server.engine.all('SELECT run_id FROM tiering_runs ORDER BY as_of DESC LIMIT 1');
    runId = String(run?.run_id);
    const [count] = await server.engine.all(
      sql(
        `SELECT count(*) AS n FROM tier_snapshots s JOIN customers_clean c ON c.customer_id = s.customer_id
         WHERE s.run_id = $1`,
        [runId],
      ),
    );
    runCustomers = Number(count?.n);
    // Three customers of one city handed to a rep of another city.
    const [far] = await server.engine.all(
      `SELECT r.rep_id, r.name, r.team, r.city FROM reps r ORDER BY r.rep_id DESC LIMIT 1`,
    );
    const rows = await server.engine.all(
      sql(
        `SELECT o.customer_id FROM customer_owners o JOIN customers_clean c ON c.customer_id = o.customer_id
         JOIN tier_snapshots s ON s.customer_id = o.customer_id AND s.run_id = $1
         WHERE c.city <> $2 ORDER BY o.customer_id LIMIT 3`,
        [runId, String(far?.city)],
      ),
    );
    misplaced = rows.map((r) => String(r.customer_id));
    for (const id of misplaced)
      await server.engine.run(
        sql('UPDATE customer_owners SET rep_id = $1, rep_name = $2, team = $3 WHERE customer_id = $4', [
          String(far?.rep_id),
          String(far?.name),
          String(far?.team),
          id,
        ]),
      );
  }, 180_000);
  afterAll(() => server.close());

  async function pollJob(headers: Record<string, string>, jobId: string): Promise<JobBody> {
    for (let i = 0; i < 2400; i++) {
      const r = await server.app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers });
      expect(r.statusCode).toBe(200);
      const job = r.json<JobBody>();
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  const post = (headers: Record<string, string>, payload?: Record<string, unknown>) =>
    server.app.inject({ method: 'POST', url: '/api/v1/allocation/plans', headers, payload });

  async function owners(): Promise<Map<string, string>> {
    const rows = await server.engine.all('SELECT customer_id, rep_id FROM customer_owners_clean');
    return new Map(rows.map((r) => [String(r.customer_id), String(r.rep_id)]));
  }

  function expectComplete(plan: AllocationPlan) {
    // Every customer of the run is assigned or listed, with a reason, never both and never dropped.
    expect(plan.assigned + plan.unassigned.length).toBe(runCustomers);
    expect(new Set(plan.unassigned.map((u) => u.customerId)).size).toBe(plan.unassigned.length);
    for (const u of plan.unassigned) expect(UNASSIGNED_REASONS).toContain(u.reason);
    expect(plan.owners.reduce((n, o) => n + o.customers, 0)).toBe(plan.assigned);
    for (const o of plan.owners) expect(o.workload, o.id).toBeLessThanOrEqual(o.capacity + 1e-6);
    expect(plan.comparison.optimiser.overCapacityOwners).toBe(0);
  }

  describe('allocation plans, rounds and owner history', () => {
    it('computes a dry-run plan as a background job and writes nothing', async () => {
      const before = await owners();
      const analyst = await server.as('analyst', { username: 'ana' });
      const started = await post(analyst, { timeLimitSeconds: 10 });
      expect(started.statusCode).toBe(202);
      const { jobId, job } = started.json<{ jobId: string; job: JobBody }>();
      expect(job).toMatchObject({ kind: 'allocation', status: 'queued', params: { dryRun: true } });

      const done = await pollJob(analyst, jobId);
      expect(done).toMatchObject({ status: 'succeeded', progress: 1, error: null });
      const plan = done.result as AllocationPlan;
      expect(plan).toMatchObject({ runId, applied: false });
      expectComplete(plan);
      expect(plan.bound).not.toBeNull();
      expect(plan.gap).toBeGreaterThanOrEqual(0);
      // The misplaced customers are served by a rep of their own city now.
      const moved = new Set(plan.moves.map((m) => m.customerId));
      const unassigned = new Set(plan.unassigned.map((u) => u.customerId));
      for (const id of misplaced) expect(moved.has(id) || unassigned.has(id), id).toBe(true);
      expect(plan.comparison.zScore.assigned).toBeGreaterThan(0);

      expect(await owners()).toEqual(before);
      const rounds = await server.app.inject({
        method: 'GET',
        url: '/api/v1/allocation/rounds',
        headers: analyst,
      });
      expect(rounds.json()).toEqual({ items: [] });
      const audit = await listAudit(server.engine, server.engine.dialect, {
        action: 'allocation.planned',
        limit: 10,
      });
      expect(audit[0]).toMatchObject({ actor: 'ana', target: jobId, details: { dryRun: true } });

      // Callers who may follow jobs but not read allocation see the job, not the plan.
      const viewer = await server.as('viewer');
      const hidden = await server.app.inject({
        method: 'GET',
        url: `/api/v1/jobs/${jobId}`,
        headers: viewer,
      });
      expect(hidden.json()).toMatchObject({ status: 'succeeded', params: null, result: null });
    });

    it('lets only an admin apply a plan, and only allocation readers compute one', async () => {
      for (const role of ['analyst', 'manager'] as const) {
        const denied = await post(await server.as(role), { dryRun: false });
        expect(denied.statusCode, role).toBe(403);
        expect(denied.json()).toMatchObject({
          error: { code: 'FORBIDDEN', details: { permission: 'allocation.apply' } },
        });
      }
      for (const headers of [
        await server.as('viewer'),
        await server.as('rep'),
        await server.key('integration'),
      ]) {
        const denied = await post(headers, {});
        expect(denied.statusCode).toBe(403);
        expect(denied.json()).toMatchObject({ error: { details: { permission: 'allocation.read' } } });
      }
      expect((await post({}, {})).statusCode).toBe(401);
      const bad = await post(await server.as('admin'), { maxMoves: -1 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        error: { code: 'INVALID_ARGUMENT', details: { field: 'body.maxMoves' } },
      });
      const unknown = await post(await server.as('admin'), { maxmoves: 3 });
      expect(unknown.statusCode).toBe(400);
      const denials = await listAudit(server.engine, server.engine.dialect, {
        action: 'permission.denied',
        limit: 50,
      });
      expect(
        denials.some((d) => (d.details as { permission?: string }).permission === 'allocation.apply'),
      ).toBe(true);
    });

    it('applies a plan: new owners, the round with its moves, owner history and owner.changed webhooks', async () => {
      const integration = await server.key('integration');
      const hook = await server.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: integration,
        payload: { url: 'https://crm.example.com/hooks/stratum', events: ['owner.changed'] },
      });
      expect(hook.statusCode).toBe(201);
      const admin = await server.as('admin', { username: 'boss' });
      const started = await post(admin, { dryRun: false, timeLimitSeconds: 10 });
      expect(started.statusCode).toBe(202);
      const done = await pollJob(admin, started.json<{ jobId: string }>().jobId);
      expect(done).toMatchObject({ status: 'succeeded', error: null });
      const plan = done.result as AllocationPlan;
      expect(plan.applied).toBe(true);
      expectComplete(plan);
      expect(plan.moves.length).toBeGreaterThan(0);

      const now = await owners();
      for (const m of plan.moves) expect(now.get(m.customerId), m.customerId).toBe(m.to);
      for (const id of misplaced)
        expect(
          plan.moves.some((m) => m.customerId === id) || plan.unassigned.some((u) => u.customerId === id),
        ).toBe(true);

      const list = await server.app.inject({
        method: 'GET',
        url: '/api/v1/allocation/rounds',
        headers: admin,
      });
      expect(list.statusCode).toBe(200);
      const items = list.json<{ items: Record<string, unknown>[] }>().items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        roundId: plan.roundId,
        runId,
        appliedBy: 'boss',
        assigned: plan.assigned,
        unassigned: plan.unassigned.length,
        moves: plan.moves.length,
        status: plan.status,
        owners: plan.owners.length,
      });

      const manager = await server.as('manager');
      const page = await server.app.inject({
        method: 'GET',
        url: `/api/v1/allocation/rounds/${plan.roundId}?limit=2`,
        headers: manager,
      });
      expect(page.statusCode).toBe(200);
      const detail = page.json<{
        round: { roundId: string; appliedBy: string; settings: { timeLimitSeconds: number } };
        plan: { roundId: string; applied: boolean; assigned: number };
        moves: {
          items: { customerId: string; to: string; gain: number; explanation: { customerId: string } }[];
        };
      }>();
      expect(detail.round).toMatchObject({
        roundId: plan.roundId,
        appliedBy: 'boss',
        settings: { timeLimitSeconds: 10 },
      });
      expect(detail.plan).toMatchObject({ roundId: plan.roundId, applied: true, assigned: plan.assigned });
      expect(detail.moves).toMatchObject({ total: plan.moves.length, limit: 2, offset: 0 });
      expect(detail.moves.items).toHaveLength(Math.min(2, plan.moves.length));
      const byGain = [...plan.moves].sort(
        (a, b) => b.gain - a.gain || a.customerId.localeCompare(b.customerId),
      );
      expect(detail.moves.items[0]).toMatchObject({ customerId: byGain[0]!.customerId, to: byGain[0]!.to });
      expect(detail.moves.items[0]!.explanation.customerId).toBe(byGain[0]!.customerId);
      const missing = await server.app.inject({
        method: 'GET',
        url: '/api/v1/allocation/rounds/alloc-none',
        headers: manager,
      });
      expect(missing.statusCode).toBe(404);

      // The moved customer's ownership history, for those who may see the customer.
      const move = plan.moves[0]!;
      const history = await server.app.inject({
        method: 'GET',
        url: `/api/v1/customers/${move.customerId}/owners`,
        headers: admin,
      });
      expect(history.statusCode).toBe(200);
      expect(history.json()).toMatchObject({
        customerId: move.customerId,
        changes: [{ roundId: plan.roundId, from: move.from, to: move.to, toTeam: move.toTeam }],
      });
      const stranger = await server.as('rep', { repId: 'rep-none' });
      const hiddenHistory = await server.app.inject({
        method: 'GET',
        url: `/api/v1/customers/${move.customerId}/owners`,
        headers: stranger,
      });
      expect(hiddenHistory.statusCode).toBe(404);
      const newOwner = await server.as('rep', { repId: move.to });
      const ownHistory = await server.app.inject({
        method: 'GET',
        url: `/api/v1/customers/${move.customerId}/owners`,
        headers: newOwner,
      });
      expect(ownHistory.statusCode).toBe(200);

      const audit = await listAudit(server.engine, server.engine.dialect, {
        action: 'allocation.apply',
        limit: 5,
      });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor: 'boss',
        target: plan.roundId,
        details: { moves: plan.moves.length },
      });
      const deliveries = await server.app.inject({
        method: 'GET',
        url: `/api/v1/webhooks/${hook.json<{ id: string }>().id}/deliveries?limit=500`,
        headers: integration,
      });
      const sent = deliveries.json<{ items: { eventType: string }[] }>().items;
      expect(sent).toHaveLength(plan.moves.length);
      for (const d of sent) expect(d.eventType).toBe('owner.changed');
    });
  });
});
