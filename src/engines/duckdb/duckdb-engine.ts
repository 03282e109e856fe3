import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { duckdbDialect } from '../../sql/dialects/duckdb.js';
import type { SqlQuery } from '../../sql/query.js';
import type { Engine, EngineOptions, Row, SqlSession, TextRow } from '../engine.js';
import { plainValueConverter } from './value-converter.js';
import { transactionOn } from '../in-transaction.js';
import { Mutex } from '../mutex.js';
import { NamedLocks } from '../named-locks.js';

const toQuery = (q: SqlQuery | string): SqlQuery => (typeof q === 'string' ? { sql: q, params: [] } : q);

function session(conn: DuckDBConnection): SqlSession {
  return {
    async run(query) {
      const q = toQuery(query);
      await conn.run(q.sql, q.params.length ? (q.params as DuckDBValue[]) : undefined);
    },
    async all(query) {
      const q = toQuery(query);
      const reader = await conn.runAndReadAll(
        q.sql,
        q.params.length ? (q.params as DuckDBValue[]) : undefined,
      );
      return reader.convertRowObjects(plainValueConverter) as Row[];
    },
    async bulkLoad(table, columns, rows) {
      const temp = await isTempTable(conn, table);
      const appender = await conn.createAppender(table, null, temp ? 'temp' : null);
      const width = columns.length;
      let count = 0;
      try {
        for await (const row of rows as AsyncIterable<TextRow>) {
          for (let i = 0; i < width; i++) {
            const v = row[i];
            if (v === null || v === undefined) appender.appendNull();
            else appender.appendVarchar(v);
          }
          appender.endRow();
          count++;
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
      return count;
    },
  };
}

async function isTempTable(conn: DuckDBConnection, table: string): Promise<boolean> {
  const r = await conn.runAndReadAll(
    "SELECT count(*) FROM duckdb_tables() WHERE table_name = $1 AND database_name = 'temp'",
    [table],
  );
  return Number(r.getRows()[0]?.[0] ?? 0) > 0;
}

/** Connections that serve `read`: enough to use both cores while the main connection is busy. */
const READERS = 2;

async function connect(instance: DuckDBInstance, options: EngineOptions): Promise<DuckDBConnection> {
  const conn = await instance.connect();
  await conn.run(`SET TimeZone = '${options.timeZone.replaceAll("'", "''")}'`);
  return conn;
}

/**
 * Reader connections, opened on first use, each behind its own mutex; a read goes to the first idle one, else
 * round robin.
 */
function readerPool(instance: DuckDBInstance, options: EngineOptions) {
  const readers: { conn: Promise<DuckDBConnection>; mutex: Mutex; busy: number }[] = [];
  let next = 0;
  const grow = () => {
    if (readers.length < READERS)
      readers.push({ conn: connect(instance, options), mutex: new Mutex(), busy: 0 });
  };
  return {
    read(query: SqlQuery | string): Promise<Row[]> {
      grow();
      const r =
        readers.find((x) => x.busy === 0) ?? (readers[next++ % readers.length] as (typeof readers)[0]);
      r.busy++;
      return r.mutex
        .exclusive(async () => session(await r.conn).all(query))
        .finally(() => {
          r.busy--;
        });
    },
    /** Streams on a reader connection, holding it (behind its mutex) until the stream ends or is abandoned. */
    async *stream(query: SqlQuery | string, chunkRows: number): AsyncGenerator<Row[]> {
      grow();
      const r = readers[next++ % readers.length]!;
      let release = () => {};
      const leased = new Promise<void>((resolve) => (release = resolve));
      let lease!: (conn: DuckDBConnection) => void;
      const got = new Promise<DuckDBConnection>((resolve) => (lease = resolve));
      r.busy++;
      void r.mutex.exclusive(async () => {
        lease(await r.conn);
        await leased;
      });
      try {
        const q = toQuery(query);
        const result = await (
          await got
        ).stream(q.sql, q.params.length ? (q.params as DuckDBValue[]) : undefined);
        const names = result.deduplicatedColumnNames();
        let rows: Row[] = [];
        for (
          let chunk = await result.fetchChunk();
          chunk && chunk.rowCount > 0;
          chunk = await result.fetchChunk()
        ) {
          for (const values of chunk.convertRows(plainValueConverter))
            rows.push(Object.fromEntries(names.map((n, i) => [n, values[i]])));
          if (rows.length >= chunkRows) {
            yield rows;
            rows = [];
          }
        }
        if (rows.length) yield rows;
      } finally {
        r.busy--;
        release();
      }
    },
    async close(): Promise<void> {
      for (const r of readers) await r.mutex.exclusive(async () => (await r.conn).closeSync());
    },
  };
}

/**
 * The embedded engine: one DuckDB file, one main connection whose statements are serialised through a mutex
 * so that a transaction never interleaves with other work of the same process, and reader connections for
 * `read`.
 */
export async function openDuckDbEngine(path: string, options: EngineOptions): Promise<Engine> {
  if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(path);
  const conn = await connect(instance, options);
  if (options.memoryLimit)
    await conn.run(`SET memory_limit = '${options.memoryLimit.replaceAll("'", "''")}'`);
  const base = session(conn);
  const mutex = new Mutex();
  const readers = readerPool(instance, options);
  const locks = new NamedLocks();
  const inTransaction = transactionOn(base, 'BEGIN TRANSACTION', (statement) => conn.run(statement));
  return {
    kind: 'duckdb',
    dialect: duckdbDialect,
    run: (q) => mutex.exclusive(() => base.run(q)),
    all: (q) => mutex.exclusive(() => base.all(q)),
    read: (q) => readers.read(q),
    stream: (q, chunkRows) => readers.stream(q, chunkRows),
    bulkLoad: (t, c, r) => mutex.exclusive(() => base.bulkLoad(t, c, r)),
    exportTo: (query, file, format) =>
      mutex.exclusive(async () => {
        const staged = `export_${randomUUID().replaceAll('-', '')}`;
        await base.run({ sql: `CREATE TEMP TABLE ${staged} AS ${query.sql}`, params: query.params });
        try {
          const literal = `'${file.replaceAll("'", "''")}'`;
          await base.run(
            `COPY ${staged} TO ${literal} (FORMAT ${format === 'csv' ? 'csv, HEADER true' : 'parquet'})`,
          );
          const [row] = await base.all(`SELECT count(*) AS n FROM ${staged}`);
          return Number(row?.n ?? 0);
        } finally {
          await base.run(`DROP TABLE IF EXISTS ${staged}`);
        }
      }),
    withLock: (name, work) => locks.withLock(name, work),
    tryWithLock: (name, work) => locks.tryWithLock(name, work),
    transaction: (work) => mutex.exclusive(() => inTransaction(work)),
    exclusive: (work) => mutex.exclusive(() => work({ ...base, transaction: inTransaction })),
    async close() {
      await readers.close();
      await mutex.exclusive(async () => {
        conn.closeSync();
        instance.closeSync();
      });
    },
  };
}
