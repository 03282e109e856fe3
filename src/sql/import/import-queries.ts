import type { Dialect } from '../dialects/dialect.js';
import { paramList } from '../param-list.js';
import { sql, type SqlQuery } from '../query.js';

/** Where a page of a newest-first listing starts: after this import (and, in the quarantine, after this row). */
export interface ImportKey {
  /** ISO 8601 instant the import started. */
  readonly startedAt: string;
  readonly importId: string;
}

export interface QuarantineKey extends ImportKey {
  readonly row: number;
  readonly field: string;
}

export interface ImportLogFilter {
  readonly source?: string | undefined;
  readonly after?: ImportKey | undefined;
  readonly limit: number;
}

export interface QuarantineFilter {
  readonly importId?: string | undefined;
  readonly source?: string | undefined;
  readonly after?: QuarantineKey | undefined;
  readonly limit: number;
}

const ts = (placeholder: string) => `CAST(${placeholder} AS TIMESTAMPTZ)`;

/** The import log, newest first (ties by id), one page. */
export function listImportsSql(d: Dialect, f: ImportLogFilter): SqlQuery {
  const { params, add } = paramList(d);
  const where: string[] = [];
  if (f.source !== undefined) where.push(`source = ${add(f.source)}`);
  if (f.after) {
    const s = ts(add(f.after.startedAt));
    where.push(`(started_at < ${s} OR (started_at = ${s} AND import_id < ${add(f.after.importId)}))`);
  }
  return sql(
    `SELECT import_id, source, file, file_sha256, format, started_at, finished_at,
       rows_read, rows_loaded, rows_updated, rows_duplicate, rows_quarantined
     FROM imports ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY started_at DESC, import_id DESC LIMIT ${add(f.limit)}`,
    params,
  );
}

/** Quarantined rows, newest import first, then in row order; one page. */
export function listQuarantineSql(d: Dialect, f: QuarantineFilter): SqlQuery {
  const { params, add } = paramList(d);
  const where: string[] = [];
  if (f.importId !== undefined) where.push(`q.import_id = ${add(f.importId)}`);
  if (f.source !== undefined) where.push(`q.source = ${add(f.source)}`);
  if (f.after) {
    const s = ts(add(f.after.startedAt));
    const id = add(f.after.importId);
    const row = add(f.after.row);
    where.push(
      `(i.started_at < ${s} OR (i.started_at = ${s} AND (q.import_id < ${id} OR (q.import_id = ${id} AND ` +
        `(q.row_number > ${row} OR (q.row_number = ${row} AND q.field > ${add(f.after.field)}))))))`,
    );
  }
  return sql(
    `SELECT q.import_id, i.started_at, q.source, q.file, q.row_number, q.field, q.reason, q.raw
     FROM quarantine q JOIN imports i ON i.import_id = q.import_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY i.started_at DESC, q.import_id DESC, q.row_number, q.field LIMIT ${add(f.limit)}`,
    params,
  );
}

/**
 * Names an import's file in the log and the quarantine by `file` instead of the path it was read from (an upload's
 * temporary copy is named by the name the client gave it).
 */
export function relabelImportFileSql(d: Dialect, importId: string, file: string): SqlQuery[] {
  return ['imports', 'quarantine'].map((table) =>
    sql(`UPDATE ${d.quoteIdent(table)} SET file = ${d.param(1)} WHERE import_id = ${d.param(2)}`, [
      file,
      importId,
    ]),
  );
}
