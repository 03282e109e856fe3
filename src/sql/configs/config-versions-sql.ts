import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

const SUMMARY = 'version, config_hash, comment, created_by, created_at, activated_at, active';

export interface ConfigVersionInsert {
  readonly version: number;
  readonly configHash: string;
  readonly yaml: string;
  readonly comment: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  /** Set for the seed version, which is active from the start. */
  readonly activatedAt: string | null;
}

export function insertConfigVersionSql(d: Dialect, v: ConfigVersionInsert): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO config_versions (version, config_hash, yaml, comment, created_by, created_at, activated_at, active)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, CAST(${p(6)} AS TIMESTAMPTZ), CAST(${p(7)} AS TIMESTAMPTZ), ${p(8)})`,
    [
      v.version,
      v.configHash,
      v.yaml,
      v.comment,
      v.createdBy,
      v.createdAt,
      v.activatedAt,
      v.activatedAt !== null,
    ],
  );
}

export const maxConfigVersionSql = (): SqlQuery =>
  sql(`SELECT coalesce(max(version), 0) AS version FROM config_versions`);

/** Newest first, without the YAML text. */
export const listConfigVersionsSql = (): SqlQuery =>
  sql(`SELECT ${SUMMARY} FROM config_versions ORDER BY version DESC`);

export const getConfigVersionSql = (d: Dialect, version: number): SqlQuery =>
  sql(`SELECT ${SUMMARY}, yaml FROM config_versions WHERE version = ${d.param(1)}`, [version]);

export const activeConfigVersionSql = (): SqlQuery =>
  sql(`SELECT ${SUMMARY}, yaml FROM config_versions WHERE active ORDER BY version DESC LIMIT 1`);

export const deactivateConfigVersionsSql = (): SqlQuery =>
  sql(`UPDATE config_versions SET active = false WHERE active`);

export function activateConfigVersionSql(d: Dialect, version: number, at: string): SqlQuery {
  return sql(
    `UPDATE config_versions SET active = true, activated_at = CAST(${d.param(2)} AS TIMESTAMPTZ)
     WHERE version = ${d.param(1)}`,
    [version, at],
  );
}
