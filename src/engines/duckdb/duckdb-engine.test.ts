import { afterEach, describe, expect, it } from 'vitest';
import { freshDuckDb } from '../../../test/support/engines.js';
import type { Engine } from '../engine.js';
import { migrate } from '../../app/migrate.js';

let engine: Engine | undefined;
afterEach(async () => engine?.close());

describe('DuckDB engine', () => {
  it('migrates once and round-trips money, dates and timestamps exactly in the session time zone', async () => {
    ({ engine } = await freshDuckDb());
    expect(await migrate(engine)).toEqual([]);
    await engine.run(`INSERT INTO regions VALUES ('北京', '朝阳区', 12.35, 0.4)`);
    await engine.run(`CREATE TEMP TABLE s (id VARCHAR, amount VARCHAR, ts VARCHAR)`);
    const n = await engine.bulkLoad(
      's',
      ['id', 'amount', 'ts'],
      [
        ['a', '1234567890.15', '2024-01-31T23:30:00+08:00'],
        ['b', null, '2024-02-01T00:10:00+08:00'],
      ],
    );
    expect(n).toBe(2);
    const rows = await engine.all(
      `SELECT id, CAST(amount AS DECIMAL(18,2)) AS amount, CAST(ts AS TIMESTAMPTZ) AS at,
              CAST(CAST(ts AS TIMESTAMPTZ) AS DATE) AS local_day FROM s ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'a', amount: 1234567890.15, at: '2024-01-31T15:30:00.000Z', local_day: '2024-01-31' },
      { id: 'b', amount: null, at: '2024-01-31T16:10:00.000Z', local_day: '2024-02-01' },
    ]);
  });

  it('rolls a failed transaction back entirely', async () => {
    ({ engine } = await freshDuckDb());
    await expect(
      engine.transaction(async (tx) => {
        await tx.run(`INSERT INTO regions VALUES ('上海', '浦东新区', 10, 0.5)`);
        await tx.run(`INSERT INTO regions VALUES ('上海', '浦东新区', 11, 0.5)`);
      }),
    ).rejects.toThrow(/[Dd]uplicate key|PRIMARY KEY|constraint/);
    expect(await engine.all('SELECT count(*) AS n FROM regions')).toEqual([{ n: 0 }]);
  });

  it('enforces declared CHECK constraints', async () => {
    ({ engine } = await freshDuckDb());
    await expect(engine.run(`INSERT INTO regions VALUES ('上海', '静安区', -1, 0.5)`)).rejects.toThrow(
      /CHECK/i,
    );
  });

  it('reads committed data on reader connections while a transaction is open, without seeing its changes', async () => {
    ({ engine } = await freshDuckDb());
    const e = engine;
    await e.run(`INSERT INTO regions VALUES ('北京', '朝阳区', 12.35, 0.4)`);
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let inserted = () => {};
    const insertedP = new Promise<void>((r) => (inserted = r));
    const tx = e.transaction(async (t) => {
      await t.run(`INSERT INTO regions VALUES ('上海', '静安区', 9, 0.5)`);
      inserted();
      await held;
    });
    await insertedP;
    // The main connection is held by the transaction; reads still answer, from the last commit.
    const during = await Promise.all([1, 2, 3].map(() => e.read('SELECT count(*) AS n FROM regions')));
    expect(during).toEqual([[{ n: 1 }], [{ n: 1 }], [{ n: 1 }]]);
    release();
    await tx;
    expect(await e.read(`SELECT city FROM regions ORDER BY city`)).toEqual([
      { city: '上海' },
      { city: '北京' },
    ]);
    expect(
      await e.read({ sql: 'SELECT count(*) AS n FROM regions WHERE city = $1', params: ['北京'] }),
    ).toEqual([{ n: 1 }]);
  });
});
