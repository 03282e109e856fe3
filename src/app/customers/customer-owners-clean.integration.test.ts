import { afterAll, expect, it } from 'vitest';
import { describeEachEngine, freshEngine } from '../../../test/support/engines.js';
import { truthDatabase } from '../../../test/support/demo-database.js';
import type { Engine } from '../../engines/engine.js';

describeEachEngine('customer_owners_clean', (kind) => {
  const engines: Engine[] = [];
  afterAll(async () => Promise.all(engines.map((e) => e.close())));

  async function seeded(): Promise<Engine> {
    const { engine } = await freshEngine(kind);
    engines.push(engine);
    const ids = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'];
    await engine.run(`INSERT INTO regions VALUES ('北京', '朝阳区', 12, 0.4)`); // referenced on PostgreSQL
    await engine.run(
      `INSERT INTO customers (customer_id, name, customer_type, cuisine, city, district, created_date) VALUES ${ids
        .map((id) => `('${id}', '店${id}', 'single', '川菜', '北京', '朝阳区', DATE '2023-01-01')`)
        .join(', ')}`,
    );
    // C2, C3 → C1 (C1 has its own owner); C5, C6 → C4 (C4 has none); C7 is alone without an owner.
    await engine.run(
      `INSERT INTO customer_merges VALUES
         ('C2', 'C1', 'C1', 'same_phone', 0.9, '{}', 'r1'), ('C3', 'C1', 'C1', 'same_phone', 0.9, '{}', 'r1'),
         ('C5', 'C4', 'C4', 'same_phone', 0.9, '{}', 'r1'), ('C6', 'C4', 'C4', 'same_phone', 0.9, '{}', 'r1')`,
    );
    await engine.run(
      `INSERT INTO customer_owners VALUES
         ('C1', 'R9', '王伟', '北京一组', DATE '2024-05-01'),
         ('C2', 'R1', '李娜', '北京一组', DATE '2023-01-01'),
         ('C3', 'R2', '张敏', '北京二组', NULL),
         ('C5', 'R7', '刘洋', '北京一组', DATE '2024-02-01'),
         ('C6', 'R3', '陈静', '北京二组', DATE '2024-02-01')`,
    );
    return engine;
  }

  it('keeps the survivor’s own owner, else the earliest since and lowest rep id of its merged records', async () => {
    const engine = await seeded();
    const rows = await engine.all(
      'SELECT customer_id, rep_id, team, source_customer_id FROM customer_owners_clean ORDER BY customer_id',
    );
    expect(rows).toEqual([
      { customer_id: 'C1', rep_id: 'R9', team: '北京一组', source_customer_id: 'C1' },
      { customer_id: 'C4', rep_id: 'R3', team: '北京二组', source_customer_id: 'C6' },
    ]);
  });

  it('gives every surviving generated customer exactly one owner after import by directory and cleaning', async () => {
    const { engine } = await truthDatabase({ customers: 1500, seed: 3, months: 6, end: '2025-06-30' }, kind);
    engines.push(engine);
    const [counts] = await engine.all(
      `SELECT (SELECT count(*) FROM customer_owners) AS owners,
              (SELECT count(*) FROM customers) AS customers,
              (SELECT count(*) FROM customers_clean) AS survivors,
              (SELECT count(*) FROM customer_owners_clean) AS clean_owners,
              (SELECT count(DISTINCT customer_id) FROM customer_owners_clean) AS distinct_owners,
              (SELECT count(*) FROM customers_clean c
                 WHERE NOT EXISTS (SELECT 1 FROM customer_owners_clean o WHERE o.customer_id = c.customer_id)) AS unowned,
              (SELECT count(DISTINCT rep_id) FROM customer_owners) AS reps,
              (SELECT count(*) FROM customer_merges) AS merged`,
    );
    expect(Number(counts?.owners)).toBe(1500);
    expect(Number(counts?.customers)).toBe(1500);
    expect(Number(counts?.merged)).toBeGreaterThan(10);
    expect(Number(counts?.clean_owners)).toBe(Number(counts?.survivors));
    expect(Number(counts?.distinct_owners)).toBe(Number(counts?.survivors));
    expect(Number(counts?.unowned)).toBe(0);
    expect(Number(counts?.reps)).toBeGreaterThanOrEqual(8);
    const teams = await engine.all('SELECT DISTINCT team FROM customer_owners ORDER BY team');
    expect(teams.map((t) => t.team)).toContain('北京一组');
  });
});
