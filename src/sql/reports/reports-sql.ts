import { bytes } from '../../contracts/data-model/column.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** Every column but the content. */
const INFO_COLUMNS =
  'report_id, title, period, format, language, period_start, period_end, filename, content_type, size_bytes, created_at, created_by, job_id, schedule_id';

export interface ReportInsert {
  readonly reportId: string;
  readonly title: string;
  readonly period: string;
  readonly format: string;
  readonly language: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** The content as base64, the canonical text of a bytes column. */
  readonly contentBase64: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly jobId: string;
  readonly scheduleId: string | null;
}

export function insertReportSql(d: Dialect, r: ReportInsert): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO reports (${INFO_COLUMNS}, content)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, CAST(${p(6)} AS DATE), CAST(${p(7)} AS DATE), ${p(8)},
       ${p(9)}, ${p(10)}, CAST(${p(11)} AS TIMESTAMPTZ), ${p(12)}, ${p(13)}, ${p(14)}, ${d.castText(p(15), bytes)})`,
    [
      r.reportId,
      r.title,
      r.period,
      r.format,
      r.language,
      r.periodStart,
      r.periodEnd,
      r.filename,
      r.contentType,
      r.sizeBytes,
      r.createdAt,
      r.createdBy,
      r.jobId,
      r.scheduleId,
      r.contentBase64,
    ],
  );
}

/** Newest first, without the content. */
export const listReportsSql = (d: Dialect, page: { limit: number; offset: number }): SqlQuery =>
  sql(
    `SELECT ${INFO_COLUMNS} FROM reports ORDER BY created_at DESC, report_id DESC
     LIMIT ${d.param(1)} OFFSET ${d.param(2)}`,
    [page.limit, page.offset],
  );

export const countReportsSql = (): SqlQuery => sql('SELECT count(*) AS n FROM reports');

export const getReportSql = (d: Dialect, reportId: string): SqlQuery =>
  sql(`SELECT ${INFO_COLUMNS} FROM reports WHERE report_id = ${d.param(1)}`, [reportId]);

/** One report with its content as base64 (`content_base64`). */
export const reportContentSql = (d: Dialect, reportId: string): SqlQuery =>
  sql(
    `SELECT ${INFO_COLUMNS}, ${d.textOf('content', bytes)} AS content_base64 FROM reports
     WHERE report_id = ${d.param(1)}`,
    [reportId],
  );

export const deleteReportSql = (d: Dialect, reportId: string): SqlQuery =>
  sql(`DELETE FROM reports WHERE report_id = ${d.param(1)}`, [reportId]);
