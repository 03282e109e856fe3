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
    case 'bytes':
      // DuckDB reads BYTEA as its BLOB.
      return 'BYTEA';
    default:
      return assertUnreachable(type, 'column type');
  }
}

/** PostgreSQL has no JSON-to-array cast: the array is rebuilt from the JSON elements in their order. */
function listFromJson(expr: string, element: string): string {
  return `CASE WHEN ${expr} IS NULL THEN NULL ELSE ARRAY(
    SELECT CAST(e.value AS ${element}) FROM jsonb_array_elements_text(CAST(${expr} AS JSONB)) WITH ORDINALITY AS e(value, n)
    ORDER BY e.n) END`;
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const param = (index: number): string => `$${index}`;

/** The column list of a relation, `alias ("a" TEXT, "b" TEXT, …)`. */
const textColumns = (alias: string, columns: readonly string[]): string =>
  `${alias} (${columns.map((c) => `${quoteIdent(c)} TEXT`).join(', ')})`;

/**
 * Rows of text as the one JSON parameter of Dialect.textRows: an array of objects keyed by column. Written out by
 * hand, the keys encoded once: an object per row for JSON.stringify took 1.8× as long (52 rows of 75 columns, the
 * stream's decisions of a batch).
 */
export function jsonRows(columns: readonly string[], rows: readonly (readonly (string | null)[])[]): string {
  const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c)}:`);
  const parts: string[] = [];
  for (const row of rows) {
    let object = '';
    for (let i = 0; i < keys.length; i++) {
      const value = row[i];
      object += keys[i] + (value === null || value === undefined ? 'null' : JSON.stringify(value));
    }
    parts.push(`${object}}`);
  }
  return `[${parts.join(',')}]`;
}

export const baseDialect: Omit<Dialect, 'kind'> = {
  quoteIdent,
  param,
  columnType,
  castText: (expr, type) => {
    if (type.kind === 'text' || type.kind === 'enum') return expr;
    if (type.kind === 'text_list') return listFromJson(expr, 'VARCHAR');
    if (type.kind === 'double_list') return listFromJson(expr, 'DOUBLE PRECISION');
    if (type.kind === 'bytes') return `decode(${expr}, 'base64')`;
    return `CAST(${expr} AS ${columnType(type)})`;
  },
  textOf: (expr, type) => {
    if (type.kind === 'text_list' || type.kind === 'double_list') return `CAST(to_json(${expr}) AS VARCHAR)`;
    // encode() breaks base64 into lines of 76 characters; the canonical text is one line.
    if (type.kind === 'bytes') return `replace(encode(${expr}, 'base64'), chr(10), '')`;
    return `CAST(${expr} AS VARCHAR)`;
  },
  tempTable: 'CREATE TEMP TABLE',
  // Rows of a few thousand cells: one INSERT of them (textRows) instead of the five statements of staging and COPY.
  textRowsMaxCells: 8_000,
  textRows: (alias, columns, rows, firstParam) => ({
    sql: `json_to_recordset(CAST(${param(firstParam)} AS JSON)) AS ${textColumns(alias, columns)}`,
    params: [jsonRows(columns, rows)],
    fixedText: true,
  }),
  createIndex: (name, table, columns) => {
    const q = quoteIdent;
    return [`CREATE INDEX IF NOT EXISTS ${q(name)} ON ${q(table)} (${columns.map(q).join(', ')})`];
  },
  analyze: (table) => [`ANALYZE "${table.replaceAll('"', '""')}"`],
  favourIndexScans: () => ['SET LOCAL random_page_cost = 1.1'],
  now: 'now()',
  declaresForeignKeys: true,
  listOf: (items) => `ARRAY[${items.join(', ')}]`,
  splitText: (expr, separator) => `string_to_array(${expr}, '${separator.replaceAll("'", "''")}')`,
  // DuckDB (with its bundled ICU) and PostgreSQL both read these in the session time zone; DATE − DATE is an
  // integer on both (BIGINT on DuckDB).
  daysBetween: (start, end) => `(${end} - ${start})`,
  dateOf: (timestamp) => `CAST(${timestamp} AS DATE)`,
  startOfDay: (date) => `CAST(${date} AS TIMESTAMPTZ)`,
  weekdayOf: (timestamp) => `CAST(date_part('isodow', ${timestamp}) AS INTEGER)`,
  hourOf: (timestamp) => `CAST(date_part('hour', ${timestamp}) AS INTEGER)`,
  // date_part is DOUBLE PRECISION on both; PostgreSQL's EXTRACT gives a NUMERIC, slow to sort and subtract.
  epochSeconds: (timestamp) => `date_part('epoch', ${timestamp})`,
};
