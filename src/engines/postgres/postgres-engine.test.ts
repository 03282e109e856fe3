import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PG_URL, TEST_TZ } from '../../../test/support/engines.js';
import type { Engine } from '../engine.js';
import { openPostgresEngine } from './postgres-engine.js';

describe('PostgreSQL engine settings', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('keeps the URL’s own session options beside the time zone and schema it sets', async () => {
    const url = `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c work_mem=64MB')}`;
    engine = await openPostgresEngine({ url }, { timeZone: TEST_TZ });
    const [main] = await engine.all({
      sql: 'SELECT current_setting($1) AS wm, current_setting($2) AS tz',
      params: ['work_mem', 'TimeZone'],
    });
    expect(main).toEqual({ wm: '64MB', tz: TEST_TZ });
    expect(await engine.read("SELECT current_setting('work_mem') AS wm")).toEqual([{ wm: '64MB' }]);
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(
      openPostgresEngine({ url: TEST_PG_URL, schema: 'a; DROP TABLE x' }, { timeZone: TEST_TZ }),
    ).rejects.toThrow(/schema "a; DROP TABLE x"/);
  });

  it('keeps a prepared query as one named statement of the connection, run again with other parameters', async () => {
    engine = await openPostgresEngine({ url: TEST_PG_URL }, { timeZone: TEST_TZ });
    const text = 'SELECT CAST($1 AS INTEGER) + 1 AS n';
    const prepared = (n: number) => ({ sql: text, params: [n], prepared: true });
    expect(await engine.all(prepared(1))).toEqual([{ n: 2 }]);
    expect(await engine.all(prepared(41))).toEqual([{ n: 42 }]);
    expect(await engine.all({ sql: text, params: [9] })).toEqual([{ n: 10 }]);
    const kept = await engine.all({
      sql: 'SELECT name FROM pg_prepared_statements WHERE statement = $1',
      params: [text],
    });
    expect(kept).toHaveLength(1);
    expect(String(kept[0]?.name)).toMatch(/^stratum_[0-9a-f]{24}$/);
  });
});
