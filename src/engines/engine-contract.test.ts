import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeEachEngine, freshEngine } from '../../test/support/engines.js';
import type { Engine } from './engine.js';
import { migrate } from '../app/migrate.js';
import { withTextRows } from '../sql/query.js';

describeEachEngine('engine', (kind) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.close());
  const freshDuckDb = () => freshEngine(kind);

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

  it('runs exclusive work alone, its statements committing one by one and its transaction atomically', async () => {
    ({ engine } = await freshDuckDb());
    const e = engine;
    let inside = () => {};
    const entered = new Promise<void>((resolve) => (inside = resolve));
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const work = e.exclusive(async (s) => {
      await s.run(`CREATE TEMP TABLE staged AS SELECT '广州' AS city, '天河区' AS district`);
      await s.run(`INSERT INTO regions VALUES ('北京', '朝阳区', 12.35, 0.4)`);
      inside();
      await released;
      await expect(
        s.transaction(async (tx) => {
          await tx.run(`INSERT INTO regions SELECT city, district, 9, 0.2 FROM staged`);
          await tx.run(`INSERT INTO regions VALUES ('北京', '朝阳区', 1, 0.1)`);
        }),
      ).rejects.toThrow(/[Dd]uplicate key|PRIMARY KEY|constraint/);
      return s.transaction(async (tx) => {
        await tx.run(`INSERT INTO regions SELECT city, district, 9, 0.2 FROM staged`);
        return tx.all('SELECT count(*) AS n FROM regions');
      });
    });
    await entered;
    // Another statement of the process waits for the exclusive work to finish.
    let waited = false;
    const other = e.all('SELECT count(*) AS n FROM regions').then((rows) => {
      waited = true;
      return rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(waited).toBe(false);
    release();
    expect(await work).toEqual([{ n: 2 }]);
    expect(await other).toEqual([{ n: 2 }]);
    // The statement before the failed transaction stayed committed; the failed transaction left nothing.
    expect(await e.all(`SELECT city FROM regions ORDER BY city`)).toEqual([
      { city: '北京' },
      { city: '广州' },
    ]);
  });

  it('selects rows of text exactly from textRows, whatever their count (none included), through one fixed text', async () => {
    ({ engine } = await freshDuckDb());
    const d = engine.dialect;
    const tricky = ['he said "hi" \\ back\nslash', '铂金 ¥1,234.50', '{"x":[1,2]}', "it's", ''];
    const select = (rows: (string | null)[][]) => {
      const relation = d.textRows('v', ['a', 'b c'], rows, 1);
      return withTextRows(`SELECT v.a, v.${d.quoteIdent('b c')} AS b FROM ${relation.sql}`, relation);
    };
    const rows = tricky.map((t, i) => [t, i % 2 === 0 ? null : String(i)]);
    expect(await engine.all(select(rows))).toEqual(rows.map(([a, b]) => ({ a, b })));
    expect(await engine.all(select(rows.slice(0, 1)))).toEqual([{ a: tricky[0], b: null }]);
    expect(d.textRows('v', ['a'], [['x']], 1).fixedText).toBe(true);
    expect(await engine.all(select([]))).toEqual([]);
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

  it('bulk-loads empty strings as empty and nulls as NULL, and exports CSV and Parquet', async () => {
    const db = await freshDuckDb();
    engine = db.engine;
    await engine.run(`CREATE TEMP TABLE t (a VARCHAR, b VARCHAR)`);
    await engine.bulkLoad(
      't',
      ['a', 'b'],
      [
        ['', null],
        ['say "hi", 你好', 'x\ny'],
      ],
    );
    expect(await engine.all('SELECT a, b, b IS NULL AS missing FROM t ORDER BY a')).toEqual([
      { a: '', b: null, missing: true },
      { a: 'say "hi", 你好', b: 'x\ny', missing: false },
    ]);
    await engine.run(`INSERT INTO regions VALUES ('北京', '朝阳区', 12.35, 0.4), ('上海', '静安区', 9, 0.5)`);
    const out = await mkdtemp(join(tmpdir(), 'stratum-export-'));
    const query = {
      sql: 'SELECT city, delivery_cost_per_order FROM regions WHERE city = $1',
      params: ['北京'],
    };
    expect(await engine.exportTo(query, join(out, 'r.csv'), 'csv')).toBe(1);
    expect(await readFile(join(out, 'r.csv'), 'utf8')).toMatch(
      /^city,delivery_cost_per_order\r?\n北京,12\.35\r?\n$/,
    );
    expect(await engine.exportTo(query, join(out, 'r.parquet'), 'parquet')).toBe(1);
    expect((await readFile(join(out, 'r.parquet'))).subarray(0, 4).toString()).toBe('PAR1');
  });

  it('runs named-lock work one holder at a time, and tryWithLock skips while the lock is held', async () => {
    ({ engine } = await freshDuckDb());
    const e = engine;
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const first = e.withLock('scheduler', async () => {
      order.push('first');
      await held;
      return 1;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(await e.tryWithLock('scheduler', async () => 'ran')).toBeUndefined();
    expect(await e.tryWithLock('another', async () => 'ran')).toEqual({ value: 'ran' });
    const second = e.withLock('scheduler', async () => order.push('second'));
    release();
    expect(await first).toBe(1);
    await second;
    expect(order).toEqual(['first', 'second']);
    expect(await e.tryWithLock('scheduler', async () => 'free again')).toEqual({ value: 'free again' });
  });

  it('streams a large result in chunks of committed rows', async () => {
    ({ engine } = await freshDuckDb());
    const e = engine;
    await e.run(`CREATE TABLE numbers AS SELECT CAST(i AS INTEGER) AS i, CAST(i * 0.5 AS DECIMAL(18,2)) AS half
      FROM generate_series(1, 10000) AS g(i)`);
    const sizes: number[] = [];
    let sum = 0;
    for await (const rows of e.stream(
      { sql: 'SELECT i, half FROM numbers WHERE i > $1', params: [10] },
      3000,
    )) {
      sizes.push(rows.length);
      for (const r of rows) sum += (r.half as number) * 2;
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(9990);
    expect(sizes.every((n) => n <= 3000 + 2048)).toBe(true);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    expect(sum).toBe((10000 * 10001) / 2 - 55);
  });
});
