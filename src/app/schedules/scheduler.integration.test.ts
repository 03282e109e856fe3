import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../engines/engine.js';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { defaultEnd } from '../generate/generate-options.js';
import { JobRunner } from '../jobs/job-runner.js';
import { listRuns } from '../jobs/runs.js';
import { latestFire } from './cron.js';
import { Scheduler } from './scheduler.js';
import { addSchedule, getSchedule, removeSchedule } from './schedules.js';
import { describeEachEngine } from '../../../test/support/engines.js';

describeEachEngine('scheduler', (kind) => {
  const DAY = 86_400_000;
  const WEEKLY = { cron: '0 3 * * 1', timeZone: 'Asia/Shanghai' };
  let engine: Engine;

  beforeAll(async () => {
    ({ engine } = await demoDatabase(200, 4, 11, kind));
  }, 120_000);
  afterAll(() => engine.close());

  /** A clock the test moves by hand. */
  function clock(start: Date) {
    let t = start.getTime();
    return { now: () => new Date(t), set: (d: Date) => (t = d.getTime()) };
  }

  async function until<T>(probe: () => Promise<T | null>, what: string): Promise<T> {
    for (let i = 0; i < 500; i++) {
      const v = await probe();
      if (v !== null) return v;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  describe('scheduler', () => {
    it('runs a schedule missed during downtime once on start, as of the day before its latest time', async () => {
      // The data ends yesterday; the latest Monday 03:00 (Shanghai) before now is in it.
      const realNow = new Date();
      const c = clock(new Date(realNow.getTime() - 30 * DAY));
      const jobs = new JobRunner({ engine, now: c.now });
      const s = await addSchedule(engine, { name: 'weekly', ...WEEKLY, createdBy: 'ana' }, c.now());

      // The server was down for 30 days: four or five Mondays were missed.
      c.set(realNow);
      const scheduler = new Scheduler({ engine, jobs, now: c.now });
      const tick = await scheduler.start();
      try {
        const latest = latestFire(WEEKLY, realNow)!;
        const expectedAsOf = new Date(latest.getTime() + 8 * 3_600_000 - DAY).toISOString().slice(0, 10);
        expect(tick.fired).toHaveLength(1);
        expect(tick.fired[0]).toMatchObject({
          scheduleId: s.scheduleId,
          fireAt: latest.toISOString(),
          asOf: expectedAsOf,
        });
        expect(tick.deferred).toEqual([]);
        const job = await jobs.wait(tick.fired[0]!.jobId);
        expect(job).toMatchObject({ status: 'succeeded', requestedBy: `schedule:${s.scheduleId}` });
        expect((await getSchedule(engine, s.scheduleId)).lastFiredAt).toBe(latest.toISOString());

        // Checking again, now or later the same week, owes nothing more.
        expect((await scheduler.tick()).fired).toEqual([]);
        c.set(new Date(latest.getTime() + 6 * DAY));
        expect((await scheduler.tick()).fired).toEqual([]);
        const { runs } = await listRuns(engine, { limit: 10, offset: 0 });
        expect(runs.filter((r) => r.trigger === 'schedule').map((r) => r.asOf)).toEqual([expectedAsOf]);
        // The timer is set for the next Monday.
        expect((await scheduler.nextWake())?.toISOString()).toBe(
          new Date(latest.getTime() + 7 * DAY).toISOString(),
        );
      } finally {
        scheduler.stop();
        await jobs.idle();
        await removeSchedule(engine, s.scheduleId);
      }
    });

    it('never overlaps a running job: a due schedule waits and fires once when the job ends', async () => {
      const realNow = new Date();
      const c = clock(new Date(realNow.getTime() - 8 * DAY));
      const jobs = new JobRunner({ engine, now: c.now });
      const a = await addSchedule(engine, { name: 'a', ...WEEKLY, createdBy: 'ana' }, c.now());
      const b = await addSchedule(
        engine,
        { name: 'b', cron: '0 4 * * *', timeZone: 'Asia/Shanghai', createdBy: 'ana' },
        c.now(),
      );
      const scheduler = new Scheduler({ engine, jobs, now: c.now });
      await scheduler.start();
      try {
        c.set(realNow);
        const manual = await jobs.start({ kind: 'run', asOf: defaultEnd(), trigger: 'run' }, 'ana');
        // Both schedules are due, but a run is in progress.
        const tick = await scheduler.tick();
        expect(tick.fired).toEqual([]);
        expect([...tick.deferred].sort()).toEqual([a.scheduleId, b.scheduleId].sort());

        // When the manual run ends, one schedule fires; when that run ends, the other.
        await jobs.wait(manual.jobId);
        const jobA = await until(
          async () => (await getSchedule(engine, a.scheduleId)).lastJobId,
          'schedule a',
        );
        const jobB = await until(
          async () => (await getSchedule(engine, b.scheduleId)).lastJobId,
          'schedule b',
        );
        await jobs.wait(jobA);
        await jobs.wait(jobB);
        await jobs.idle();

        const all = await jobs.list({ limit: 10, offset: 0 });
        const mine = [manual.jobId, jobA, jobB]
          .map((id) => all.find((j) => j.jobId === id)!)
          .sort((x, y) => (x.startedAt! < y.startedAt! ? -1 : 1));
        expect(mine[0]!.jobId).toBe(manual.jobId);
        expect(mine.map((j) => j.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
        // One after the other: each starts after the one before has finished.
        for (let i = 1; i < mine.length; i++)
          expect(mine[i]!.startedAt! >= mine[i - 1]!.finishedAt!).toBe(true);
        // And each schedule fired once.
        expect((await scheduler.tick()).fired).toEqual([]);
        const byA = all.filter((j) => j.requestedBy === `schedule:${a.scheduleId}`);
        const byB = all.filter((j) => j.requestedBy === `schedule:${b.scheduleId}`);
        expect([byA.length, byB.length]).toEqual([1, 1]);
      } finally {
        scheduler.stop();
        await jobs.idle();
      }
    });
  });
});
