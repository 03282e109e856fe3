import pg from 'pg';
import { migrate } from '../src/app/migrate.js';
import { copyInstallation } from '../src/app/copy/copy-installation.js';
import type { Engine } from '../src/engines/engine.js';
import { openEngine } from '../src/engines/registry.js';
import { BENCH_ID_PREFIX, POOL_INVOICES_SQL } from './stream-events.js';
import { BENCH_TZ } from './tiering-data.js';

/** Where the PostgreSQL half runs: $STRATUM_BENCH_PG_URL, else the local server's `test` database. */
const PG_URL = process.env.STRATUM_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const streamBenchSchema = (customers: number): string => `bench_stream_${customers}`;

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const openMigrated = async (location: Parameters<typeof openEngine>[0]): Promise<Engine> => {
  const engine = await openEngine(location, { timeZone: BENCH_TZ });
  try {
    await migrate(engine);
    return engine;
  } catch (error) {
    await engine.close();
    throw error;
  }
};

/**
 * The cached DuckDB demo in its own PostgreSQL schema, copied once (`stratum copy`'s copyInstallation; minutes)
 * and reused; what an earlier, interrupted benchmark run left in it is taken out first (forgetBenchEvents).
 */
export async function postgresBenchEngine(
  cachedDuckDb: string,
  customers: number,
): Promise<{ engine: Engine; copyMs: number | null }> {
  const engine = await openMigrated({ kind: 'postgres', url: PG_URL, schema: streamBenchSchema(customers) });
  try {
    const [row] = await engine.all('SELECT count(*) AS n FROM customers');
    if (Number(row?.n) > 0) {
      await forgetBenchEvents(engine, cachedDuckDb);
      return { engine, copyMs: null };
    }
    const source = await openMigrated({ kind: 'duckdb', path: cachedDuckDb });
    try {
      let table = '';
      const { durationMs } = await copyInstallation(source, engine, (p) => {
        if (p.table !== table && p.total > 0)
          process.stderr.write(`  copying ${(table = p.table)} (${p.total} rows) to PostgreSQL\n`);
      });
      return { engine, copyMs: durationMs };
    } finally {
      await source.close();
    }
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/** Another engine on the benchmark's schema, for a further worker (the schema is copied already). */
export const openPostgresWorkerEngine = (customers: number): Promise<Engine> =>
  openMigrated({ kind: 'postgres', url: PG_URL, schema: streamBenchSchema(customers) });

/**
 * Takes out of the PostgreSQL copy what benchmark events added (rows with BENCH- ids, their log and decisions),
 * puts back the paid date and amount of the invoices payments may have touched, read from the pristine DuckDB
 * cache, and vacuums what it changed, so that every run starts from the same state.
 */
export async function forgetBenchEvents(engine: Engine, cachedDuckDb: string): Promise<void> {
  const source = await openMigrated({ kind: 'duckdb', path: cachedDuckDb });
  let invoices;
  try {
    invoices = await source.all(
      `SELECT invoice_id, paid_date, paid_amount FROM invoices WHERE invoice_id IN (${POOL_INVOICES_SQL})`,
    );
  } finally {
    await source.close();
  }
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const like = `'${BENCH_ID_PREFIX}%'`;
  await engine.transaction(async (tx) => {
    await tx.run(
      'CREATE TEMP TABLE bench_invoices (invoice_id VARCHAR, paid_date VARCHAR, paid_amount VARCHAR) ON COMMIT DROP',
    );
    await tx.bulkLoad(
      'bench_invoices',
      ['invoice_id', 'paid_date', 'paid_amount'],
      invoices.map((r) => [text(r.invoice_id), text(r.paid_date), text(r.paid_amount)]),
    );
    await tx.run(`UPDATE invoices i SET paid_date = CAST(b.paid_date AS DATE),
        paid_amount = CAST(b.paid_amount AS DECIMAL(18,2))
      FROM bench_invoices b WHERE i.invoice_id = b.invoice_id`);
    await tx.run(`DELETE FROM refunds WHERE refund_id LIKE ${like}`);
    await tx.run(`DELETE FROM orders WHERE order_id LIKE ${like}`);
    await tx.run(`DELETE FROM complaints WHERE complaint_id LIKE ${like}`);
    await tx.run(`DELETE FROM webhook_deliveries WHERE payload LIKE '%"causedBy":"${BENCH_ID_PREFIX}%'`);
    await tx.run(`DELETE FROM stream_decisions WHERE cause_event_id LIKE ${like}`);
    await tx.run(`DELETE FROM stream_events WHERE event_id LIKE ${like}`);
  });
  // Autovacuum may be off (it is on the test server): without this, every run leaves its rows dead and the
  // statistics of empty stream tables, and later runs read the dead rows through plans made for empty tables.
  await engine.run(`VACUUM ANALYZE ${BENCH_TABLES.join(', ')}`);
}

/** The tables a run writes to. */
const BENCH_TABLES = [
  'invoices',
  'refunds',
  'orders',
  'complaints',
  'webhook_deliveries',
  'stream_decisions',
  'stream_events',
];
