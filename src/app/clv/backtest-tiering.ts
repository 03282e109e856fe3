import { addDays } from '../../contracts/time/iso-date.js';
import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import type { ModelSpec, TieringConfig } from '../../contracts/tiering/config.js';
import { normalisedGini, spearman, topShare } from '../../domain/statistics/value-separation.js';
import type { Engine } from '../../engines/engine.js';
import { scoresWithFollowingValueSql } from '../../sql/clv/following-value-sql.js';
import { dropTempSql, previousSnapshotSql } from '../../sql/tiering/snapshot.js';
import { scoringSql } from '../../sql/tiering/scoring/index.js';
import { computeFeatures } from '../tiering/compute-features.js';
import { fillPredictions, needsPredictions } from '../tiering/fill-predictions.js';

/** The tiering models a backtest compares by default: the configured kinds, the prediction and a blend. */
export const BACKTEST_MODELS: Readonly<Record<string, ModelSpec>> = {
  seed_rfm: { kind: 'seed_rfm' },
  rfm_quintile: { kind: 'rfm_quintile' },
  weighted_profit: { kind: 'weighted', preset: 'profit', winsorize: { lower: 0.01, upper: 0.99 } },
  weighted_growth: { kind: 'weighted', preset: 'growth', winsorize: { lower: 0.01, upper: 0.99 } },
  predicted_clv: { kind: 'predicted_clv', winsorize: { lower: 0.01, upper: 0.99 } },
  predicted_clv_blend: {
    kind: 'predicted_clv',
    blend: { preset: 'profit', weight: 0.3 },
    winsorize: { lower: 0.01, upper: 0.99 },
  },
};

/** One model's separation of the customers' actual value in the following period. */
export interface BacktestRow {
  readonly model: string;
  readonly kind: ModelSpec['kind'];
  /** Share of the following period's net revenue bought by the model's top 20 % (Platinum + Gold by quota). */
  readonly top20RevenueShare: number;
  readonly top20MarginShare: number;
  /** Normalised Gini of following revenue ordered by score (1 = perfect order, 0 = chance). */
  readonly gini: number;
  /** Spearman's rank correlation of score with following revenue. */
  readonly spearman: number;
}

export interface Backtest {
  readonly asOf: string;
  readonly followingDays: number;
  readonly customers: number;
  readonly followingRevenue: number;
  readonly rows: readonly BacktestRow[];
}

/**
 * Scores every customer as of a past date with each model, then measures how each ranking separates what the
 * customers actually bought in the following `followingDays` (computed in the engine, in temp tables of a
 * transaction that writes nothing else). The windows, unit and prediction settings come from `base`.
 */
export async function backtestTiering(
  engine: Engine,
  request: {
    readonly base: TieringConfig;
    readonly asOf: string;
    readonly followingDays: number;
    readonly models?: Readonly<Record<string, ModelSpec>>;
  },
): Promise<Backtest> {
  const d = engine.dialect;
  const models = request.models ?? BACKTEST_MODELS;
  const names = Object.keys(models);
  const config: TieringConfig = {
    ...request.base,
    models: { ...models },
    primaryModel: names[0] as string,
    tiers: { ...request.base.tiers, hysteresis: null, minScore: {} },
  };
  const temp = [PIPELINE_TABLES.features, PIPELINE_TABLES.scored, PIPELINE_TABLES.previous];
  const rows = await engine.transaction(async (tx) => {
    for (const t of temp) await tx.run(dropTempSql(d, t));
    await tx.run(previousSnapshotSql(d, null));
    await computeFeatures(tx, d, {
      asOf: request.asOf,
      longDays: config.windows.longDays,
      shortDays: config.windows.shortDays,
      unit: config.unit,
    });
    if (needsPredictions(config)) await fillPredictions(tx, d, config, request.asOf);
    for (const statement of scoringSql(d, config, request.asOf)) await tx.run(statement);
    const result = await tx.all(
      scoresWithFollowingValueSql(d, names, request.asOf, addDays(request.asOf, request.followingDays)),
    );
    for (const t of temp) await tx.run(dropTempSql(d, t));
    return result;
  });
  const revenue = Float64Array.from(rows, (r) => Number(r.following_revenue));
  const margin = Float64Array.from(rows, (r) => Number(r.following_margin));
  return {
    asOf: request.asOf,
    followingDays: request.followingDays,
    customers: rows.length,
    followingRevenue: revenue.reduce((a, b) => a + b, 0),
    rows: names.map((model) => {
      const score = Float64Array.from(rows, (r) => Number(r[`score_${model}`]));
      return {
        model,
        kind: (models[model] as ModelSpec).kind,
        top20RevenueShare: topShare(score, revenue, 0.2),
        top20MarginShare: topShare(score, margin, 0.2),
        gini: normalisedGini(score, revenue),
        spearman: spearman(score, revenue),
      };
    }),
  };
}
