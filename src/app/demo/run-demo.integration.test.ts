import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeEachEngine, freshEngine, TEST_TZ } from '../../../test/support/engines.js';
import type { Engine } from '../../engines/engine.js';
import { DEMO_WEEKS, runDemo } from './run-demo.js';

describeEachEngine('stratum demo', (kind) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.close());

  it('generates, imports every generated row, cleans, and reuses the dataset on a second run without loading twice', async () => {
    const db = await freshEngine(kind);
    engine = db.engine;
    const options = { customers: 400, months: 3, seed: 7, dataDir: join(db.dir, 'demo'), timeZone: TEST_TZ };

    const first = await runDemo(engine, options);
    expect(first.generated).not.toBeNull();
    const generatedRows = Object.fromEntries(first.generated!.files.map((f) => [f.table, f.rows]));
    const loaded = Object.fromEntries(first.imported.files.map((f) => [f.source, f.loaded]));
    expect(loaded).toEqual(generatedRows);
    expect(first.imported.quarantineTotal).toBe(0);
    expect(first.cleaned.duplicates.merged).toBe(first.generated!.truthCounts.duplicates);

    const second = await runDemo(engine, options);
    expect(second.generated).toBeNull();
    expect(second.imported.files.reduce((n, f) => n + f.loaded, 0)).toBe(0);
    const [orders] = await engine.all('SELECT count(*) AS n FROM orders');
    expect(orders).toEqual({ n: generatedRows.orders });
    // Twelve weekly runs the first time, none added by the second.
    expect(await engine.all('SELECT count(*) AS n FROM tiering_runs')).toEqual([{ n: DEMO_WEEKS }]);
    expect(second.report?.runId).toBe(first.report?.runId);
    expect(first.report?.asOf).toBe(first.generated!.to);
  });
});
