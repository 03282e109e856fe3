import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { describeEachEngine } from '../../../test/support/engines.js';
import { rowDifferences } from '../../../test/support/value-difference.js';
import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import type { Engine, Row } from '../../engines/engine.js';
import { defaultEnd } from '../generate/generate-options.js';
import { computeFeatures, featuresOfSome } from './compute-features.js';

const byId = (rows: Row[]) => new Map(rows.map((r) => [String(r.customer_id), r]));

describeEachEngine('features of some customers', (kind) => {
  let engine: Engine;
  beforeAll(async () => {
    ({ engine } = await demoDatabase(400, 6, 11, kind));
  });
  afterAll(async () => engine.close());

  it('equal those customers’ rows of the full computation, merged duplicates and chains included', async () => {
    const params = { asOf: defaultEnd(), longDays: 365, shortDays: 90 } as const;
    for (const unit of ['customer', 'chain'] as const) {
      await engine.transaction(async (tx) => {
        await computeFeatures(tx, engine.dialect, { ...params, unit });
        const full = byId(await tx.all(`SELECT * FROM ${PIPELINE_TABLES.features}`));
        // A survivor of a merge, a chain's branches (all of them: a chain is a unit), the quietest customers.
        await tx.run('DROP TABLE IF EXISTS affected');
        await tx.run(`CREATE TEMP TABLE affected AS
          SELECT DISTINCT customer_id FROM (
            (SELECT survivor_id AS customer_id FROM customer_survivors WHERE merged ORDER BY 1 LIMIT 3)
            UNION ALL
            (SELECT customer_id FROM customers_clean
              WHERE chain_id = (SELECT min(chain_id) FROM customers_clean WHERE customer_type = 'chain'))
            UNION ALL
            (SELECT c.customer_id FROM customers_clean c
              WHERE NOT EXISTS (SELECT 1 FROM orders_clean o WHERE o.customer_id = c.customer_id)
              ORDER BY 1 LIMIT 2)
            UNION ALL
            (SELECT customer_id FROM customers_clean ORDER BY customer_id DESC LIMIT 5)) AS x`);
        const listed = (await tx.all('SELECT customer_id FROM affected')).map((r) => String(r.customer_id));
        const some = await featuresOfSome(tx, engine.dialect, { ...params, unit }, listed);
        expect(new Set(some.map((r) => r.customer_id)).size).toBe(some.length);
        expect(some.length).toBeGreaterThanOrEqual(unit === 'customer' ? 9 : 6);
        // Sums of doubles (a chain's averages) may differ in the last bit from one aggregation to the next.
        for (const row of some)
          expect(rowDifferences(row, full.get(String(row.customer_id)) ?? {})).toEqual([]);
        await tx.run('DROP TABLE affected');
      });
    }
  });
});
