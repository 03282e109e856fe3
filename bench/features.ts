import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanDatabase } from '../src/app/clean/clean-database.js';
import { generateDataset } from '../src/app/generate/generate-dataset.js';
import { importFiles } from '../src/app/import/import-files.js';
import { migrate } from '../src/app/migrate.js';
import { computeFeatures } from '../src/app/tiering/compute-features.js';
import type { Engine } from '../src/engines/engine.js';
import { openEngine } from '../src/engines/registry.js';

/**
 * The full features statement (every catalogue feature, both units) against a minimal hand-written DuckDB query
 * computing only recency, orders and monetary per customer, on a generated demo (default 100 000 customers × 12
 * months, cached under .bench-cache/features; BENCH_FEATURES_DB points at an existing cleaned database instead).
 */
const CUSTOMERS = Number(process.env.BENCH_FEATURES_CUSTOMERS ?? 100_000);
const MONTHS = 12;
const END = '2025-06-30';
const TZ = 'Asia/Shanghai';
const RUNS = 3;

async function database(): Promise<string> {
  const given = process.env.BENCH_FEATURES_DB;
  if (given) return given;
  const dir = join('.bench-cache', 'features');
  const path = join(dir, `demo-${CUSTOMERS}-${MONTHS}.duckdb`);
  if (existsSync(path)) return path;
  await mkdir(dir, { recursive: true });
  const data = join(dir, `demo-${CUSTOMERS}-${MONTHS}`);
  await generateDataset({ customers: CUSTOMERS, seed: 42, months: MONTHS, end: END, out: data });
  const partial = `${path}.partial`;
  await rm(partial, { force: true });
  const engine = await openEngine({ kind: 'duckdb', path: partial }, { timeZone: TZ });
  try {
    await migrate(engine);
    await importFiles(engine, {
      target: { kind: 'dir', dir: data },
      timeZone: TZ,
      now: new Date(`${END}T23:59:59+08:00`),
    });
    await cleanDatabase(engine);
  } finally {
    await engine.close();
  }
  await rename(partial, path);
  return path;
}

/** Recency, orders and monetary only, written for DuckDB by hand: one join and one aggregate. */
const BASELINE = `CREATE OR REPLACE TEMP TABLE rfm_baseline AS
SELECT c.customer_id,
       DATE '${END}' - CAST(max(o.ordered_at) AS DATE) AS recency_days,
       count(o.order_id) AS orders,
       COALESCE(sum(o.amount), 0) AS monetary
FROM customers_clean c
LEFT JOIN orders_clean o ON o.customer_id = c.customer_id AND o.status = 'completed'
  AND o.ordered_at < CAST(DATE '${END}' + 1 AS TIMESTAMPTZ)
GROUP BY c.customer_id`;

async function best(work: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

export async function run(): Promise<void> {
  const path = await database();
  const engine: Engine = await openEngine({ kind: 'duckdb', path }, { timeZone: TZ });
  try {
    const [counts] = await engine.all(
      `SELECT (SELECT count(*) FROM customers_clean) AS customers, (SELECT count(*) FROM orders_clean) AS orders`,
    );
    const params = { asOf: END, longDays: 365, shortDays: 90 } as const;
    const baseline = await best(() => engine.run(BASELINE));
    const customer = await best(() =>
      computeFeatures(engine, engine.dialect, { ...params, unit: 'customer' }),
    );
    const chain = await best(() => computeFeatures(engine, engine.dialect, { ...params, unit: 'chain' }));
    const ms = (x: number) => `${Math.round(x)} ms`;
    process.stdout.write(
      [
        `${String(counts?.customers)} customers, ${String(counts?.orders)} orders (${path}); best of ${RUNS}`,
        `baseline (recency/orders/monetary by hand): ${ms(baseline)}`,
        `features, unit customer:                   ${ms(customer)} (${(customer / baseline).toFixed(1)}× baseline)`,
        `features, unit chain:                      ${ms(chain)} (${(chain / baseline).toFixed(1)}× baseline)`,
      ].join('\n') + '\n',
    );
  } finally {
    await engine.close();
  }
}
