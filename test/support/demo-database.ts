import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanDatabase } from '../../src/app/clean/clean-database.js';
import { generateDataset } from '../../src/app/generate/generate-dataset.js';
import { importFiles } from '../../src/app/import/import-files.js';
import { TruthSchema, type Truth } from '../../src/contracts/truth.js';
import { runDemo } from '../../src/app/demo/run-demo.js';
import type { Engine } from '../../src/engines/engine.js';
import type { EngineKind } from '../../src/sql/dialects/dialect.js';
import { freshEngine, TEST_TZ, type FreshEngine } from './engines.js';

/** A fresh engine holding an imported and cleaned generated demo (history ends yesterday), no tiering runs yet. */
export async function demoDatabase(
  customers: number,
  months: number,
  seed = 11,
  kind: EngineKind = 'duckdb',
): Promise<FreshEngine> {
  const db = await freshEngine(kind);
  await runDemo(db.engine, {
    customers,
    months,
    seed,
    dataDir: join(db.dir, 'demo'),
    timeZone: TEST_TZ,
    weeks: 0,
  });
  return db;
}

/**
 * A generated dataset with a fixed end date, imported as of that day's end and cleaned, with its planted truth:
 * for tests that measure against truth.json.
 */
export async function truthDatabase(
  spec: {
    customers: number;
    seed: number;
    months: number;
    end: string;
  },
  kind: EngineKind = 'duckdb',
): Promise<{ engine: Engine; truth: Truth; dir: string }> {
  const db = await freshEngine(kind);
  const out = join(db.dir, 'demo');
  const generated = await generateDataset({ ...spec, out });
  const truth = TruthSchema.parse(JSON.parse(await readFile(generated.truthPath, 'utf8')));
  await importFiles(db.engine, {
    target: { kind: 'dir', dir: out },
    timeZone: TEST_TZ,
    now: new Date(`${spec.end}T23:59:59+08:00`),
  });
  await cleanDatabase(db.engine);
  return { engine: db.engine, truth, dir: db.dir };
}
