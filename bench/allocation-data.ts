import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanDatabase } from '../src/app/clean/clean-database.js';
import { generateDataset } from '../src/app/generate/generate-dataset.js';
import { importFiles } from '../src/app/import/import-files.js';
import { migrate } from '../src/app/migrate.js';
import { loadTieringConfig } from '../src/app/tiering/load-config.js';
import { runTiering } from '../src/app/tiering/run-tiering.js';
import { openEngine } from '../src/engines/registry.js';

export const ALLOCATION_BENCH_TZ = 'Asia/Shanghai';
const END = '2026-10-31';

export interface AllocationBenchSpec {
  readonly name: string;
  readonly customers: number;
  readonly customersPerRep: number;
  readonly cities?: readonly string[];
}

/**
 * A generated dataset (realistic geography, reps and owners) imported, cleaned and tiered once as of END, cached
 * under .bench-cache/allocation/: the database the allocation benchmark plans on.
 */
export async function allocationBenchDatabase(
  spec: AllocationBenchSpec,
  log: (line: string) => void,
): Promise<string> {
  const dir = join('.bench-cache', 'allocation');
  const path = join(dir, `${spec.name}.duckdb`);
  if (existsSync(path)) return path;
  await mkdir(dir, { recursive: true });
  const partial = `${path}.partial`;
  const data = join(dir, `${spec.name}-data`);
  await rm(partial, { force: true });
  log(`preparing ${spec.name}: generating ${spec.customers.toLocaleString('en-US')} customers…`);
  await generateDataset({
    customers: spec.customers,
    months: 12,
    seed: 2026,
    end: END,
    out: data,
    customersPerRep: spec.customersPerRep,
    ...(spec.cities ? { cities: [...spec.cities] } : {}),
  });
  const engine = await openEngine({ kind: 'duckdb', path: partial }, { timeZone: ALLOCATION_BENCH_TZ });
  try {
    await migrate(engine);
    log(`preparing ${spec.name}: importing, cleaning, tiering…`);
    await importFiles(engine, {
      target: { kind: 'dir', dir: data },
      timeZone: ALLOCATION_BENCH_TZ,
      now: new Date(`${END}T23:59:59+08:00`),
    });
    await cleanDatabase(engine);
    await runTiering(engine, { config: await loadTieringConfig(), asOf: END });
  } finally {
    await engine.close();
  }
  await rename(partial, path);
  await rm(data, { recursive: true, force: true });
  return path;
}
