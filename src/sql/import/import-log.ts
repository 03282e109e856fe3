import { imports } from '../../contracts/data-model/system/imports.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

export interface ImportLogEntry {
  readonly import_id: string;
  readonly source: string;
  readonly file: string;
  readonly file_sha256: string;
  readonly format: string;
  /** ISO 8601 instants. */
  readonly started_at: string;
  readonly finished_at: string;
  readonly rows_read: number;
  readonly rows_loaded: number;
  readonly rows_updated: number;
  readonly rows_duplicate: number;
  readonly rows_quarantined: number;
}

/** One row of the import log; written first in the file's transaction (quarantine rows reference it). */
export function insertImportSql(d: Dialect, entry: ImportLogEntry): SqlQuery {
  const cols = imports.columns;
  const values = cols.map((c, i) => d.castText(d.param(i + 1), c.type));
  return sql(
    `INSERT INTO ${d.quoteIdent(imports.name)} (${cols.map((c) => d.quoteIdent(c.name)).join(', ')}) VALUES (${values.join(', ')})`,
    cols.map((c) => String(entry[c.name as keyof ImportLogEntry])),
  );
}

const FINAL_COLUMNS = [
  'finished_at',
  'rows_loaded',
  'rows_updated',
  'rows_duplicate',
  'rows_quarantined',
] as const;

/** The counts, known once the merge is done. */
export function finishImportSql(d: Dialect, entry: ImportLogEntry): SqlQuery {
  const q = d.quoteIdent;
  const sets = FINAL_COLUMNS.map((name, i) => {
    const col = imports.columns.find((c) => c.name === name)!;
    return `${q(name)} = ${d.castText(d.param(i + 2), col.type)}`;
  });
  return sql(`UPDATE ${q(imports.name)} SET ${sets.join(', ')} WHERE ${q('import_id')} = ${d.param(1)}`, [
    entry.import_id,
    ...FINAL_COLUMNS.map((name) => String(entry[name])),
  ]);
}
