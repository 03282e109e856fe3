import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { listAudit } from '../../../app/accounts/audit.js';
import { latestFire, nextFire } from '../../../app/schedules/cron.js';
import { addSchedule, getSchedule, removeSchedule } from '../../../app/schedules/schedules.js';
import { insertJobSql, markJobRunningSql } from '../../../sql/jobs/jobs-sql.js';
import { sql } from '../../../sql/query.js';
import { schedulerService, serverJobs } from '../jobs/server-jobs.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

describeEachEngine('schedules API', (kind) => {
  let server: ApiTestServer;

  beforeAll(async () => {
    server = await apiTestServer({ engine: kind });
  }, 60_000);
  afterAll(() => server.close());

  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => server.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  describe('schedules API', () => {
    it('adds, lists, changes and removes schedules, with the next run time', async () => {
      const analyst = await server.as('analyst', { username: 'ana' });
      const before = new Date();
      const added = await inject('POST', '/schedules', analyst, { name: 'weekly', cron: '0 3 * * 1' });
      expect(added.statusCode).toBe(201);
      const s = added.json<{
        scheduleId: string;
        timeZone: string;
        nextRunAt: string;
        enabled: boolean;
        createdBy: string;
      }>();
      expect(s).toMatchObject({ timeZone: 'Asia/Shanghai', enabled: true, createdBy: 'ana' });
      const expected = nextFire({ cron: '0 3 * * 1', timeZone: 'Asia/Shanghai' }, before)!;
      expect(s.nextRunAt).toBe(expected.toISOString());
      // Monday 03:00 in Shanghai is Sunday 19:00 UTC.
      expect(new Date(s.nextRunAt).getUTCDay()).toBe(0);
      expect(new Date(s.nextRunAt).getUTCHours()).toBe(19);

      const monthly = await inject('POST', '/schedules', analyst, {
        name: 'monthly',
        cron: '0 3 1 * *',
        timeZone: 'UTC',
      });
      expect(monthly.json<{ nextRunAt: string }>().nextRunAt).toMatch(/^\d{4}-\d{2}-01T03:00:00\.000Z$/);

      const list = await inject('GET', '/schedules', analyst);
      expect(list.json<{ items: { name: string }[] }>().items.map((i) => i.name)).toEqual([
        'weekly',
        'monthly',
      ]);

      const off = await inject('PATCH', `/schedules/${s.scheduleId}`, analyst, { enabled: false });
      expect(off.statusCode).toBe(200);
      expect(off.json()).toMatchObject({ enabled: false, nextRunAt: null, cron: '0 3 * * 1' });

      expect((await inject('DELETE', `/schedules/${s.scheduleId}`, analyst)).statusCode).toBe(204);
      expect((await inject('GET', `/schedules/${s.scheduleId}`, analyst)).statusCode).toBe(404);
      expect((await inject('DELETE', `/schedules/${s.scheduleId}`, analyst)).statusCode).toBe(404);
    });

    it('adds a schedule that generates a report, changes its action, and reads schedules without one as runs', async () => {
      const analyst = await server.as('analyst', { username: 'ana' });
      const added = await inject('POST', '/schedules', analyst, {
        name: 'weekly report',
        cron: '0 6 * * 1',
        action: { kind: 'report', period: 'week', format: 'pdf' },
      });
      expect(added.statusCode).toBe(201);
      const s = added.json<{ scheduleId: string; action: unknown }>();
      // The language defaults as in POST /reports.
      expect(s.action).toEqual({ kind: 'report', period: 'week', format: 'pdf', language: 'zh-CN' });
      const [audit] = await listAudit(server.engine, server.engine.dialect, {
        action: 'schedule.created',
        limit: 1,
      });
      expect(audit).toMatchObject({ target: s.scheduleId, details: { action: s.action } });

      const bad = await inject('POST', '/schedules', analyst, {
        name: 'x',
        cron: '0 6 * * 1',
        action: { kind: 'report', period: 'year' },
      });
      expect(bad.statusCode).toBe(400);

      const monthly = { kind: 'report', period: 'month', format: 'html', language: 'en' };
      const changed = await inject('PATCH', `/schedules/${s.scheduleId}`, analyst, { action: monthly });
      expect(changed.json()).toMatchObject({ action: monthly, cron: '0 6 * * 1' });
      // A schedule stored before actions existed (action NULL) starts tiering runs.
      await server.engine.run(
        sql(`UPDATE schedules SET action = NULL WHERE schedule_id = ${server.engine.dialect.param(1)}`, [
          s.scheduleId,
        ]),
      );
      expect((await inject('GET', `/schedules/${s.scheduleId}`, analyst)).json()).toMatchObject({
        action: { kind: 'run' },
      });
      expect((await inject('DELETE', `/schedules/${s.scheduleId}`, analyst)).statusCode).toBe(204);
    });

    it('names the field of a bad cron expression or zone', async () => {
      const analyst = await server.as('analyst', { username: 'ana' });
      const badCron = await inject('POST', '/schedules', analyst, { name: 'x', cron: '0 3 * *' });
      expect(badCron.statusCode).toBe(400);
      expect(badCron.json()).toMatchObject({
        error: { code: 'INVALID_ARGUMENT', details: { field: 'cron' } },
      });
      const badZone = await inject('POST', '/schedules', analyst, {
        name: 'x',
        cron: '0 3 * * 1',
        timeZone: 'Moon/Base',
      });
      expect(badZone.json()).toMatchObject({
        error: { code: 'INVALID_ARGUMENT', details: { field: 'timeZone' } },
      });
    });

    it('is for those who may manage schedules', async () => {
      for (const role of ['viewer', 'manager', 'rep'] as const) {
        const headers = await server.as(role);
        expect((await inject('GET', '/schedules', headers)).statusCode).toBe(403);
        expect(
          (await inject('POST', '/schedules', headers, { name: 'x', cron: '0 3 * * 1' })).statusCode,
        ).toBe(403);
      }
      expect((await inject('GET', '/schedules', await server.as('admin'))).statusCode).toBe(200);
    });

    it('runs as a server service: marks interrupted jobs, then runs a missed schedule once', async () => {
      const DAY = 86_400_000;
      let t = Date.now() - 30 * DAY;
      // A server of its own clock on the same database (its own job runner and scheduler).
      const deps = { ...server.app.deps, now: () => new Date(t) };
      const d = server.engine.dialect;
      await server.engine.run(
        insertJobSql(d, {
          jobId: 'job-left',
          kind: 'run',
          requestedBy: 'ana',
          params: '{}',
          createdAt: new Date(t).toISOString(),
        }),
      );
      await server.engine.run(markJobRunningSql(d, 'job-left', new Date(t).toISOString()));
      const s = await addSchedule(
        server.engine,
        { name: 'weekly', cron: '0 3 * * 1', timeZone: 'Asia/Shanghai', createdBy: 'ana' },
        deps.now(),
      );
      t = Date.now();
      const service = schedulerService(deps);
      await service.start();
      try {
        const { jobs } = serverJobs(deps);
        expect(await jobs.get('job-left')).toMatchObject({
          status: 'failed',
          error: { code: 'INTERRUPTED' },
        });
        const fired = await getSchedule(server.engine, s.scheduleId);
        expect(fired.lastFiredAt).toBe(latestFire(s, new Date(t))!.toISOString());
        const job = await jobs.wait(fired.lastJobId!);
        expect(job).toMatchObject({ status: 'succeeded', requestedBy: `schedule:${s.scheduleId}` });
        const all = await jobs.list({ limit: 50, offset: 0 });
        expect(all.filter((j) => j.requestedBy === `schedule:${s.scheduleId}`)).toHaveLength(1);
      } finally {
        await service.stop();
        await removeSchedule(server.engine, s.scheduleId);
      }
    });
  });
});
