import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { duckdbDialect } from '../../sql/dialects/duckdb.js';
import type { SqlQuery } from '../../sql/query.js';
import type { Engine, EngineOptions, Row, SqlSession, TextRow } from '../engine.js';
import { plainValueConverter } from './value-converter.js';
import { Mutex } from '../mutex.js';

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

/**
 * The embedded engine: one DuckDB file, one connection. Statements are serialised through a mutex so that a
 * transaction never interleaves with other work of the same process.
 */
export async function openDuckDbEngine(path: string, options: EngineOptions): Promise<Engine> {
  if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await conn.run(`SET TimeZone = '${options.timeZone.replaceAll("'", "''")}'`);
  if (options.memoryLimit)
    await conn.run(`SET memory_limit = '${options.memoryLimit.replaceAll("'", "''")}'`);
  const base = session(conn);
  const mutex = new Mutex();
  return {
    kind: 'duckdb',
    dialect: duckdbDialect,
    run: (q) => mutex.exclusive(() => base.run(q)),
    all: (q) => mutex.exclusive(() => base.all(q)),
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
    transaction: (work) =>
      mutex.exclusive(async () => {
        await conn.run('BEGIN TRANSACTION');
        try {
          const result = await work(base);
          await conn.run('COMMIT');
          return result;
        } catch (error) {
          await conn.run('ROLLBACK');
          throw error;
        }
      }),
    async close() {
      await mutex.exclusive(async () => {
        conn.closeSync();
        instance.closeSync();
      });
    },
  };
}
