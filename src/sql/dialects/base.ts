import type { ColumnType } from '../../contracts/data-model/column.js';
import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import type { Dialect } from './dialect.js';

function columnType(type: ColumnType): string {
  switch (type.kind) {
    case 'text':
    case 'enum':
      return 'VARCHAR';
    case 'int':
      return 'INTEGER';
    case 'money':
      return 'DECIMAL(18,2)';
    case 'quantity':
      return 'DECIMAL(18,3)';
    case 'double':
      return 'DOUBLE PRECISION';
    case 'date':
      return 'DATE';
    case 'timestamp':
      return 'TIMESTAMPTZ';
    case 'bool':
      return 'BOOLEAN';
    case 'double_list':
      return 'DOUBLE PRECISION[]';
    case 'text_list':
      return 'VARCHAR[]';
    default:
      return assertUnreachable(type, 'column type');
  }
}

export const baseDialect: Omit<Dialect, 'kind'> = {
  quoteIdent: (name) => `"${name.replaceAll('"', '""')}"`,
  param: (index) => `$${index}`,
  columnType,
  castText: (expr, type) =>
    type.kind === 'text' || type.kind === 'enum' ? expr : `CAST(${expr} AS ${columnType(type)})`,
  tempTable: 'CREATE TEMP TABLE',
  now: 'now()',
  declaresForeignKeys: true,
  listOf: (items) => `ARRAY[${items.join(', ')}]`,
  splitText: (expr, separator) => `string_to_array(${expr}, '${separator.replaceAll("'", "''")}')`,
  // DuckDB (with its bundled ICU) and PostgreSQL both read these in the session time zone; DATE − DATE is an
  // integer on both (BIGINT on DuckDB).
  daysBetween: (start, end) => `(${end} - ${start})`,
  dateOf: (timestamp) => `CAST(${timestamp} AS DATE)`,
  startOfDay: (date) => `CAST(${date} AS TIMESTAMPTZ)`,
  epochSeconds: (timestamp) => `EXTRACT(EPOCH FROM ${timestamp})`,
};
