import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../contracts/time/iso-date.js';
import type { Engine } from '../../engines/engine.js';
import { insertJobSql, markJobRunningSql } from '../../sql/jobs/jobs-sql.js';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { defaultEnd } from '../generate/generate-options.js';
import { JobRunner } from './job-runner.js';
import { listRuns, runDetail } from './runs.js';
import { describeEachEngine } from '../../../test/support/engines.js';

describeEachEngine('job runner', (kind) => {
  let engine: Engine;
  const now = () => new Date();

  beforeAll(async () => {
    ({ engine } = await demoDatabase(200, 4, 11, kind));
  }, 120_000);
  afterAll(() => engine.close());

  describe('job runner', () => {
    it('runs a tiering job in the background to success, with progress, and never two at once', async () => {
      const jobs = new JobRunner({ engine, now });
      const steps: string[] = [];
      const finished: string[] = [];
      jobs.onFinished((j) => finished.push(`${j.jobId} ${j.status}`));
      const asOf = defaultEnd();
      const queued = await jobs.start({ kind: 'run', asOf, trigger: 'run' }, 'ana');
      expect(queued).toMatchObject({ status: 'queued', progress: 0, kind: 'run', requestedBy: 'ana' });
      expect(queued.params).toEqual({ kind: 'run', asOf, trigger: 'run', configVersion: 1 });
      expect(jobs.busy).toBe(true);
      await expect(jobs.start({ kind: 'run', asOf, trigger: 'run' }, 'bob')).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      const poll = setInterval(() => {
        const step = jobs.current?.step;
        if (step && steps.at(-1) !== step) steps.push(step);
      }, 1);
      const done = await jobs.wait(queued.jobId);
      clearInterval(poll);
      // Seen while it ran: runTiering's steps in order (a fast step may pass between two polls).
      expect(steps[0]).toBe('Computing features');
      const labels = [
        'Computing features',
        'Scoring and tiering',
        'Tags and policies',
        'Writing the snapshot',
      ];
      const order = steps.map((s) => labels.indexOf(s));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order).not.toContain(-1);
      expect(done.status).toBe('succeeded');
      expect(done.progress).toBe(1);
      expect(done.error).toBeNull();
      const result = done.result as { runId: string; asOf: string; customers: number; configVersion: number };
      expect(result).toMatchObject({ asOf, configVersion: 1 });
      expect(result.customers).toBeGreaterThan(150);
      expect(finished).toEqual([`${queued.jobId} succeeded`]);
      expect(jobs.busy).toBe(false);

      // The stored row matches what the runner returned.
      const stored = await jobs.get(queued.jobId);
      expect(stored).toEqual(done);
      expect(stored.startedAt! >= stored.createdAt && stored.finishedAt! >= stored.startedAt!).toBe(true);
      expect(await jobs.list({ limit: 10, offset: 0 })).toEqual([done]);

      // The run is listed with the configuration version it used, and has a report.
      const { runs, total } = await listRuns(engine, { limit: 10, offset: 0 });
      expect(total).toBe(1);
      expect(runs[0]).toMatchObject({ runId: result.runId, asOf, configVersion: 1, trigger: 'run' });
      const detail = await runDetail(engine, result.runId);
      expect(detail.report.customers).toBe(result.customers);
      await expect(jobs.get('job-missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('backfills weekly runs, skipping dates already run with the same configuration', async () => {
      const jobs = new JobRunner({ engine, now });
      const to = defaultEnd();
      const from = addDays(to, -14);
      const job = await jobs.start({ kind: 'backfill', from, to, every: 'week' }, 'ana');
      const done = await jobs.wait(job.jobId);
      expect(done.status).toBe('succeeded');
      const result = done.result as { dates: number; skipped: number; runs: { asOf: string }[] };
      // `to` already has a run (previous test) with the default configuration.
      expect(result).toMatchObject({ dates: 3, skipped: 1 });
      expect(result.runs.map((r) => r.asOf)).toEqual([from, addDays(to, -7)]);

      // The migration matrix of the latest run compares it with the run before.
      const { runs } = await listRuns(engine, { limit: 10, offset: 0 });
      expect(runs.map((r) => r.asOf)).toEqual([to, addDays(to, -7), from]);
      const detail = await runDetail(engine, runs[1]!.runId);
      expect(detail.report.previousRunId).toBe(runs[2]!.runId);
      const moved = Object.values(detail.migrationMatrix).flatMap((row) => Object.values(row));
      expect(moved.reduce((a, b) => a + b, 0)).toBeGreaterThan(150);
    });

    it('refuses requests that could only fail before queueing them', async () => {
      const jobs = new JobRunner({ engine, now });
      await expect(
        jobs.start({ kind: 'run', asOf: '2025-02-30', trigger: 'run' }, 'ana'),
      ).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        details: { field: 'asOf' },
      });
      await expect(
        jobs.start({ kind: 'backfill', from: '2025-03-01', to: '2025-01-01', every: 'week' }, 'ana'),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'from' } });
      expect(jobs.busy).toBe(false);
    });

    it('marks jobs left running by a stopped server as interrupted', async () => {
      const d = engine.dialect;
      const at = new Date().toISOString();
      await engine.run(
        insertJobSql(d, {
          jobId: 'job-crashed',
          kind: 'run',
          requestedBy: 'ana',
          params: '{}',
          createdAt: at,
        }),
      );
      await engine.run(markJobRunningSql(d, 'job-crashed', at));
      const jobs = new JobRunner({ engine, now });
      expect(await jobs.recoverInterrupted()).toEqual(['job-crashed']);
      const job = await jobs.get('job-crashed');
      expect(job).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED' } });
      expect(job.finishedAt).not.toBeNull();
      // Once: a second call, or a later runner, finds nothing left.
      expect(await jobs.recoverInterrupted()).toEqual([]);
      expect(await new JobRunner({ engine, now }).recoverInterrupted()).toEqual([]);
    });
  });
});
