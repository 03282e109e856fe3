import { join } from 'node:path';
import { runDemo } from '../../src/app/demo/run-demo.js';
import type { Engine } from '../../src/engines/engine.js';
import { freshDuckDb, TEST_TZ } from './engines.js';

/** A fresh DuckDB file holding an imported and cleaned generated demo (history ends yesterday), no tiering runs yet. */
export async function demoDatabase(
  customers: number,
  months: number,
  seed = 11,
): Promise<{ engine: Engine; path: string; dir: string }> {
  const db = await freshDuckDb();
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
