import { baseDialect } from './base.js';
import type { Dialect } from './dialect.js';

export const duckdbDialect: Dialect = {
  ...baseDialect,
  kind: 'duckdb',
  // DuckDB checks foreign keys on every append and refuses updates of referenced keys' rows in some cases;
  // the importer enforces references itself (quarantining orphans), so DDL declares them only on PostgreSQL.
  declaresForeignKeys: false,
  analyze: () => [],
  favourIndexScans: () => [],
  // DuckDB's ART indexes slow every bulk append and serve only point lookups by constants; its scans of a
  // customer's rows are served by zone maps instead.
  createIndex: () => [],
  castText: (expr, type) =>
    type.kind === 'text_list' || type.kind === 'double_list'
      ? `CAST(CAST(${expr} AS JSON) AS ${baseDialect.columnType(type)})`
      : baseDialect.castText(expr, type),
  splitText: (expr, separator) => `string_split(${expr}, '${separator.replaceAll("'", "''")}')`,
};
