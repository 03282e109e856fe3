import type { TieringConfig } from '../../contracts/tiering/config.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { Engine, Row, SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { runInfoSql } from '../../sql/tiering/report.js';
import { latestRunSql, previousSnapshotSql } from '../../sql/tiering/snapshot.js';
import { policyCostsSql } from '../../sql/tiering/tags-policies/index.js';
import { keepTaggedSql, whatIfMigrationSql, whatIfMovedSql } from '../../sql/tiering/whatif.js';
import { computeFeatures } from './compute-features.js';
import { dropPipelineTables } from './drop-pipeline-tables.js';
import { fillChurnProbabilities, resolveChurnModel } from './churn-probabilities.js';
import { fillPredictions, needsPredictions } from './fill-predictions.js';
import { latestRun } from '../customers/run-of.js';
import { tieringSegments } from '../../domain/tiering/pilots.js';
import { loadTieringConfig } from './load-config.js';
import { tierSegments } from './tier-segments.js';
import { storedConfig } from './stored-config.js';

export interface PolicyTotals {
  readonly rebateCost: number;
  readonly discountCost: number;
  readonly creditExposure: number;
  readonly visitsPerMonth: number;
  readonly dedicatedManagers: number;
}

/** The `stratum whatif --json` document. */
export interface WhatIf {
  readonly asOf: string;
  /** Where the current configuration came from: the latest run, or the default file when there is none. */
  readonly currentFrom: string;
  readonly customers: number;
  readonly moved: number;
  readonly migration: readonly { from: string; to: string; customers: number }[];
  readonly examples: readonly {
    customerId: string;
    from: string | null;
    to: string | null;
    fromScore: number;
    toScore: number;
  }[];
  readonly cost: {
    readonly current: PolicyTotals;
    readonly candidate: PolicyTotals;
    readonly change: PolicyTotals;
  };
}

const CURRENT = 'whatif_current';
const CANDIDATE = 'whatif_candidate';

function totals(rows: readonly Row[]): PolicyTotals {
  const total = rows.find((r) => r.tier === null);
  const n = (k: string) => Math.round(Number(total?.[k] ?? 0) * 100) / 100;
  return {
    rebateCost: n('rebate_cost'),
    discountCost: n('discount_cost'),
    creditExposure: n('credit_exposure'),
    visitsPerMonth: n('visits_per_month'),
    dedicatedManagers: n('dedicated_managers'),
  };
}

async function tierAndTag(
  s: SqlSession,
  d: Dialect,
  config: TieringConfig,
  asOf: string,
  keepAs: string,
): Promise<PolicyTotals> {
  await tierSegments(s, d, config, asOf, {
    tiered: async (segment) => {
      await s.run(keepTaggedSql(d, keepAs, segment.pilot !== null));
    },
  });
  return totals(await s.all(policyCostsSql(d, keepAs)));
}

/**
 * The current configuration against a candidate on the same features, without writing anything: migration,
 * customers moved, and the change in policy cost (rebates, discounts, credit exposure) and visit workload.
 * Both must use the same windows and unit, since the features are computed once.
 */
export async function whatIf(
  engine: Engine,
  candidate: TieringConfig,
  asOf: string,
  /** The current configuration and where it came from; default: the latest run's, else the default file. */
  given?: { readonly config: TieringConfig; readonly from: string },
): Promise<WhatIf> {
  const d = engine.dialect;
  const { config: stated, from: currentFrom } = given ?? (await latestRunConfig(engine));
  const { config: current, churnModel: currentChurn } = await resolveChurnModel(stated);
  const resolved = await resolveChurnModel({ ...candidate, windows: current.windows, unit: current.unit });
  const features = {
    longDays: current.windows.longDays,
    shortDays: current.windows.shortDays,
    unit: current.unit,
  };

  // Everything happens in temp tables, dropped at the end: a what-if writes nothing. Not inside a transaction,
  // which would only slow DuckDB down (see Engine.exclusive).
  return engine.exclusive(async (s) => {
    await dropPipelineTables(s, d, [CURRENT, CANDIDATE]);
    try {
      // The run before the as-of date, as a run on that date would continue from: a what-if on the date of an
      // existing run then reproduces that run's tiers for the current configuration.
      const [previous] = await s.all(latestRunSql(d, addDays(asOf, -1)));
      await s.run(previousSnapshotSql(d, previous ? String(previous.run_id) : null));
      const { customers } = await computeFeatures(s, d, { asOf, ...features });
      const predicting = [candidate, current].find((c) =>
        tieringSegments(c).some((segment) => needsPredictions(segment.config)),
      );
      if (predicting) await fillPredictions(s, d, { ...predicting, unit: current.unit }, asOf);
      // One churn_probability column: the candidate's model if it names one, else the current's.
      const churnModel = resolved.churnModel ?? currentChurn;
      if (churnModel) await fillChurnProbabilities(s, d, churnModel);
      const currentCost = await tierAndTag(s, d, current, asOf, CURRENT);
      const candidateCost = await tierAndTag(s, d, resolved.config, asOf, CANDIDATE);
      const migration = (await s.all(whatIfMigrationSql(d, CURRENT, CANDIDATE))).map((r) => ({
        from: String(r.from_tier),
        to: String(r.to_tier),
        customers: Number(r.customers),
      }));
      const examples = (await s.all(whatIfMovedSql(d, CURRENT, CANDIDATE, 20))).map((r) => ({
        customerId: String(r.customer_id),
        from: r.from_tier === null ? null : String(r.from_tier),
        to: r.to_tier === null ? null : String(r.to_tier),
        fromScore: Number(r.from_score),
        toScore: Number(r.to_score),
      }));
      const change = Object.fromEntries(
        Object.keys(currentCost).map((k) => {
          const key = k as keyof PolicyTotals;
          return [key, Math.round((candidateCost[key] - currentCost[key]) * 100) / 100];
        }),
      ) as unknown as PolicyTotals;
      return {
        asOf,
        currentFrom,
        customers,
        moved: migration.filter((m) => m.from !== m.to).reduce((n, m) => n + m.customers, 0),
        migration,
        examples,
        cost: { current: currentCost, candidate: candidateCost, change },
      };
    } finally {
      await dropPipelineTables(s, d, [CURRENT, CANDIDATE]);
    }
  });
}

/**
 * The as-of date of a what-if when none is given: the latest run's, so that the current side is the tiers customers
 * have now, else `fallback`.
 */
export async function whatIfAsOf(engine: Engine, fallback: string): Promise<string> {
  return (await latestRun(engine))?.asOf ?? fallback;
}

async function latestRunConfig(engine: Engine): Promise<{ config: TieringConfig; from: string }> {
  const d = engine.dialect;
  const [latest] = await engine.all(latestRunSql(d, null));
  const [info] = latest ? await engine.all(runInfoSql(d, String(latest.run_id))) : [];
  return info
    ? {
        config: storedConfig(info.config),
        from: `run ${String(info.run_id)}`,
      }
    : { config: await loadTieringConfig(), from: 'config/tiering.default.yaml' };
}
