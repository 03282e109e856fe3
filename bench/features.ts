import { migrate } from '../src/app/migrate.js';
import { loadConfig } from '../src/config.js';
import { computeFeatures } from '../src/app/tiering/compute-features.js';
import type { Engine } from '../src/engines/engine.js';
import { openEngine } from '../src/engines/registry.js';
import { BENCH_AS_OF, BENCH_TZ, tieringBenchDatabase } from './tiering-data.js';
import { bestOf } from './best-of.js';

/**
 * The full features statement (every catalogue feature, both units) against a minimal hand-written DuckDB query
 * computing only recency, orders and monetary per customer, on the tiering benchmark's database (1M customers,
 * ~10M orders, cached under .bench-cache/tiering); BENCH_FEATURES_DB points at another cleaned database instead
 * (for example a generated and imported demo).
 */
const END = BENCH_AS_OF;
const RUNS = 3;

async function database(): Promise<string> {
  return process.env.BENCH_FEATURES_DB ?? (await tieringBenchDatabase());
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

const best = (work: () => Promise<unknown>): Promise<number> => bestOf(RUNS, work);

export async function run(): Promise<void> {
  const path = await database();
  const engine: Engine = await openEngine(
    { kind: 'duckdb', path },
    { timeZone: BENCH_TZ, memoryLimit: loadConfig().memoryLimit },
  );
  try {
    await migrate(engine);
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
