import type { Engine } from '../../engines/engine.js';
import {
  listImportsSql,
  listQuarantineSql,
  type ImportKey,
  type QuarantineKey,
} from '../../sql/import/import-queries.js';

/** One row of the import log: one file imported into one source. */
export interface ImportLogRecord {
  readonly importId: string;
  readonly source: string;
  readonly file: string;
  readonly fileSha256: string;
  readonly format: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly read: number;
  readonly loaded: number;
  readonly updated: number;
  readonly duplicates: number;
  readonly quarantined: number;
}

/** One quarantined field of a row; `raw` is the row as read (JSON object of header → text). */
export interface QuarantineRecord {
  readonly importId: string;
  readonly source: string;
  readonly file: string;
  readonly row: number;
  readonly field: string;
  readonly reason: string;
  readonly raw: string;
}

export interface Page<T, K> {
  readonly items: readonly T[];
  /** Where the next page starts, or null on the last page. */
  readonly next: K | null;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The import log, newest first, `limit` entries from `after`. */
export async function listImports(
  engine: Engine,
  filter: { source?: string | undefined; after?: ImportKey | undefined; limit: number },
): Promise<Page<ImportLogRecord, ImportKey>> {
  const rows = await engine.all(listImportsSql(engine.dialect, { ...filter, limit: filter.limit + 1 }));
  const items = rows.slice(0, filter.limit).map((r): ImportLogRecord => ({
    importId: str(r.import_id),
    source: str(r.source),
    file: str(r.file),
    fileSha256: str(r.file_sha256),
    format: str(r.format),
    startedAt: str(r.started_at),
    finishedAt: str(r.finished_at),
    read: Number(r.rows_read),
    loaded: Number(r.rows_loaded),
    updated: Number(r.rows_updated),
    duplicates: Number(r.rows_duplicate),
    quarantined: Number(r.rows_quarantined),
  }));
  const last = items.at(-1);
  return {
    items,
    next: rows.length > filter.limit && last ? { startedAt: last.startedAt, importId: last.importId } : null,
  };
}

/** Quarantined rows, newest import first and in row order within one, `limit` entries from `after`. */
export async function listQuarantine(
  engine: Engine,
  filter: {
    importId?: string | undefined;
    source?: string | undefined;
    after?: QuarantineKey | undefined;
    limit: number;
  },
): Promise<Page<QuarantineRecord, QuarantineKey>> {
  const rows = await engine.all(listQuarantineSql(engine.dialect, { ...filter, limit: filter.limit + 1 }));
  const page = rows.slice(0, filter.limit);
  const items = page.map((r): QuarantineRecord => ({
    importId: str(r.import_id),
    source: str(r.source),
    file: str(r.file),
    row: Number(r.row_number),
    field: str(r.field),
    reason: str(r.reason),
    raw: str(r.raw),
  }));
  const last = page.at(-1);
  return {
    items,
    next:
      rows.length > filter.limit && last
        ? {
            startedAt: str(last.started_at),
            importId: str(last.import_id),
            row: Number(last.row_number),
            field: str(last.field),
          }
        : null,
  };
}
