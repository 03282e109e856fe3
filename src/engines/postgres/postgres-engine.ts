import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { stratumError, type StratumError } from '../../contracts/errors.js';
import Cursor from 'pg-cursor';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { postgresDialect } from '../../sql/dialects/postgres.js';
import { transactionOn } from '../in-transaction.js';
import type { SqlQuery } from '../../sql/query.js';
import type { Engine, EngineOptions, Row, SqlSession } from '../engine.js';
import { Mutex } from '../mutex.js';
import { csvChunks } from './copy-csv.js';
import { writeParquetFromCsv } from './parquet-from-csv.js';
import { plainTypes } from './value-parsers.js';

/** A server that does not answer, refuses the login or lacks the database is the user's to fix: one clear line. */
function unreachable(location: PostgresLocation, error: unknown): StratumError {
  const url = new URL(location.url);
  if (url.password) url.password = '***';
  const why = error instanceof Error ? error.message : String(error);
  return stratumError('DATABASE_UNREACHABLE', `cannot connect to PostgreSQL at ${url.toString()}: ${why}`, {
    database: url.toString(),
  });
}

export interface PostgresLocation {
  readonly url: string;
  /** The schema that holds stratum's tables (created if missing); unset = the server's default (public). */
  readonly schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const toQuery = (q: SqlQuery | string): SqlQuery => (typeof q === 'string' ? { sql: q, params: [] } : q);

type Queryable = pg.Client | pg.PoolClient;

const statementNames = new Map<string, string>();

/**
 * The name of a prepared statement: one per text (the driver refuses a known name with another text). Remembered,
 * as the texts kept prepared are few and the stream's are hashed at every batch otherwise.
 */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `stratum_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

function session(client: () => Promise<Queryable>): SqlSession {
  const query = async (q: SqlQuery | string) => {
    const { sql, params, prepared } = toQuery(q);
    const c = await client();
    // A named statement is parsed, analysed and planned once per connection: for a long one with views to expand
    // (the stream's features of a batch), that was half of its time.
    if (prepared) return c.query({ name: statementName(sql), text: sql, values: params as unknown[] });
    // Without parameters the simple protocol runs scripts of several statements, as DuckDB does.
    return params.length ? c.query(sql, params as unknown[]) : c.query(sql);
  };
  return {
    async run(q) {
      await query(q);
    },
    async all(q) {
      const result = await query(q);
      // A script returns one result per statement; the last one answers.
      const last = Array.isArray(result) ? (result.at(-1) as pg.QueryResult) : result;
      return last.rows as Row[];
    },
    async bulkLoad(table, columns, rows) {
      const c = await client();
      const ident = (name: string) => postgresDialect.quoteIdent(name);
      const counter = { rows: 0 };
      const copy = c.query(
        copyFrom(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN (FORMAT csv)`),
      );
      await pipeline(Readable.from(csvChunks(rows, columns.length, counter)), copy);
      return counter.rows;
    },
  };
}

/**
 * The driver's settings: stratum's default session settings, then the URL's own `options` (e.g.
 * `?options=-c work_mem=256MB`), then the session time zone and search path (which the driver would otherwise
 * let the URL's options override).
 */
function connectionConfig(location: PostgresLocation, options: EngineOptions): pg.ClientConfig {
  const url = new URL(location.url);
  // JIT compiling a run's long statements costs seconds and saves less (a 10k-customer run: 6.4 s with, 3.2 s
  // without); the URL's options may turn it back on.
  const settings = ['-c jit=off', url.searchParams.get('options') ?? '', `-c TimeZone=${options.timeZone}`];
  url.searchParams.delete('options');
  if (location.schema) settings.push(`-c search_path=${location.schema}`);
  return {
    connectionString: url.toString(),
    options: settings.filter(Boolean).join(' '),
    types: plainTypes,
    application_name: 'stratum',
  };
}

/**
 * The shared server store. Like the embedded engine, one main connection serialised through a mutex carries
 * `run`, `all`, `bulkLoad` and transactions (temp tables of a pipeline live on it); `read` and locks use a pool,
 * so lookups run beside a long transaction and see committed data only.
 */
export async function openPostgresEngine(
  location: PostgresLocation,
  options: EngineOptions,
): Promise<Engine> {
  if (location.schema !== undefined && !SCHEMA_NAME.test(location.schema))
    throw new Error(`PostgreSQL schema "${location.schema}": expected lower-case letters, digits and _`);
  const config = connectionConfig(location, options);
  const setup = new pg.Client(config);
  try {
    await setup.connect();
  } catch (error) {
    throw unreachable(location, error);
  }
  try {
    if (location.schema) await setup.query(`CREATE SCHEMA IF NOT EXISTS ${location.schema}`);
  } finally {
    await setup.end();
  }
  const pool = new pg.Pool({ ...config, max: 8, idleTimeoutMillis: 30_000 });
  pool.on('error', () => undefined); // an idle client's error; the next checkout reconnects
  let main: Promise<pg.Client> | undefined;
  const mainClient = (): Promise<pg.Client> => {
    main ??= (async () => {
      const client = new pg.Client(config);
      // A dropped main connection is replaced on next use; work in flight on it fails with the driver's error.
      client.on('error', () => {
        main = undefined;
      });
      await client.connect();
      return client;
    })();
    return main;
  };
  const base = session(mainClient);
  const mutex = new Mutex();
  const inTransaction = transactionOn(base, 'BEGIN', async (statement) =>
    (await mainClient()).query(statement),
  );
  const onPooled = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  // Session advisory locks keyed by a 64-bit hash of the name, held on one pooled connection while `work` runs.
  const holdLock = async <T>(name: string, wait: boolean, work: () => Promise<T>) =>
    onPooled(async (client) => {
      const key = 'hashtextextended($1, 0)';
      if (wait) await client.query(`SELECT pg_advisory_lock(${key})`, [name]);
      else {
        const got = await client.query(`SELECT pg_try_advisory_lock(${key}) AS ok`, [name]);
        if (!(got.rows[0] as { ok: boolean }).ok) return undefined;
      }
      try {
        return { value: await work() };
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${key})`, [name]);
      }
    });

  return {
    kind: 'postgres',
    dialect: postgresDialect,
    run: (q) => mutex.exclusive(() => base.run(q)),
    all: (q) => mutex.exclusive(() => base.all(q)),
    read: (q) => onPooled((client) => session(async () => client).all(q)),
    async *stream(query, chunkRows) {
      const { sql, params } = toQuery(query);
      const client = await pool.connect();
      const cursor = client.query(new Cursor<Row>(sql, params as unknown[], { types: plainTypes }));
      try {
        for (let rows = await cursor.read(chunkRows); rows.length > 0; rows = await cursor.read(chunkRows))
          yield rows;
      } finally {
        await cursor.close();
        client.release();
      }
    },
    bulkLoad: (t, c, r) => mutex.exclusive(() => base.bulkLoad(t, c, r)),
    exportTo: (query, file, format) =>
      mutex.exclusive(async () => {
        await mkdir(dirname(file), { recursive: true });
        const client = await mainClient();
        const staged = `export_${Date.now().toString(36)}`;
        await client.query(`CREATE TEMP TABLE ${staged} AS ${query.sql}`, query.params as unknown[]);
        try {
          const target = format === 'csv' ? file : `${file}.csv`;
          await pipeline(
            client.query(copyTo(`COPY ${staged} TO STDOUT (FORMAT csv, HEADER true)`)),
            createWriteStream(target),
          );
          if (format === 'parquet') await writeParquetFromCsv(client, staged, target, file);
          const { rows } = await client.query(`SELECT count(*) AS n FROM ${staged}`);
          return Number((rows[0] as { n: number }).n);
        } finally {
          await client.query(`DROP TABLE IF EXISTS ${staged}`);
        }
      }),
    withLock: async (name, work) => (await holdLock(name, true, work))!.value,
    tryWithLock: (name, work) => holdLock(name, false, work),
    transaction: (work) => mutex.exclusive(() => inTransaction(work)),
    exclusive: (work) => mutex.exclusive(() => work({ ...base, transaction: inTransaction })),
    async close() {
      await mutex.exclusive(async () => {
        if (main) await (await main).end();
        await pool.end();
      });
    },
  };
}
