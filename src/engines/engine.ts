import type { Dialect, EngineKind } from '../sql/dialects/dialect.js';
import type { SqlQuery } from '../sql/query.js';

/** A result row: numbers, strings (dates as YYYY-MM-DD, timestamps as ISO 8601 UTC), booleans, null, arrays. */
export type Row = Record<string, unknown>;

export type TextRow = readonly (string | null)[];

/** Something that answers queries: a session, or an engine's committed-data reader. */
export interface SqlReader {
  all(query: SqlQuery | string): Promise<Row[]>;
}

export interface SqlSession extends SqlReader {
  run(query: SqlQuery | string): Promise<void>;
  /**
   * Bulk-load rows of canonical text into an existing table through the engine's bulk path
   * (DuckDB appender, PostgreSQL COPY). Returns the number of rows loaded.
   */
  bulkLoad(
    table: string,
    columns: readonly string[],
    rows: AsyncIterable<TextRow> | Iterable<TextRow>,
  ): Promise<number>;
}

/** A session of `Engine.exclusive`: its statements commit one by one; `transaction` makes a part atomic. */
export interface ExclusiveSession extends SqlSession {
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
}

/** The port every storage engine implements; callers depend on this, never on a driver. */
export interface Engine extends SqlSession {
  readonly kind: EngineKind;
  readonly dialect: Dialect;
  /** Writes the result of `query` to a file (CSV with a header row, or Parquet); returns the rows written. */
  exportTo(query: SqlQuery, file: string, format: 'csv' | 'parquet'): Promise<number>;
  /**
   * A read of committed data that may run on another connection, concurrently with other work and with an open
   * transaction (whose changes it does not see): for the server's lookups. It sees no temp tables.
   */
  read(query: SqlQuery | string): Promise<Row[]>;
  /**
   * A large result of committed data in chunks of about `chunkRows`, never held whole (DuckDB's streaming
   * result on a reader connection, a PostgreSQL cursor): for moving whole tables.
   */
  stream(query: SqlQuery | string, chunkRows: number): AsyncIterable<Row[]>;
  /**
   * Runs `work` while holding the named lock, waiting for it first. The lock spans every process that shares
   * the database (PostgreSQL advisory locks; one process per file on DuckDB).
   */
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Like withLock, but skips `work` (resolving to undefined) when another holder has the lock. */
  tryWithLock<T>(name: string, work: () => Promise<T>): Promise<{ value: T } | undefined>;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  /**
   * Runs `work` alone on the main connection (no other statement of this process interleaves, so its TEMP tables
   * are its own) with each statement committing by itself, and `transaction` for the part that must be atomic:
   * for a pipeline that builds large TEMP tables before it writes. DuckDB keeps what a transaction writes in
   * transaction-local storage until it commits, and scans it on one thread: a tiering run whose temp tables were
   * built inside its transaction took 31–33 s instead of 21–22 s on 1M customers.
   */
  exclusive<T>(work: (session: ExclusiveSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface EngineOptions {
  /** Session time zone for timestamps without an offset and for calendar functions. */
  readonly timeZone: string;
  /** Memory the engine may use before spilling to disk, e.g. `1.2GB` (DuckDB); unset = the engine's default. */
  readonly memoryLimit?: string;
}
