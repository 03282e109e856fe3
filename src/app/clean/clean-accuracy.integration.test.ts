import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, freshEngine, TEST_TZ } from '../../../test/support/engines.js';
import type { CleaningReport } from '../../contracts/cleaning-report.js';
import { TruthSchema, type Truth } from '../../contracts/truth.js';
import type { Engine } from '../../engines/engine.js';
import { generateDataset } from '../generate/generate-dataset.js';
import { importFiles } from '../import/import-files.js';
import { cleanDatabase } from './clean-database.js';

/**
 * Cleaning measured against the anomalies the generator planted (truth.json) on a 10 000-customer demo:
 * duplicate pairs (found when both records end in one merge cluster) and brushing orders must reach
 * precision ≥ 0.95 and recall ≥ 0.90; huge refunds are reported.
 */
const CUSTOMERS = 10_000;
const SEED = 42;
const END = '2024-06-30';

interface Score {
  readonly truth: number;
  readonly flagged: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
}

const score = (truth: number, flagged: number, truePositives: number): Score => ({
  truth,
  flagged,
  truePositives,
  precision: flagged === 0 ? 1 : truePositives / flagged,
  recall: truth === 0 ? 1 : truePositives / truth,
});

function setScore(truth: ReadonlySet<string>, flagged: readonly string[]): Score {
  return score(truth.size, flagged.length, flagged.filter((id) => truth.has(id)).length);
}

/** Truth duplicate groups: each record mapped to a representative of its planted group. */
function truthGroups(t: Truth): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  for (const d of t.duplicates) {
    for (const id of [d.customerId, d.duplicateOf]) if (!parent.has(id)) parent.set(id, id);
    parent.set(find(d.customerId), find(d.duplicateOf));
  }
  return new Map([...parent.keys()].map((id) => [id, find(id)]));
}

describeEachEngine('cleaning accuracy', (kind) => {
  let dir = '';
  let engine: Engine | undefined;
  let truth: Truth;
  let report: CleaningReport;
  const seconds: Record<string, number> = {};

  async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await work();
    seconds[label] = (performance.now() - start) / 1000;
    return result;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stratum-clean-accuracy-'));
    const outDir = join(dir, 'demo');
    const generated = await timed('generate', () =>
      generateDataset({ customers: CUSTOMERS, seed: SEED, months: 6, end: END, out: outDir }),
    );
    truth = TruthSchema.parse(JSON.parse(await readFile(generated.truthPath, 'utf8')));
    ({ engine } = await freshEngine(kind));
    const db = engine;
    await timed('import', () =>
      importFiles(db, {
        target: { kind: 'dir', dir: outDir },
        timeZone: TEST_TZ,
        now: new Date(`${END}T23:59:59+08:00`),
      }),
    );
    report = await timed('clean', () => cleanDatabase(db));
  });

  afterAll(async () => {
    await engine?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe(`cleaning a ${CUSTOMERS}-customer demo against its planted truth`, () => {
    it('finds duplicates, brushing and huge refunds with high precision and recall', async () => {
      const db = engine as Engine;
      const column = async (query: string) => (await db.all(query)).map((r) => String(Object.values(r)[0]));
      const present = new Set(await column('SELECT customer_id FROM customers'));

      // Duplicates: a truth pair is found when both records map to one survivor; a merge is right when the
      // duplicate and its survivor belong to one planted group.
      const survivorOf = new Map(
        (await db.all('SELECT customer_id, survivor_id FROM customer_survivors')).map((r) => [
          String(r.customer_id),
          String(r.survivor_id),
        ]),
      );
      const pairs = truth.duplicates.filter((d) => present.has(d.customerId) && present.has(d.duplicateOf));
      const found = pairs.filter(
        (d) => survivorOf.get(d.customerId) === survivorOf.get(d.duplicateOf),
      ).length;
      const groups = truthGroups(truth);
      const merges = await db.all('SELECT customer_id, survivor_id FROM customer_merges');
      const rightMerges = merges.filter((m) => {
        const g = groups.get(String(m.customer_id));
        return g !== undefined && g === groups.get(String(m.survivor_id));
      }).length;
      const duplicates: Score = {
        truth: pairs.length,
        flagged: merges.length,
        truePositives: found,
        precision: merges.length === 0 ? 1 : rightMerges / merges.length,
        recall: pairs.length === 0 ? 1 : found / pairs.length,
      };

      const brushing = setScore(
        new Set(truth.brushing.map((b) => b.orderId)),
        await column(`SELECT order_id FROM order_flags WHERE rule = 'brushing'`),
      );
      const hugeRefunds = setScore(
        new Set(truth.hugeRefunds.map((h) => h.refundId)),
        await column(`SELECT refund_id FROM refund_flags WHERE rule = 'huge_refund'`),
      );

      const row = (name: string, s: Score) =>
        `${name.padEnd(14)} ${String(s.truth).padStart(7)} ${String(s.flagged).padStart(8)} ${String(s.truePositives).padStart(8)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)}`;
      const other = (rule: string, list: readonly { rule: string; count: number }[]) =>
        `${rule}: ${list.find((r) => r.rule === rule)?.count ?? 0}`;
      console.log(
        [
          '',
          `Cleaning accuracy [${kind}], ${CUSTOMERS} customers, seed ${SEED}, 6 months to ${END}`,
          `${'rule'.padEnd(14)} ${'truth'.padStart(7)} ${'flagged'.padStart(8)} ${'correct'.padStart(8)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`,
          row('duplicates', duplicates),
          row('brushing', brushing),
          row('huge refunds', hugeRefunds),
          `not in truth: ${other('amount_outlier', report.orders.byRule)}, ${other('refund_exceeds_order', report.refunds.byRule)}`,
          `truth pairs with a record missing after import: ${truth.duplicates.length - pairs.length}`,
          `seconds: ${Object.entries(seconds)
            .map(([k, v]) => `${k} ${v.toFixed(1)}`)
            .join(', ')}`,
          '',
        ].join('\n'),
      );

      expect(duplicates.precision).toBeGreaterThanOrEqual(0.95);
      expect(duplicates.recall).toBeGreaterThanOrEqual(0.9);
      expect(brushing.precision).toBeGreaterThanOrEqual(0.95);
      expect(brushing.recall).toBeGreaterThanOrEqual(0.9);
      expect(hugeRefunds.precision).toBeGreaterThanOrEqual(0.95);
      expect(hugeRefunds.recall).toBeGreaterThanOrEqual(0.9);
    });
  });
});
