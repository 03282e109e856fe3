import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanDatabase } from '../src/app/clean/clean-database.js';
import { migrate } from '../src/app/migrate.js';
import type { Engine } from '../src/engines/engine.js';
import { openEngine } from '../src/engines/registry.js';

export const BENCH_TZ = 'Asia/Shanghai';
export const BENCH_AS_OF = '2025-12-31';

/** Uniform [0, 1) from a hash of the row number and a salt: deterministic under DuckDB's parallel execution. */
const u = (expr: string, salt: string) => `((hash(${expr}, '${salt}') % 1000000) / 1000000.0)`;

/**
 * 1M customers and ~10M orders written straight into the raw tables with SQL (importing 10M CSV rows would take
 * minutes and is measured by the import benchmark), then cleaned as usual. Cached under .bench-cache/.
 */
export async function tieringBenchDatabase(customers = 1_000_000, orders = 10_000_000): Promise<string> {
  const dir = join('.bench-cache', 'tiering');
  const path = join(dir, `tiering-${customers}-${orders}.duckdb`);
  if (existsSync(path)) return path;
  await mkdir(dir, { recursive: true });
  const partial = `${path}.partial`;
  await rm(partial, { force: true });
  const engine = await openEngine({ kind: 'duckdb', path: partial }, { timeZone: BENCH_TZ });
  try {
    await migrate(engine);
    await fill(engine, customers, orders);
    await cleanDatabase(engine);
  } finally {
    await engine.close();
  }
  const { rename } = await import('node:fs/promises');
  await rename(partial, path);
  return path;
}

async function fill(e: Engine, customers: number, orders: number): Promise<void> {
  const cities = ['北京', '上海', '广州', '深圳', '成都', '杭州', '武汉', '西安'];
  await e.run(`INSERT INTO regions SELECT c.city, '区' || d.i, 8 + d.i * 3, 0.1 * d.i
    FROM (SELECT unnest([${cities.map((c) => `'${c}'`).join(', ')}]) AS city) c, range(1, 9) d(i)`);
  await e.run(`INSERT INTO customers
    SELECT 'C' || lpad(CAST(i AS VARCHAR), 7, '0'), '餐厅' || i,
      CASE WHEN ${u('i', 't')} < 0.15 THEN 'chain' ELSE 'single' END,
      CASE WHEN ${u('i', 't')} < 0.15 THEN 'B' || (i % 500) END,
      (['川菜', '粤菜', '火锅', '快餐', '面馆', '西餐', '日料', '烧烤'])[1 + CAST(floor(${u('i', 'c')} * 8) AS INTEGER)],
      CAST(10 + floor(pow(${u('i', 's')}, 3) * 300) AS INTEGER), 1,
      (['北京', '上海', '广州', '深圳', '成都', '杭州', '武汉', '西安'])[1 + CAST(floor(${u('i', 'city')} * 8) AS INTEGER)],
      '区' || (1 + CAST(floor(${u('i', 'd')} * 8) AS INTEGER)),
      '路' || i || '号', 30 + ${u('i', 'lat')}, 110 + ${u('i', 'lon')},
      '13' || lpad(CAST(i AS VARCHAR), 9, '0'), '联系人', DATE '2022-01-01' + CAST(floor(${u('i', 'created')} * 1200) AS INTEGER)
    FROM range(${customers}) t(i)`);
  // Heavy-tailed activity: a customer's share of orders grows with the cube of a uniform draw.
  await e.run(`INSERT INTO orders
    SELECT 'O' || i, 'C' || lpad(CAST(CAST(floor(pow(${u('i', 'who')}, 2) * ${customers}) AS BIGINT) AS VARCHAR), 7, '0'),
      TIMESTAMPTZ '2025-01-01 08:00:00+08' + to_seconds(CAST(floor(${u('i', 'when')} * 365 * 86400) AS BIGINT)),
      CAST(round(50 + pow(${u('i', 'amt')}, 2) * 3000, 2) AS DECIMAL(18,2)),
      CAST(round((50 + pow(${u('i', 'amt')}, 2) * 3000) * 0.15, 2) AS DECIMAL(18,2)),
      CASE WHEN ${u('i', 'st')} < 0.02 THEN 'cancelled' ELSE 'completed' END, 'app'
    FROM range(${orders}) t(i)`);
  await e.run(`INSERT INTO refunds SELECT 'R' || order_id, order_id, ordered_at + INTERVAL 1 DAY, CAST(round(amount * 0.3, 2) AS DECIMAL(18,2)), '质量问题'
    FROM orders WHERE ${u('order_id', 'rf')} < 0.02 AND status = 'completed' AND amount > 0`);
  await e.run(`INSERT INTO invoices
    SELECT 'I' || customer_id || '-' || m, customer_id, DATE '2025-01-31' + INTERVAL (m * 30) DAY, 'monthly',
      DATE '2025-02-28' + INTERVAL (m * 30) DAY, 1000,
      CASE WHEN ${u('customer_id || m', 'late')} < 0.9 THEN DATE '2025-02-20' + INTERVAL (m * 30) DAY END, 1000
    FROM (SELECT customer_id FROM customers WHERE ${u('customer_id', 'inv')} < 0.3), range(10) t(m)`);
  await e.run(`INSERT INTO complaints SELECT 'K' || i, 'C' || lpad(CAST(i * 37 % ${customers} AS VARCHAR), 7, '0'),
      TIMESTAMPTZ '2025-06-01 10:00:00+08' + to_seconds(i * 97 % (180 * 86400)), 'delivery', 'medium'
    FROM range(${Math.round(customers / 20)}) t(i)`);
  await e.run(`INSERT INTO contracts SELECT 'K' || customer_id, customer_id, DATE '2025-01-01', DATE '2026-12-31', 100000
    FROM customers WHERE customer_type = 'chain'`);
  await e.run(`INSERT INTO credit_ratings SELECT customer_id, 'bureau', DATE '2025-03-01',
      (['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC'])[1 + CAST(floor(${u('customer_id', 'cr')} * 7) AS INTEGER)]
    FROM customers`);
}
