import { randomUUID } from 'node:crypto';
import { stratumError } from '../../contracts/errors.js';
import { ReportInfoSchema, type ReportInfo } from '../../contracts/reports/report-info.js';
import type { RenderedReport, ReportRequest } from '../../contracts/reports/report-request.js';
import type { Engine, Row } from '../../engines/engine.js';
import {
  countReportsSql,
  deleteReportSql,
  getReportSql,
  insertReportSql,
  listReportsSql,
  reportContentSql,
} from '../../sql/reports/reports-sql.js';

export type { ReportInfo } from '../../contracts/reports/report-info.js';

const toInfo = (r: Row): ReportInfo =>
  ReportInfoSchema.parse({
    reportId: r.report_id,
    title: r.title,
    period: r.period,
    format: r.format,
    language: r.language,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    filename: r.filename,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    createdAt: r.created_at,
    createdBy: r.created_by,
    jobId: r.job_id,
    scheduleId: r.schedule_id ?? null,
  });

const notFound = (reportId: string) =>
  stratumError('NOT_FOUND', `no report ${reportId}`, { what: 'report', id: reportId });

export interface NewReport {
  readonly rendered: RenderedReport;
  readonly request: Pick<ReportRequest, 'period' | 'format' | 'language'>;
  readonly createdBy: string;
  readonly jobId: string;
  readonly scheduleId: string | null;
  readonly createdAt: Date;
}

/** Stores a rendered report with its content in the database, where every server instance finds it. */
export async function saveReport(engine: Engine, report: NewReport): Promise<ReportInfo> {
  const { rendered, request } = report;
  const reportId = `rpt-${randomUUID()}`;
  const content = Buffer.from(rendered.bytes.buffer, rendered.bytes.byteOffset, rendered.bytes.byteLength);
  await engine.run(
    insertReportSql(engine.dialect, {
      reportId,
      title: rendered.title,
      period: request.period,
      format: request.format,
      language: request.language,
      periodStart: rendered.periodStart,
      periodEnd: rendered.periodEnd,
      filename: rendered.filename,
      contentType: rendered.contentType,
      sizeBytes: content.byteLength,
      contentBase64: content.toString('base64'),
      createdAt: report.createdAt.toISOString(),
      createdBy: report.createdBy,
      jobId: report.jobId,
      scheduleId: report.scheduleId,
    }),
  );
  return getReport(engine, reportId);
}

/** Reports newest first, a page at a time, with the total; without their content. */
export async function listReports(
  engine: Engine,
  page: { limit: number; offset: number },
): Promise<{ reports: ReportInfo[]; total: number }> {
  const rows = await engine.read(listReportsSql(engine.dialect, page));
  const [count] = await engine.read(countReportsSql());
  return { reports: rows.map(toInfo), total: Number(count?.n ?? 0) };
}

/** One report's metadata; NOT_FOUND when there is none. */
export async function getReport(engine: Engine, reportId: string): Promise<ReportInfo> {
  const [row] = await engine.read(getReportSql(engine.dialect, reportId));
  if (!row) throw notFound(reportId);
  return toInfo(row);
}

/** One report with its content; NOT_FOUND when there is none. */
export async function reportContent(
  engine: Engine,
  reportId: string,
): Promise<{ info: ReportInfo; content: Buffer }> {
  const [row] = await engine.read(reportContentSql(engine.dialect, reportId));
  if (!row) throw notFound(reportId);
  return { info: toInfo(row), content: Buffer.from(String(row.content_base64), 'base64') };
}

/** Removes a report; returns what it was. NOT_FOUND when there is none. */
export async function deleteReport(engine: Engine, reportId: string): Promise<ReportInfo> {
  const info = await getReport(engine, reportId);
  await engine.run(deleteReportSql(engine.dialect, reportId));
  return info;
}
