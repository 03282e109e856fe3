import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { importFiles } from '../src/app/import/import-files.js';
import { migrate } from '../src/app/migrate.js';
import { orders } from '../src/contracts/data-model/sources/orders.js';
import { openEngine } from '../src/engines/registry.js';
import { duckdbDialect } from '../src/sql/dialects/duckdb.js';

/**
 * `stratum import` of ~2M synthetic orders against DuckDB's own `read_csv` of the same file with the same casts
 * (the baseline: no validation, no quarantine, no merge), both measured in this run.
 */
const ORDERS = Number(process.env.BENCH_IMPORT_ROWS ?? 2_000_000);
const CUSTOMERS = 50_000;
const TZ = 'Asia/Shanghai';
const CACHE = join('.bench-cache', 'import');

async function writeLines(
  path: string,
  header: string,
  count: number,
  line: (i: number) => string,
): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let buffer = '';
  for (let i = 0; i < count; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Deterministic synthetic files with the headers a Chinese ERP exports; cached between runs. */
async function fixtures(): Promise<{ dir: string; ordersCsv: string }> {
  const dir = join(CACHE, `orders-${ORDERS}`);
  const ordersCsv = join(dir, 'orders.csv');
  if (await exists(ordersCsv)) return { dir, ordersCsv };
  await mkdir(dir, { recursive: true });
  await writeLines(join(dir, 'regions.csv'), '城市,区县,配送成本,竞争指数', 1, () => '北京,朝阳区,12.50,0.4');
  await writeLines(
    join(dir, 'customers.csv'),
    '客户编号,客户名称,客户类型,城市,区县,注册日期',
    CUSTOMERS,
    (i) => `C${i},餐厅${i},单店,北京,朝阳区,2022-01-01`,
  );
  const tmp = `${ordersCsv}.partial`;
  await writeLines(tmp, '订单编号,客户编号,下单时间,金额,毛利,状态,渠道', ORDERS, (i) => {
    const day = 1 + (i % 28);
    const sec = i % 86_400;
    const time = `${String(Math.floor(sec / 3600)).padStart(2, '0')}:${String(Math.floor(sec / 60) % 60).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}`;
    const amount = `${(i * 7919) % 100_000}.${String(i % 100).padStart(2, '0')}`;
    return `O${i},C${(i * 31) % CUSTOMERS},2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')} ${time},${amount},${(i % 500) - 50}.5,${i % 20 === 0 ? 'cancelled' : 'completed'},app`;
  });
  const { rename } = await import('node:fs/promises');
  await rename(tmp, ordersCsv);
  return { dir, ordersCsv };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export async function run(): Promise<void> {
  const { dir, ordersCsv } = await fixtures();
  const work = await mkdtemp(join(tmpdir(), 'stratum-bench-import-'));
  try {
    // stratum import: master data first (not timed), then the orders file.
    const engine = await openEngine({ kind: 'duckdb', path: join(work, 'import.duckdb') }, { timeZone: TZ });
    await migrate(engine);
    for (const [source, file] of [
      ['regions', 'regions.csv'],
      ['customers', 'customers.csv'],
    ] as const)
      await importFiles(engine, { target: { kind: 'file', source, file: join(dir, file) }, timeZone: TZ });
    const imported = await timed(() =>
      importFiles(engine, { target: { kind: 'file', source: 'orders', file: ordersCsv }, timeZone: TZ }),
    );
    const report = imported.value.files[0]!;
    await engine.close();

    // Baseline: DuckDB's read_csv into a fresh table with the same exact casts.
    const base = await openEngine({ kind: 'duckdb', path: join(work, 'baseline.duckdb') }, { timeZone: TZ });
    const d = duckdbDialect;
    const casts = orders.columns.map(
      (c, i) => `${d.castText(`column${i}`, c.type)} AS ${d.quoteIdent(c.name)}`,
    );
    const baseline = await timed(() =>
      base.run(
        `CREATE TABLE orders_baseline AS SELECT ${casts.join(', ')}
         FROM read_csv('${ordersCsv}', header = true, all_varchar = true, names = [${orders.columns.map((_, i) => `'column${i}'`).join(', ')}])`,
      ),
    );
    const [{ n }] = (await base.all('SELECT count(*) AS n FROM orders_baseline')) as [{ n: number }];
    await base.close();

    const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
    const mib = (await stat(ordersCsv)).size / 2 ** 20;
    const lines = [
      `orders.csv: ${report.read.toLocaleString('en')} rows, ${mib.toFixed(0)} MiB`,
      `stratum import   ${(imported.ms / 1000).toFixed(2)} s  ${rate(report.read, imported.ms).toLocaleString('en')} rows/s  (loaded ${report.loaded}, quarantined ${report.quarantined})`,
      `duckdb read_csv  ${(baseline.ms / 1000).toFixed(2)} s  ${rate(n, baseline.ms).toLocaleString('en')} rows/s`,
      `ratio            ${(imported.ms / baseline.ms).toFixed(1)}× the baseline's time`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
