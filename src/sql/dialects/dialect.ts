import type { ColumnType } from '../../contracts/data-model/column.js';
import type { SqlParam } from '../query.js';

export type EngineKind = 'duckdb' | 'postgres';

/** What differs between engines' SQL. Builders take a dialect first and return text; they never run it. */
export interface Dialect {
  readonly kind: EngineKind;
  quoteIdent(name: string): string;
  /** Positional parameter placeholder, 1-based. */
  param(index: number): string;
  columnType(type: ColumnType): string;
  /**
   * Cast a canonical text value (as produced by the row validators, or by textOf) to the column's SQL type.
   * The canonical text of a list is a JSON array, of binary content (bytes) base64.
   */
  castText(expr: string, type: ColumnType): string;
  /** A column's value as canonical text, which castText reads back on either engine (for `stratum copy`). */
  textOf(expr: string, type: ColumnType): string;
  /**
   * Statements that refresh the planner's statistics of a table after a bulk write: PostgreSQL plans from
   * statistics that autovacuum updates late for new data and never for temp tables; DuckDB keeps them as it writes.
   */
  analyze(table: string): string[];
  /**
   * Statements for a transaction that reads a few customers' rows out of large tables (the event stream): on
   * PostgreSQL, index scans priced as on SSDs, since the default random_page_cost makes a scan of a million orders
   * look cheaper than a few hundred index lookups (2.7 s instead of 0.19 s for 256 customers of 20,000).
   * `[]` where the engine has no such setting.
   */
  favourIndexScans(): string[];
  /** A secondary index, where the engine uses one (`[]` where it does not). */
  createIndex(name: string, table: string, columns: readonly string[]): string[];
  /**
   * Most cells (rows × columns) loadTextRows sends as one INSERT of textRows instead of going through a staging
   * table and the bulk path (0: always the bulk path). On PostgreSQL one statement beats the five of staging for a
   * few rows; on DuckDB the appender beats from_json for wide rows (the stream's decisions: 12–14 ms against 16).
   */
  readonly textRowsMaxCells: number;
  /**
   * Rows of text (or NULL) as a relation named `alias` with the given columns, to select from, with its
   * parameters numbered from `firstParam`: one JSON parameter (PostgreSQL json_to_recordset, DuckDB from_json).
   * The statement's text is the same for any number of rows, so PostgreSQL keeps it prepared: 52 rows of 75
   * columns go in 2.5 ms instead of the 7.0 ms of a VALUES list of 3,900 parameters.
   */
  textRows(
    alias: string,
    columns: readonly string[],
    rows: readonly (readonly (string | null)[])[],
    firstParam: number,
  ): TextRowsRelation;
  /** `CREATE TEMP TABLE … AS` prefix for session-local staging tables. */
  readonly tempTable: string;
  /** The engine's clock in the session time zone, as a timestamp with time zone. */
  readonly now: string;
  /** A list (array) value from expressions of one type. */
  listOf(items: readonly string[]): string;
  /** A text list from one text expression split at `separator` (a literal). */
  splitText(expr: string, separator: string): string;
  /** Whether FOREIGN KEY constraints are declared in DDL (see createTableSql). */
  readonly declaresForeignKeys: boolean;
  /** Whole days from the DATE `start` to the DATE `end` (end − start), as an integer. */
  daysBetween(start: string, end: string): string;
  /** The calendar date (DATE) of a TIMESTAMPTZ in the session time zone. */
  dateOf(timestamp: string): string;
  /** The instant (TIMESTAMPTZ) a DATE starts at in the session time zone. */
  startOfDay(date: string): string;
  /** The ISO weekday (1 = Monday … 7 = Sunday) of a TIMESTAMPTZ in the session time zone, as an integer. */
  weekdayOf(timestamp: string): string;
  /** The hour of the day (0–23) of a TIMESTAMPTZ in the session time zone, as an integer. */
  hourOf(timestamp: string): string;
  /** Seconds since the Unix epoch of a TIMESTAMPTZ, as a DOUBLE PRECISION (cheaper to compare than intervals). */
  epochSeconds(timestamp: string): string;
}

export interface TextRowsRelation {
  readonly sql: string;
  readonly params: readonly SqlParam[];
  /** The text does not depend on the number of rows: worth keeping prepared (SqlQuery.prepared). */
  readonly fixedText: boolean;
}
