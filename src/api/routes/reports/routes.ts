import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteReport, getReport, listReports, reportContent } from '../../../app/reports/stored-reports.js';
import { ReportInfoSchema } from '../../../contracts/reports/report-info.js';
import { ReportRequestSchema } from '../../../contracts/reports/report-request.js';
import { JobAccepted } from '../jobs/schemas.js';
import { serverJobs } from '../jobs/server-jobs.js';
import { attachmentHeader } from './attachment.js';
import { ReportList, ReportListQuery, ReportParams } from './schemas.js';

/**
 * Periodic reports (week or month, HTML or PDF), generated on request or by a schedule and stored in the
 * database, so that every instance serves them: list, metadata, download, generate (a background job),
 * delete. Reading them needs what the dashboard's aggregates need; generating, what starting a run needs.
 */
export const reportsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine, timeZone } = app.deps;
  const { jobs } = serverJobs(app.deps);
  const read = { preHandler: app.requirePermission('aggregates.read') };
  const tags = ['reports'];

  app.get(
    '/',
    {
      ...read,
      schema: {
        tags,
        summary: 'Stored reports, newest first',
        querystring: ReportListQuery,
        response: { 200: ReportList },
      },
    },
    async (request) => {
      const { reports, total } = await listReports(engine, request.query);
      return { items: reports, total };
    },
  );

  app.post(
    '/',
    {
      preHandler: app.requirePermission('runs.start'),
      schema: {
        tags,
        summary: 'Generate a report now (202; poll the job, whose result names the report)',
        description:
          'A background job of kind report: it renders the week or month that holds `asOf` (default: the latest ' +
          "run's as-of date) and stores it; the job's result is { reportId, title, filename, periodStart, periodEnd, " +
          'sizeBytes }. One job at a time: 409 CONFLICT while a run, backfill, allocation or report is queued or running.',
        body: ReportRequestSchema,
        response: { 202: JobAccepted },
      },
    },
    async (request, reply) => {
      const p = request.principal!;
      const job = await jobs.start({ kind: 'report', ...request.body, timeZone, scheduleId: null }, p.name);
      await app.audit(request, { action: 'report.started', target: job.jobId, details: { ...request.body } });
      return reply.status(202).send({ jobId: job.jobId, job });
    },
  );

  app.get(
    '/:reportId',
    {
      ...read,
      schema: {
        tags,
        summary: 'One report (without its content)',
        params: ReportParams,
        response: { 200: ReportInfoSchema },
      },
    },
    async (request) => getReport(engine, request.params.reportId),
  );

  app.get(
    '/:reportId/download',
    {
      ...read,
      schema: {
        tags,
        summary: 'The report file (text/html or application/pdf), as an attachment',
        description:
          "Content-Disposition names the file; a name beyond ASCII is also given as filename*=UTF-8''…",
        params: ReportParams,
      },
    },
    async (request, reply) => {
      const { info, content } = await reportContent(engine, request.params.reportId);
      return reply
        .type(info.contentType)
        .header('content-disposition', attachmentHeader(info.filename))
        .header('cache-control', 'private, no-cache')
        .send(content);
    },
  );

  app.delete(
    '/:reportId',
    {
      preHandler: app.requirePermission('reports.delete'),
      schema: { tags, summary: 'Delete a report', params: ReportParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const info = await deleteReport(engine, request.params.reportId);
      await app.audit(request, {
        action: 'report.deleted',
        target: info.reportId,
        details: {
          title: info.title,
          period: info.period,
          periodStart: info.periodStart,
          format: info.format,
        },
      });
      return reply.status(204).send(null);
    },
  );
};
