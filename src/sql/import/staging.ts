import { int, text } from '../../contracts/data-model/column.js';
import type { Dialect } from '../dialects/dialect.js';

/**
 * The staging table of one file: every row read, one staging row per row (or per faulty field of a rejected row),
 * all values as canonical text. `__reason` is set on rejected rows; `__raw` is the row as read, as JSON.
 */
export const STAGE_ROW = '__row';
export const STAGE_FIELD = '__field';
export const STAGE_REASON = '__reason';
export const STAGE_RAW = '__raw';
export const STAGE_META_COLUMNS = [STAGE_ROW, STAGE_FIELD, STAGE_REASON, STAGE_RAW] as const;

export function createStagingSql(d: Dialect, name: string, columns: readonly string[]): string {
  const q = d.quoteIdent;
  const defs = [
    `${q(STAGE_ROW)} ${d.columnType(int)}`,
    ...[STAGE_FIELD, STAGE_REASON, STAGE_RAW, ...columns].map((c) => `${q(c)} ${d.columnType(text)}`),
  ];
  return `${d.tempTable} ${q(name)} (${defs.join(', ')})`;
}

export const dropTableSql = (d: Dialect, name: string): string =>
  `DROP TABLE IF EXISTS ${d.quoteIdent(name)}`;

export const countRowsSql = (d: Dialect, name: string): string =>
  `SELECT count(*) AS n FROM ${d.quoteIdent(name)}`;
