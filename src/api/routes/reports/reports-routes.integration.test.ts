import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine } from '../../../../test/support/engines.js';
import { listAudit } from '../../../app/accounts/audit.js';
import { saveReport } from '../../../app/reports/stored-reports.js';
import { serverJobs } from '../jobs/server-jobs.js';

describeEachEngine('reports API', (kind) => {
  let server: ApiTestServer;

  beforeAll(async () => {
    server = await apiTestServer({ demo: { customers: 200, months: 4, weeks: 1 }, engine: kind });
  }, 120_000);
  afterAll(() => server.close());

  const inject = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => server.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  interface Info {
    reportId: string;
    title: string;
    period: string;
    format: string;
    language: string;
    periodStart: string;
    periodEnd: string;
    filename: string;
    contentType: string;
    sizeBytes: number;
    jobId: string;
    createdBy: string;
    scheduleId: string | null;
  }

  /** Generates a report through the API as `headers`; returns its job once it has finished. */
  async function generate(headers: Record<string, string>, body: object) {
    const r = await inject('POST', '/reports', headers, body);
    expect(r.statusCode).toBe(202);
    const { jobId, job } = r.json<{ jobId: string; job: { kind: string; status: string } }>();
    expect(job).toMatchObject({ kind: 'report', status: 'queued' });
    await serverJobs(server.app.deps).jobs.wait(jobId);
    const done = await inject('GET', `/jobs/${jobId}`, headers);
    return done.json<{ jobId: string; status: string; result: { reportId: string } | null }>();
  }

  describe('reports API', () => {
    it('generates a report as a job, then lists it, describes it and serves its file', async () => {
      const analyst = await server.as('analyst', { username: 'ana' });
      const job = await generate(analyst, { period: 'week', format: 'html', language: 'en' });
      expect(job.status).toBe('succeeded');
      const reportId = job.result!.reportId;

      const viewer = await server.as('viewer');
      const list = await inject('GET', '/reports', viewer);
      expect(list.statusCode).toBe(200);
      const { items, total } = list.json<{ items: Info[]; total: number }>();
      expect(total).toBe(1);
      expect(items[0]).toMatchObject({
        reportId,
        period: 'week',
        format: 'html',
        language: 'en',
        jobId: job.jobId,
        createdBy: 'ana',
        scheduleId: null,
      });

      const one = await inject('GET', `/reports/${reportId}`, viewer);
      expect(one.json()).toEqual(items[0]);

      const file = await inject('GET', `/reports/${reportId}/download`, viewer);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe(items[0]!.contentType);
      expect(file.headers['content-disposition']).toBe(`attachment; filename="${items[0]!.filename}"`);
      expect(file.rawPayload.byteLength).toBe(items[0]!.sizeBytes);
      expect(file.body).toMatch(/^\s*<!doctype html>/i);

      const audit = await listAudit(server.engine, server.engine.dialect, {
        action: 'report.started',
        limit: 10,
      });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor: 'ana',
        target: job.jobId,
        details: { period: 'week', format: 'html', language: 'en' },
      });
    });

    it('pages the list newest first and names a non-ASCII file with filename*', async () => {
      const viewer = await server.as('viewer');
      const bytes = new TextEncoder().encode('%PDF-1.4 月报');
      const saved = await saveReport(server.engine, {
        rendered: {
          title: '客户分级月报',
          periodStart: '2025-05-01',
          periodEnd: '2025-05-31',
          filename: '客户分级月报-2025-05.pdf',
          contentType: 'application/pdf',
          bytes,
        },
        request: { period: 'month', format: 'pdf', language: 'zh-CN' },
        createdBy: 'schedule:sch-x',
        jobId: 'job-x',
        scheduleId: 'sch-x',
        createdAt: new Date(),
      });
      const page = await inject('GET', '/reports?limit=1&offset=0', viewer);
      expect(page.json<{ items: Info[]; total: number }>()).toMatchObject({
        total: 2,
        items: [{ reportId: saved.reportId, scheduleId: 'sch-x' }],
      });
      const second = await inject('GET', '/reports?limit=1&offset=1', viewer);
      expect(second.json<{ items: Info[] }>().items).toHaveLength(1);
      expect(second.json<{ items: Info[] }>().items[0]!.reportId).not.toBe(saved.reportId);

      const file = await inject('GET', `/reports/${saved.reportId}/download`, viewer);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="______-2025-05.pdf"; filename*=UTF-8''${encodeURIComponent('客户分级月报')}-2025-05.pdf`,
      );
      expect(Buffer.compare(file.rawPayload, Buffer.from(bytes))).toBe(0);
    });

    it('refuses bad requests naming the field, and unknown reports with 404', async () => {
      const analyst = await server.as('analyst', { username: 'ana' });
      const badPeriod = await inject('POST', '/reports', analyst, { period: 'year' });
      expect(badPeriod.statusCode).toBe(400);
      const badDate = await inject('POST', '/reports', analyst, { period: 'week', asOf: '2025-02-30' });
      expect(badDate.statusCode).toBe(400);
      for (const url of ['/reports/rpt-missing', '/reports/rpt-missing/download']) {
        const r = await inject('GET', url, analyst);
        expect(r.statusCode).toBe(404);
        expect(r.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { what: 'report' } } });
      }
    });

    it('lets those who read aggregates read reports, those who start runs generate them, and admins delete them', async () => {
      const viewer = await server.as('viewer');
      const analyst = await server.as('analyst', { username: 'ana' });
      const admin = await server.as('admin', { username: 'root' });
      const [report] = (await inject('GET', '/reports', viewer)).json<{ items: Info[] }>().items;

      expect((await inject('POST', '/reports', viewer, { period: 'week' })).json()).toMatchObject({
        error: { code: 'FORBIDDEN', details: { permission: 'runs.start' } },
      });
      const key = await server.key('integration');
      expect((await inject('GET', '/reports', key)).statusCode).toBe(403);
      expect((await server.app.inject({ method: 'GET', url: '/api/v1/reports' })).statusCode).toBe(401);

      const refused = await inject('DELETE', `/reports/${report!.reportId}`, analyst);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { details: { permission: 'reports.delete' } } });
      expect((await inject('DELETE', `/reports/${report!.reportId}`, admin)).statusCode).toBe(204);
      expect((await inject('GET', `/reports/${report!.reportId}`, viewer)).statusCode).toBe(404);
      expect((await inject('DELETE', `/reports/${report!.reportId}`, admin)).statusCode).toBe(404);
      const audit = await listAudit(server.engine, server.engine.dialect, {
        action: 'report.deleted',
        limit: 10,
      });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor: 'root',
        target: report!.reportId,
        details: { title: report!.title },
      });
    });

    it('answers 409 while another job runs, and documents every route in the OpenAPI document', async () => {
      const analyst = await server.as('analyst', { username: 'ana' });
      const { jobs } = serverJobs(server.app.deps);
      const running = await jobs.start({ kind: 'run', asOf: '2025-01-05', trigger: 'run' }, 'ana');
      const busy = await inject('POST', '/reports', analyst, { period: 'week' });
      expect(busy.statusCode).toBe(409);
      expect(busy.json()).toMatchObject({ error: { code: 'CONFLICT' } });
      await jobs.wait(running.jobId);

      const doc = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
        paths: Record<string, Record<string, { tags?: string[] }>>;
      }>();
      const ops = [
        '/api/v1/reports/',
        '/api/v1/reports/{reportId}',
        '/api/v1/reports/{reportId}/download',
      ].flatMap((path) =>
        Object.entries(doc.paths[path] ?? {}).map(([method, op]) => [`${method} ${path}`, op.tags]),
      );
      expect(Object.fromEntries(ops)).toEqual({
        'get /api/v1/reports/': ['reports'],
        'post /api/v1/reports/': ['reports'],
        'get /api/v1/reports/{reportId}': ['reports'],
        'delete /api/v1/reports/{reportId}': ['reports'],
        'get /api/v1/reports/{reportId}/download': ['reports'],
      });
    });
  });
});
