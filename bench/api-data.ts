import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runDemo } from '../src/app/demo/run-demo.js';
import { migrate } from '../src/app/migrate.js';
import { openEngine } from '../src/engines/registry.js';
import { BENCH_TZ } from './tiering-data.js';

export interface ApiBenchData {
  readonly customers: number;
  readonly months: number;
  readonly weeks: number;
}

export const API_BENCH_DATA: ApiBenchData = { customers: 20_000, months: 12, weeks: 1 };

/**
 * A database holding a generated demo (imported, cleaned, with `weeks` weekly tiering runs) for the API benchmark,
 * built once (a few minutes) and cached under .bench-cache/api/.
 */
export async function apiBenchDatabase(spec: ApiBenchData = API_BENCH_DATA): Promise<string> {
  const dir = join('.bench-cache', 'api');
  const path = join(dir, `api-${spec.customers}-${spec.months}m-${spec.weeks}w.duckdb`);
  if (existsSync(path)) return path;
  await mkdir(dir, { recursive: true });
  const partial = `${path}.partial`;
  await rm(partial, { force: true });
  await rm(`${partial}.wal`, { force: true });
  const engine = await openEngine({ kind: 'duckdb', path: partial }, { timeZone: BENCH_TZ });
  try {
    await migrate(engine);
    await runDemo(engine, {
      customers: spec.customers,
      months: spec.months,
      seed: 42,
      dataDir: join(dir, `demo-${spec.customers}-${spec.months}m`),
      timeZone: BENCH_TZ,
      weeks: spec.weeks,
    });
  } finally {
    await engine.close();
  }
  await rename(partial, path);
  return path;
}
