import { baseDialect, jsonRows } from './base.js';
import type { Dialect } from './dialect.js';

export const duckdbDialect: Dialect = {
  ...baseDialect,
  kind: 'duckdb',
  // DuckDB checks foreign keys on every append and refuses updates of referenced keys' rows in some cases;
  // the importer enforces references itself (quarantining orphans), so DDL declares them only on PostgreSQL.
  declaresForeignKeys: false,
  analyze: () => [],
  favourIndexScans: () => [],
  textRowsMaxCells: 0,
  // One JSON parameter, as on PostgreSQL: 64 rows of 8 columns in 3.3 ms against 12 ms for a VALUES list of
  // parameters (the decisions' 75 columns go through the appender instead: there from_json costs more).
  textRows: (alias, columns, rows, firstParam) => {
    const struct = JSON.stringify([Object.fromEntries(columns.map((c) => [c, 'VARCHAR']))]);
    return {
      sql: `(SELECT unnest(from_json(CAST(${baseDialect.param(firstParam)} AS JSON), '${struct.replaceAll("'", "''")}'), recursive := true)) AS ${alias}`,
      params: [jsonRows(columns, rows)],
      fixedText: true,
    };
  },
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
