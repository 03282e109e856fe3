import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { migrate } from '../src/app/migrate.js';
import { loadConfig } from '../src/config.js';
import { openEngine } from '../src/engines/registry.js';
import { BENCH_AS_OF, BENCH_TZ, tieringBenchDatabase } from './tiering-data.js';
import { PG_BENCH_SETTINGS, timePostgresRun } from './tiering-postgres.js';

const exec = promisify(execFile);

/** The baseline: one hand-written DuckDB query computing seed RFM and quota tiers only, materialised. */
const baselineSql = `CREATE TEMP TABLE baseline_tiers AS
WITH f AS (
  SELECT c.customer_id,
    date_diff('day', CAST(max(o.ordered_at) AS DATE), DATE '${BENCH_AS_OF}') AS recency,
    count(o.order_id) AS orders,
    coalesce(sum(o.amount), 0) AS monetary
  FROM customers_clean c
  LEFT JOIN orders_clean o ON o.customer_id = c.customer_id AND o.status = 'completed'
    AND o.ordered_at < DATE '${BENCH_AS_OF}' + INTERVAL 1 DAY AND o.ordered_at >= DATE '${BENCH_AS_OF}' - INTERVAL 364 DAY
  GROUP BY c.customer_id),
s AS (
  SELECT customer_id, monetary,
    0.4 * (5 - least(coalesce(floor(recency / 30), 4), 4)) + 0.3 * least(floor(orders / 10), 5) + 0.3 * least(floor(monetary / 10000), 5) AS score
  FROM f),
r AS (SELECT *, row_number() OVER (ORDER BY score DESC, monetary DESC, customer_id) AS pos, count(*) OVER () AS n FROM s)
SELECT customer_id, score,
  CASE WHEN pos <= round(n * 0.05) THEN 'platinum' WHEN pos <= round(n * 0.20) THEN 'gold'
       WHEN pos <= round(n * 0.50) THEN 'silver' ELSE 'bronze' END AS tier
FROM r`;

const openBenchDatabase = (path: string, memoryLimit = loadConfig().memoryLimit) =>
  openEngine({ kind: 'duckdb', path }, { timeZone: BENCH_TZ, memoryLimit });

async function timeBaseline(path: string): Promise<number> {
  const engine = await openBenchDatabase(path);
  try {
    await migrate(engine); // the same views as the run reads
    const start = performance.now();
    await engine.run(baselineSql);
    return performance.now() - start;
  } finally {
    await engine.close();
  }
}

/**
 * The floor's memory limit: room for the rows it holds. Under the run's limit they would spill to disk and the
 * floor would count reading them back (3.8 s instead of 2.1 s at 1GB).
 */
const FLOOR_MEMORY_LIMIT = '8GB';

/**
 * What writing the run's snapshot rows costs by itself, at the least: the same rows, held in memory, written to
 * a new table by CREATE TABLE AS (no key, no checks, no transaction). Added to the baseline's scan of the orders,
 * it is a floor under any run that must read those orders and keep a snapshot of every customer.
 */
async function timeSnapshotWriteFloor(path: string): Promise<number> {
  const engine = await openBenchDatabase(path, FLOOR_MEMORY_LIMIT);
  try {
    await engine.run('CREATE TEMP TABLE snapshot_rows AS SELECT * FROM tier_snapshots');
    const start = performance.now();
    await engine.run('CREATE TABLE snapshot_floor AS SELECT * FROM snapshot_rows');
    return performance.now() - start;
  } finally {
    await engine.close();
  }
}

/** The full `stratum run` in its own process, so that its peak memory (DuckDB included) is its own. */
async function timeFullRun(
  path: string,
): Promise<{ wallMs: number; runMs: number; peakMiB: number; customers: number }> {
  const start = performance.now();
  const { stdout, stderr } = await exec('/usr/bin/time', [
    '-f',
    'maxrss_kib=%M',
    process.execPath,
    'bin/stratum.js',
    'run',
    '--db',
    path,
    '--as-of',
    BENCH_AS_OF,
    '--json',
  ]);
  const wallMs = performance.now() - start;
  const summary = JSON.parse(stdout) as { durationMs: number; customers: number };
  const kib = Number(/maxrss_kib=(\d+)/.exec(stderr)?.[1] ?? NaN);
  return { wallMs, runMs: summary.durationMs, peakMiB: kib / 1024, customers: summary.customers };
}

export async function run(): Promise<void> {
  const cached = await tieringBenchDatabase();
  const work = await mkdtemp(join(tmpdir(), 'stratum-bench-tiering-'));
  try {
    const path = join(work, 'bench.duckdb');
    await copyFile(cached, path);
    const baselineMs = await timeBaseline(path);
    const full = await timeFullRun(path);
    const floorMs = baselineMs + (await timeSnapshotWriteFloor(path));
    const lines = [
      `data: ${full.customers.toLocaleString('en')} customers, ~10M orders, as of ${BENCH_AS_OF}`,
      `baseline (one DuckDB query: seed RFM + quota tiers)   ${(baselineMs / 1000).toFixed(2)} s`,
      `stratum run (all features, 4 models, tags, policies, snapshot)  ${(full.runMs / 1000).toFixed(2)} s in the run, ${(full.wallMs / 1000).toFixed(2)} s wall with process start`,
      `ratio  ${(full.runMs / baselineMs).toFixed(2)}× the baseline (target ≤ 2×)`,
      `floor: the baseline + writing the same snapshot rows alone (CREATE TABLE AS)  ${(floorMs / 1000).toFixed(2)} s = ${(floorMs / baselineMs).toFixed(2)}× the baseline, before any other feature, model, tag or policy`,
      `peak memory of the run process  ${full.peakMiB.toFixed(0)} MiB (target < 2048 MiB)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const pg = await timePostgresRun(cached);
    process.stdout.write(
      [
        pg.copyMs === null
          ? 'PostgreSQL: the same data, copied by `stratum copy` in an earlier benchmark run (cached)'
          : `PostgreSQL: the same data copied by \`stratum copy\` in ${(pg.copyMs / 1000).toFixed(1)} s`,
        `stratum run on PostgreSQL (${PG_BENCH_SETTINGS})  ${(pg.runMs / 1000).toFixed(2)} s in the run, ${(pg.wallMs / 1000).toFixed(2)} s wall`,
        `PostgreSQL / DuckDB  ${(pg.runMs / full.runMs).toFixed(2)}× (same ${pg.customers.toLocaleString('en')} customers)`,
      ].join('\n') + '\n',
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
