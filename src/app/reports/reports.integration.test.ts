import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../contracts/data-model/system/reports.js';
import { isoDateIn } from '../../contracts/time/zoned-time.js';
import type { Engine } from '../../engines/engine.js';
import { copyRowsSql } from '../../sql/copy/copy-sql.js';
import { freshEngine, TEST_TZ, describeEachEngine } from '../../../test/support/engines.js';
import { runDemo } from '../demo/run-demo.js';
import { JobRunner } from '../jobs/job-runner.js';
import { latestFire } from '../schedules/cron.js';
import { Scheduler } from '../schedules/scheduler.js';
import { addSchedule, getSchedule, removeSchedule } from '../schedules/schedules.js';
import { runReportJob, type ReportJobResult } from './report-job.js';
import { deleteReport, getReport, listReports, reportContent, saveReport } from './stored-reports.js';

describeEachEngine('reports', (kind) => {
  const DAY = 86_400_000;
  let engine: Engine;
  const now = () => new Date();

  beforeAll(async () => {
    const db = await freshEngine(kind);
    engine = db.engine;
    await runDemo(engine, {
      customers: 200,
      months: 4,
      seed: 11,
      dataDir: join(db.dir, 'demo'),
      timeZone: TEST_TZ,
      weeks: 2,
    });
  }, 120_000);
  afterAll(() => engine.close());

  const rendered = (filename: string, bytes: Uint8Array) => ({
    title: `title of ${filename}`,
    periodStart: '2025-06-02',
    periodEnd: '2025-06-08',
    filename,
    contentType: 'application/pdf',
    bytes,
  });

  describe('reports', () => {
    it('stores reports with their bytes exactly, lists them newest first by page, and deletes them', async () => {
      // Every byte value, and a larger file than one base64 line or one page of a driver buffer.
      const small = Uint8Array.from({ length: 256 }, (_, i) => i);
      const large = new Uint8Array(randomBytes(300_000));
      const meta = { format: 'pdf', language: 'zh-CN' } as const;
      const first = await saveReport(engine, {
        rendered: rendered('周报.pdf', small),
        request: { period: 'week', ...meta },
        createdBy: 'ana',
        jobId: 'job-1',
        scheduleId: null,
        createdAt: new Date('2025-06-09T01:00:00Z'),
      });
      const second = await saveReport(engine, {
        rendered: rendered('month.pdf', large),
        request: { period: 'month', ...meta },
        createdBy: 'schedule:sch-1',
        jobId: 'job-2',
        scheduleId: 'sch-1',
        createdAt: new Date('2025-06-09T02:00:00Z'),
      });
      expect(first).toEqual({
        reportId: first.reportId,
        title: 'title of 周报.pdf',
        period: 'week',
        format: 'pdf',
        language: 'zh-CN',
        periodStart: '2025-06-02',
        periodEnd: '2025-06-08',
        filename: '周报.pdf',
        contentType: 'application/pdf',
        sizeBytes: 256,
        createdAt: '2025-06-09T01:00:00.000Z',
        createdBy: 'ana',
        jobId: 'job-1',
        scheduleId: null,
      });
      expect(second).toMatchObject({ sizeBytes: 300_000, scheduleId: 'sch-1', period: 'month' });

      expect(Buffer.compare((await reportContent(engine, first.reportId)).content, small)).toBe(0);
      expect(Buffer.compare((await reportContent(engine, second.reportId)).content, large)).toBe(0);
      // `stratum copy` moves the content as one line of base64 on either engine.
      const copied = await engine.all(copyRowsSql(engine.dialect, reports));
      const text = copied.find((r) => r.report_id === second.reportId)!.content;
      expect(text).toBe(Buffer.from(large).toString('base64'));

      expect(await listReports(engine, { limit: 10, offset: 0 })).toEqual({
        reports: [second, first],
        total: 2,
      });
      expect(await listReports(engine, { limit: 1, offset: 1 })).toEqual({ reports: [first], total: 2 });

      expect(await deleteReport(engine, first.reportId)).toEqual(first);
      await expect(getReport(engine, first.reportId)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        details: { what: 'report' },
      });
      await expect(reportContent(engine, first.reportId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(deleteReport(engine, first.reportId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await deleteReport(engine, second.reportId);
    });

    it('generates and stores a report with progress, as a background job that names it', async () => {
      const progress: { value: number; step: string }[] = [];
      const direct = await runReportJob(
        engine,
        {
          kind: 'report',
          period: 'week',
          format: 'html',
          language: 'en',
          timeZone: TEST_TZ,
          scheduleId: null,
        },
        { jobId: 'job-direct', requestedBy: 'ana', now },
        (value, step) => progress.push({ value, step }),
      );
      const values = progress.map((p) => p.value);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(progress.at(-1)).toEqual({ value: 0.95, step: 'Storing the report' });
      expect(progress.length).toBeGreaterThan(1);
      const stored = await reportContent(engine, direct.reportId);
      expect(stored.info).toMatchObject({
        jobId: 'job-direct',
        createdBy: 'ana',
        format: 'html',
        language: 'en',
      });
      expect(stored.info.contentType).toMatch(/^text\/html/);
      expect(stored.content.toString('utf8')).toMatch(/^\s*<!doctype html>/i);
      expect(stored.info.sizeBytes).toBe(stored.content.byteLength);

      const jobs = new JobRunner({ engine, now });
      const queued = await jobs.start(
        {
          kind: 'report',
          period: 'month',
          format: 'html',
          language: 'zh-CN',
          timeZone: TEST_TZ,
          scheduleId: null,
        },
        'bob',
      );
      expect(queued).toMatchObject({ kind: 'report', status: 'queued', params: { period: 'month' } });
      const done = await jobs.wait(queued.jobId);
      expect(done).toMatchObject({ status: 'succeeded', progress: 1, error: null });
      const result = done.result as ReportJobResult;
      const info = await getReport(engine, result.reportId);
      expect(result).toEqual({
        reportId: info.reportId,
        title: info.title,
        filename: info.filename,
        periodStart: info.periodStart,
        periodEnd: info.periodEnd,
        sizeBytes: info.sizeBytes,
      });
      expect(info).toMatchObject({
        period: 'month',
        jobId: queued.jobId,
        createdBy: 'bob',
        scheduleId: null,
      });
      expect(info.periodStart.slice(8)).toBe('01');

      await expect(
        jobs.start(
          {
            kind: 'report',
            period: 'week',
            format: 'html',
            language: 'en',
            asOf: '2025-02-30',
            timeZone: TEST_TZ,
            scheduleId: null,
          },
          'ana',
        ),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'asOf' } });
    });

    it('fires a report schedule once: the ISO week that ended the day before its Monday fire', async () => {
      const WEEKLY = { cron: '0 4 * * 1', timeZone: 'Asia/Shanghai' };
      const realNow = new Date();
      let t = realNow.getTime() - 8 * DAY;
      const clock = () => new Date(t);
      const jobs = new JobRunner({ engine, now: clock });
      const s = await addSchedule(
        engine,
        {
          name: 'weekly report',
          ...WEEKLY,
          createdBy: 'ana',
          action: { kind: 'report', period: 'week', format: 'html', language: 'zh-CN' },
        },
        clock(),
      );
      expect(s.action).toEqual({ kind: 'report', period: 'week', format: 'html', language: 'zh-CN' });
      t = realNow.getTime();
      const scheduler = new Scheduler({ engine, jobs, now: clock });
      try {
        const tick = await scheduler.start();
        const latest = latestFire(WEEKLY, realNow)!;
        // The Sunday before the Monday fire, in Shanghai.
        const sunday = isoDateIn('Asia/Shanghai', latest.getTime() - DAY);
        expect(new Date(`${sunday}T00:00:00Z`).getUTCDay()).toBe(0);
        expect(tick.fired).toEqual([
          { scheduleId: s.scheduleId, fireAt: latest.toISOString(), asOf: sunday, jobId: expect.any(String) },
        ]);
        const job = await jobs.wait(tick.fired[0]!.jobId);
        expect(job).toMatchObject({
          kind: 'report',
          status: 'succeeded',
          requestedBy: `schedule:${s.scheduleId}`,
          params: { period: 'week', asOf: sunday, scheduleId: s.scheduleId },
        });
        const info = await getReport(engine, (job.result as ReportJobResult).reportId);
        expect(info).toMatchObject({
          periodEnd: sunday,
          scheduleId: s.scheduleId,
          createdBy: `schedule:${s.scheduleId}`,
          jobId: job.jobId,
        });
        expect(Date.parse(`${info.periodEnd}T00:00:00Z`) - Date.parse(`${info.periodStart}T00:00:00Z`)).toBe(
          6 * DAY,
        );
        expect((await getSchedule(engine, s.scheduleId)).lastJobId).toBe(job.jobId);
        // Once: nothing more is owed this week.
        expect((await scheduler.tick()).fired).toEqual([]);
      } finally {
        scheduler.stop();
        await jobs.idle();
        await removeSchedule(engine, s.scheduleId);
      }
    });
  });
});
