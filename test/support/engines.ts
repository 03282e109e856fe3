import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../src/app/migrate.js';
import type { Engine } from '../../src/engines/engine.js';
import { openEngine } from '../../src/engines/registry.js';

export const TEST_TZ = 'Asia/Shanghai';

/** A fresh, migrated DuckDB file in its own temp directory. */
export async function freshDuckDb(): Promise<{ engine: Engine; path: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'stratum-test-'));
  const path = join(dir, 'stratum.duckdb');
  const engine = await openEngine({ kind: 'duckdb', path }, { timeZone: TEST_TZ });
  await migrate(engine);
  return { engine, path, dir };
}
