import { baseDialect, valuesTextRows } from './base.js';
import type { Dialect } from './dialect.js';

export const duckdbDialect: Dialect = {
  ...baseDialect,
  kind: 'duckdb',
  // DuckDB checks foreign keys on every append and refuses updates of referenced keys' rows in some cases;
  // the importer enforces references itself (quarantining orphans), so DDL declares them only on PostgreSQL.
  declaresForeignKeys: false,
  analyze: () => [],
  favourIndexScans: () => [],
  textRowsAsParameters: 0,
  textRows: valuesTextRows,
  // DuckDB's ART indexes slow every bulk append and serve only point lookups by constants; its scans of a
  // customer's rows are served by zone maps instead.
  createIndex: () => [],
  castText: (expr, type) => {
    if (type.kind === 'text_list' || type.kind === 'double_list')
      return `CAST(CAST(${expr} AS JSON) AS ${baseDialect.columnType(type)})`;
    if (type.kind === 'bytes') return `from_base64(${expr})`;
    return baseDialect.castText(expr, type);
  },
  textOf: (expr, type) => (type.kind === 'bytes' ? `to_base64(${expr})` : baseDialect.textOf(expr, type)),
  splitText: (expr, separator) => `string_split(${expr}, '${separator.replaceAll("'", "''")}')`,
};
