import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshEngine, TEST_TZ } from '../../../test/support/engines.js';
import { ALL_TABLES } from '../../contracts/data-model/all-tables.js';
import type { Engine, Row } from '../../engines/engine.js';
import { createApiKey } from '../accounts/api-keys.js';
import { ensureDemoUsers } from '../demo/demo-users.js';
import { runDemo } from '../demo/run-demo.js';
import { copyInstallation } from './copy-installation.js';

/** Every row of every table as plain values, in primary-key order (sorted here: engines collate differently). */
async function contents(engine: Engine): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const table of ALL_TABLES) {
    const rows = await engine.all(`SELECT * FROM ${engine.dialect.quoteIdent(table.name)}`);
    const key = (r: Row) => JSON.stringify(table.primaryKey.map((k) => r[k]));
    out[table.name] = rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return out;
}

describe('stratum copy: a whole installation from DuckDB to PostgreSQL and back', () => {
  let source: Engine;
  let original: Record<string, Row[]>;
  const opened: Engine[] = [];

  beforeAll(async () => {
    const db = await freshEngine('duckdb');
    source = db.engine;
    opened.push(source);
    await runDemo(source, {
      customers: 300,
      months: 4,
      seed: 5,
      dataDir: join(db.dir, 'demo'),
      timeZone: TEST_TZ,
      weeks: 2,
    });
    await ensureDemoUsers(source, 'a long demo password', new Date());
    await createApiKey(
      source,
      source.dialect,
      { name: 'crm', role: 'integration', scopes: null, createdBy: 'test' },
      new Date(),
    );
    original = await contents(source);
  });
  afterAll(async () => {
    for (const e of opened) await e.close();
  });

  it('copies every table, row for row and value for value, both ways', async () => {
    expect(original.orders!.length).toBeGreaterThan(1000);
    expect(original.tier_snapshots!.length).toBeGreaterThan(500);
    expect(original.api_keys!.length).toBe(1);

    const pg = (await freshEngine('postgres')).engine;
    opened.push(pg);
    const seen = new Set<string>();
    const there = await copyInstallation(source, pg, (p) => seen.add(p.table));
    expect(there.rows).toBe(Object.values(original).reduce((n, rows) => n + rows.length, 0));
    expect([...seen]).toEqual(ALL_TABLES.map((t) => t.name));
    expect(await contents(pg)).toEqual(original);

    const back = (await freshEngine('duckdb')).engine;
    opened.push(back);
    await copyInstallation(pg, back);
    expect(await contents(back)).toEqual(original);
  });

  it('refuses a target that already holds data, and leaves it as it was', async () => {
    const pg = (await freshEngine('postgres')).engine;
    opened.push(pg);
    await pg.run(`INSERT INTO regions VALUES ('北京', '朝阳区', 12.35, 0.4)`);
    await expect(copyInstallation(source, pg)).rejects.toThrow(/already holds data \(table regions\)/);
    expect(await pg.all('SELECT count(*) AS n FROM customers')).toEqual([{ n: 0 }]);
  });
});
