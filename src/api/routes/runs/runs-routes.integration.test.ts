import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../app/accounts/audit.js';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

describeEachEngine('runs API', (kind) => {
  let server: ApiTestServer;

  beforeAll(async () => {
    server = await apiTestServer({ demo: { customers: 200, months: 4, weeks: 1 }, engine: kind });
  }, 120_000);
  afterAll(() => server.close());

  interface JobBody {
    jobId: string;
    status: string;
    progress: number;
    result: { runId: string; customers: number; configVersion: number } | null;
    error: { code: string } | null;
  }

  async function pollJob(headers: Record<string, string>, jobId: string): Promise<JobBody> {
    for (let i = 0; i < 600; i++) {
      const r = await server.app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers });
      expect(r.statusCode).toBe(200);
      const job = r.json<JobBody>();
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  describe('runs and jobs API', () => {
    it('lists the demo run, newest first, to anyone who may read runs', async () => {
      const viewer = await server.as('viewer');
      const r = await server.app.inject({ method: 'GET', url: '/api/v1/runs', headers: viewer });
      expect(r.statusCode).toBe(200);
      const body = r.json<{
        items: { runId: string; trigger: string; customers: number }[];
        total: number;
      }>();
      expect(body.total).toBe(1);
      expect(body.items[0]).toMatchObject({ trigger: 'backfill' });
      expect((await server.app.inject({ method: 'GET', url: '/api/v1/runs' })).statusCode).toBe(401);
    });

    it('lets an analyst start a run but not a viewer; the job runs to success and the run is listed', async () => {
      const viewer = await server.as('viewer');
      const denied = await server.app.inject({
        method: 'POST',
        url: '/api/v1/runs',
        headers: viewer,
        payload: {},
      });
      expect(denied.statusCode).toBe(403);
      expect(denied.json()).toMatchObject({
        error: { code: 'FORBIDDEN', details: { permission: 'runs.start' } },
      });
      const integration = await server.key('integration');
      expect(
        (await server.app.inject({ method: 'POST', url: '/api/v1/runs', headers: integration, payload: {} }))
          .statusCode,
      ).toBe(403);

      const analyst = await server.as('analyst', { username: 'ana' });
      // Without a body: as of yesterday in the server's zone.
      const started = await server.app.inject({ method: 'POST', url: '/api/v1/runs', headers: analyst });
      expect(started.statusCode).toBe(202);
      const { jobId, job } = started.json<{
        jobId: string;
        job: { status: string; params: { asOf: string } };
      }>();
      expect(job.status).toBe('queued');
      // A run never overlaps another.
      const second = await server.app.inject({
        method: 'POST',
        url: '/api/v1/runs',
        headers: analyst,
        payload: {},
      });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ error: { code: 'CONFLICT' } });

      const done = await pollJob(viewer, jobId);
      expect(done).toMatchObject({
        status: 'succeeded',
        progress: 1,
        error: null,
        result: { configVersion: 1 },
      });
      expect(done.result!.customers).toBeGreaterThan(150);

      const list = await server.app.inject({ method: 'GET', url: '/api/v1/runs?limit=10', headers: viewer });
      const runs = list.json<{
        items: { runId: string; asOf: string; trigger: string; configVersion: number | null }[];
      }>();
      expect(runs.items).toHaveLength(2);
      expect(runs.items[0]).toMatchObject({
        runId: done.result!.runId,
        trigger: 'run',
        configVersion: 1,
        asOf: job.params.asOf,
      });

      const jobs = await server.app.inject({ method: 'GET', url: '/api/v1/jobs', headers: viewer });
      expect(jobs.json<{ items: { jobId: string }[] }>().items.map((j) => j.jobId)).toEqual([jobId]);

      const audit = await listAudit(server.engine, server.engine.dialect, {
        action: 'run.started',
        limit: 10,
      });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor: 'ana',
        target: jobId,
        details: { kind: 'run', configVersion: 1 },
      });
    });

    it("shows one run's summary and its migration matrix against the previous run", async () => {
      const viewer = await server.as('viewer');
      const list = await server.app.inject({ method: 'GET', url: '/api/v1/runs', headers: viewer });
      const [latest, previous] = list.json<{ items: { runId: string; customers: number }[] }>().items;
      const r = await server.app.inject({
        method: 'GET',
        url: `/api/v1/runs/${latest!.runId}`,
        headers: viewer,
      });
      expect(r.statusCode).toBe(200);
      const detail = r.json<{
        run: { runId: string };
        report: {
          previousRunId: string;
          customers: number;
          excluded: number;
          tiers: { tier: string; customers: number }[];
        };
        migrationMatrix: Record<string, Record<string, number>>;
      }>();
      expect(detail.run.runId).toBe(latest!.runId);
      expect(detail.report.previousRunId).toBe(previous!.runId);
      expect(detail.report.tiers.map((t) => t.tier)).toEqual(['platinum', 'gold', 'silver', 'bronze']);
      const cells = Object.values(detail.migrationMatrix).flatMap((row) => Object.values(row));
      expect(cells.reduce((a, b) => a + b, 0)).toBe(detail.report.customers);
      // Same data and configuration as the run before: every customer keeps its tier.
      for (const [from, row] of Object.entries(detail.migrationMatrix))
        for (const to of Object.keys(row)) expect(to).toBe(from);

      // The list and the run's row count customers per tier as the report does (the dashboard's run history).
      const listed = list.json<{
        items: { runId: string; customers: number; tiers: Record<string, number>; excluded: number }[];
      }>().items;
      const row = listed[0]!;
      expect(row.tiers).toEqual(Object.fromEntries(detail.report.tiers.map((t) => [t.tier, t.customers])));
      expect(row.excluded).toBe(detail.report.excluded);
      expect(detail.run).toMatchObject({ tiers: row.tiers, excluded: row.excluded });
      for (const run of listed)
        expect(Object.values(run.tiers).reduce((a, b) => a + b, 0) + run.excluded).toBe(run.customers);
      const second = await server.app.inject({
        method: 'GET',
        url: '/api/v1/runs?limit=1&offset=1',
        headers: viewer,
      });
      expect(second.json<{ items: { runId: string; tiers: unknown }[] }>().items).toEqual([
        expect.objectContaining({ runId: previous!.runId, tiers: listed[1]!.tiers }),
      ]);

      const missing = await server.app.inject({
        method: 'GET',
        url: '/api/v1/runs/run-none',
        headers: viewer,
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { what: 'run' } } });
    });

    it('names the field of a bad request and 404s an unknown job', async () => {
      const analyst = await server.as('analyst', { username: 'ana' });
      const bad = await server.app.inject({
        method: 'POST',
        url: '/api/v1/runs',
        headers: analyst,
        payload: { asOf: '2025-02-30' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        error: { code: 'INVALID_ARGUMENT', details: { field: 'body.asOf' } },
      });
      const backwards = await server.app.inject({
        method: 'POST',
        url: '/api/v1/runs/backfill',
        headers: analyst,
        payload: { from: '2025-03-01', to: '2025-01-01' },
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json()).toMatchObject({
        error: { code: 'INVALID_ARGUMENT', details: { field: 'from' } },
      });
      const unknown = await server.app.inject({
        method: 'GET',
        url: '/api/v1/jobs/job-none',
        headers: analyst,
      });
      expect(unknown.statusCode).toBe(404);
    });
  });
});
