import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFeatures } from '../../src/app/tiering/compute-features.js';
import { loadTieringConfig } from '../../src/app/tiering/load-config.js';
import { runTiering, type RunSummary } from '../../src/app/tiering/run-tiering.js';
import { defaultEnd } from '../../src/app/generate/generate-options.js';
import { addDays } from '../../src/contracts/time/iso-date.js';
import { PIPELINE_TABLES } from '../../src/contracts/tiering/pipeline-tables.js';
import { TieringConfigSchema, type TieringConfig } from '../../src/contracts/tiering/config.js';
import type { Engine, Row } from '../../src/engines/engine.js';
import type { EngineKind } from '../../src/sql/dialects/dialect.js';
import { demoDatabase } from '../support/demo-database.js';
import { TEST_ENGINES } from '../support/engines.js';
import { valueDifference } from '../support/value-difference.js';

/**
 * The same generated demo, cleaned and tiered on DuckDB and on PostgreSQL, must give the same results: the
 * cleaning (merge map, normalised customers, order and refund flags, report), every feature, and every snapshot
 * column (tier, candidate tier, reasons, tags, policy, every model's score). Money, counts and days exactly;
 * other floating values within 1e-9 (relative above 1).
 */
const ENGINES = ['duckdb', 'postgres'] as const satisfies readonly EngineKind[];
const AS_OF = defaultEnd();
const WEEK_BEFORE = addDays(AS_OF, -7);

/** Mismatches between two row sets keyed by `key`, ignoring the columns in `ignore`. */
function compareRows(
  rows: Record<EngineKind, Row[]>,
  key: readonly string[],
  ignore: readonly string[] = [],
): string[] {
  const keyOf = (r: Row) => key.map((k) => String(r[k])).join('|');
  const [a, b] = [rows.duckdb, rows.postgres].map((list) => new Map(list.map((r) => [keyOf(r), r])));
  const problems: string[] = [];
  for (const [k, left] of a!) {
    const right = b!.get(k);
    if (!right) {
      problems.push(`${k}: only on duckdb`);
      continue;
    }
    const columns = new Set([...Object.keys(left), ...Object.keys(right)]);
    for (const c of columns) {
      if (ignore.includes(c)) continue;
      const d = valueDifference(c, left[c], right[c]);
      if (d) problems.push(`${k} ${d}`);
    }
  }
  for (const k of b!.keys()) if (!a!.has(k)) problems.push(`${k}: only on postgres`);
  return problems;
}

const both = ENGINES.every((k) => TEST_ENGINES.includes(k));

/**
 * A configuration that reaches what the default one does not: chains as units, small quota scopes (per city)
 * with fractional quotas, and a primary model mixing min-max (winsorised), z-score and percentile terms.
 */
function variant(config: TieringConfig): TieringConfig {
  return TieringConfigSchema.parse({
    ...config,
    unit: 'chain',
    models: {
      ...config.models,
      mixed: {
        kind: 'weighted',
        winsorize: { lower: 0.05, upper: 0.9 },
        features: [
          { feature: 'margin', weight: 2, normalize: 'minmax' },
          { feature: 'monetary', weight: 1.5, normalize: 'zscore' },
          { feature: 'return_rate', weight: 1, normalize: 'zscore' },
          { feature: 'on_time_payment_rate', weight: 0.5, normalize: 'percentile' },
          { feature: 'aov', weight: 0.5, normalize: 'minmax' },
        ],
      },
    },
    primaryModel: 'mixed',
    tiers: {
      ...config.tiers,
      scope: 'city',
      quotas: { platinum: 5.1, gold: 14.9, silver: 33.3, bronze: 46.7 },
      minScore: { platinum: 0.2 },
    },
  });
}

// Needs both engines at once; with $STRATUM_TEST_ENGINES narrowed to one there is nothing to compare.
describe.runIf(both)('the same results on DuckDB and PostgreSQL', () => {
  const engines = {} as Record<EngineKind, Engine>;
  const runs = {} as Record<EngineKind, RunSummary[]>;
  let config: TieringConfig;

  /** The same query on both engines. */
  const onBoth = async (query: string): Promise<Record<EngineKind, Row[]>> => {
    const [duckdb, postgres] = await Promise.all(ENGINES.map((k) => engines[k].all(query)));
    return { duckdb: duckdb!, postgres: postgres! };
  };

  beforeAll(async () => {
    config = await loadTieringConfig();
    // Built side by side: the same seed and end date give the same files on both.
    await Promise.all(
      ENGINES.map(async (kind) => {
        ({ engine: engines[kind] } = await demoDatabase(600, 6, 11, kind));
      }),
    );
    for (const kind of ENGINES) {
      const first = await runTiering(engines[kind], { config, asOf: WEEK_BEFORE });
      const second = await runTiering(engines[kind], { config, asOf: AS_OF });
      const chains = await runTiering(engines[kind], { config: variant(config), asOf: AS_OF });
      runs[kind] = [first, second, chains];
    }
  });
  afterAll(async () => {
    await Promise.all(Object.values(engines).map((e) => e.close()));
  });

  it('imports the same rows', async () => {
    const tables = ['customers', 'orders', 'order_lines', 'refunds', 'invoices', 'contracts', 'complaints'];
    const counts = await onBoth(
      `SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')},
              (SELECT sum(amount) FROM orders) AS order_amount, (SELECT count(*) FROM quarantine) AS quarantined`,
    );
    expect(counts.postgres).toEqual(counts.duckdb);
  });

  it('cleans alike: merge map, normalised customers, order and refund flags, report', async () => {
    const merges = await onBoth('SELECT * FROM customer_merges');
    expect(merges.duckdb.length).toBeGreaterThan(0);
    expect(compareRows(merges, ['customer_id'], ['run_id'])).toEqual([]);
    const normalised = await onBoth('SELECT * FROM customer_normalised');
    expect(compareRows(normalised, ['customer_id'], ['run_id'])).toEqual([]);
    const orderFlags = await onBoth('SELECT * FROM order_flags');
    expect(orderFlags.duckdb.length).toBeGreaterThan(0);
    expect(compareRows(orderFlags, ['order_id', 'rule'], ['run_id'])).toEqual([]);
    const refundFlags = await onBoth('SELECT * FROM refund_flags');
    expect(refundFlags.duckdb.length).toBeGreaterThan(0);
    expect(compareRows(refundFlags, ['refund_id', 'rule'], ['run_id'])).toEqual([]);

    const reports = await onBoth('SELECT report FROM cleaning_runs');
    const report = (rows: Row[]) => {
      const { runId, startedAt, finishedAt, durationMs, ...rest } = JSON.parse(String(rows[0]?.report));
      return [typeof runId, typeof startedAt, typeof finishedAt, typeof durationMs, rest];
    };
    expect(report(reports.postgres)).toEqual(report(reports.duckdb));
  });

  it('computes every feature alike', async () => {
    const features = {} as Record<EngineKind, Row[]>;
    for (const kind of ENGINES) {
      const e = engines[kind];
      features[kind] = await e.transaction(async (tx) => {
        await computeFeatures(tx, e.dialect, {
          asOf: AS_OF,
          longDays: config.windows.longDays,
          shortDays: config.windows.shortDays,
          unit: config.unit,
        });
        const rows = await tx.all(`SELECT * FROM ${PIPELINE_TABLES.features}`);
        await tx.run(`DROP TABLE ${PIPELINE_TABLES.features}`);
        return rows;
      });
    }
    expect(features.duckdb.length).toBeGreaterThan(500);
    expect(Object.keys(features.postgres[0] ?? {})).toEqual(Object.keys(features.duckdb[0] ?? {}));
    expect(compareRows(features, ['customer_id']).slice(0, 20)).toEqual([]);
  });

  it('tiers, tags and sets policies alike in every run', async () => {
    const strip = (s: RunSummary) => ({ ...s, runId: '', previousRunId: '', durationMs: 0 });
    expect(runs.postgres.map(strip)).toEqual(runs.duckdb.map(strip));
    for (const i of [0, 1, 2]) {
      const snapshots = {} as Record<EngineKind, Row[]>;
      for (const kind of ENGINES)
        snapshots[kind] = await engines[kind].all(
          `SELECT * FROM tier_snapshots WHERE run_id = '${runs[kind][i]!.runId}'`,
        );
      expect(snapshots.duckdb.length).toBe(runs.duckdb[i]!.customers);
      expect(compareRows(snapshots, ['customer_id'], ['run_id']).slice(0, 20)).toEqual([]);
    }
  });
});
