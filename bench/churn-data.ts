import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanDatabase } from '../src/app/clean/clean-database.js';
import { importOnlineRetail } from '../src/app/datasets/import-online-retail.js';
import { ONLINE_RETAIL_TIME_ZONE } from '../src/app/datasets/online-retail.js';
import { generateDataset } from '../src/app/generate/generate-dataset.js';
import { importFiles } from '../src/app/import/import-files.js';
import { migrate } from '../src/app/migrate.js';
import { TruthSchema, type Truth } from '../src/contracts/truth.js';
import type { Engine } from '../src/engines/engine.js';
import { openEngine } from '../src/engines/registry.js';
import { generatorFingerprint } from './generator-fingerprint.js';

const DIR = join('.bench-cache', 'churn');
export const DEMO_TZ = 'Asia/Shanghai';
/** The demo the churn figures are measured on (test/support's truthDatabase with these numbers). */
export const DEMO_SPEC = { customers: 5000, seed: 7, months: 16, end: '2024-06-30' } as const;
export const ONLINE_RETAIL_CSV = join('..', 'shared', 'datasets', 'online_retail', 'online_retail.csv.gz');

/** Builds a DuckDB file once (under a .partial name, renamed when complete) and opens it. */
async function cached(name: string, timeZone: string, fill: (e: Engine) => Promise<void>): Promise<Engine> {
  const path = join(DIR, `${name}.duckdb`);
  if (!existsSync(path)) {
    await mkdir(DIR, { recursive: true });
    const partial = `${path}.partial`;
    await rm(partial, { force: true });
    const engine = await openEngine({ kind: 'duckdb', path: partial }, { timeZone });
    try {
      await migrate(engine);
      await fill(engine);
    } finally {
      await engine.close();
    }
    await rename(partial, path);
  }
  return openEngine({ kind: 'duckdb', path }, { timeZone });
}

/** The generated demo with its planted truth, imported as of its end and cleaned. */
export async function churnDemoDatabase(): Promise<{ engine: Engine; truth: Truth }> {
  const name = `demo-${generatorFingerprint()}`;
  const out = join(DIR, name);
  const engine = await cached(name, DEMO_TZ, async (e) => {
    await generateDataset({ ...DEMO_SPEC, out });
    const now = new Date(`${DEMO_SPEC.end}T23:59:59+08:00`);
    await importFiles(e, { target: { kind: 'dir', dir: out }, timeZone: DEMO_TZ, now });
    await cleanDatabase(e);
  });
  return { engine, truth: TruthSchema.parse(JSON.parse(await readFile(join(out, 'truth.json'), 'utf8'))) };
}

/** UCI Online Retail through the adapter, the regular import and cleaning, in UK time; undefined without the file. */
export async function onlineRetailDatabase(): Promise<Engine | undefined> {
  if (!existsSync(ONLINE_RETAIL_CSV)) return undefined;
  return cached('online-retail', ONLINE_RETAIL_TIME_ZONE, async (e) => {
    await importOnlineRetail(e, ONLINE_RETAIL_CSV, DIR);
  });
}
