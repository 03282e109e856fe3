import { stratumError } from '../../contracts/errors.js';
import { TIERS, type Tier } from '../../contracts/tiering/tiers.js';
import type {
  BoundaryMetric,
  EdgeTier,
  TierBoundaryEffect,
} from '../../contracts/experiments/tier-boundary.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { regressionDiscontinuity } from '../../domain/statistics/experiments/regression-discontinuity.js';
import type { Engine, Row } from '../../engines/engine.js';
import { boundarySampleSql } from '../../sql/experiments/boundary-sql.js';
import { runInfoSql } from '../../sql/tiering/report.js';
import { latestRun } from '../customers/run-of.js';
import { storedConfig } from '../tiering/stored-config.js';

export interface TierBoundaryRequest {
  /** The lower edge of this tier: e.g. gold compares the last Gold customers with the first Silver ones. */
  readonly tier: EdgeTier;
  readonly metric: BoundaryMetric;
  /** Days after the run compared with the same number of days before it. */
  readonly days: number;
  /** Last day with data; the run is the latest one at least `days` before it unless given. */
  readonly asOf: string;
  readonly runId?: string;
}

const OUTCOME: Record<BoundaryMetric, string> = { gmv: 'gmv', margin: 'margin', orders: 'orders' };

/**
 * The effect of a tier change without an experiment: a sharp regression discontinuity on the run's rank at the
 * tier's quota edge (customers just above against just below), of the change in GMV, margin or orders from the
 * `days` before the run to the `days` after it. Tiers are assigned by rank, so this is local to the boundary and,
 * where hysteresis or overrides kept customers on the other side, an intention-to-treat effect (see caveats).
 */
export async function tierBoundaryEffect(
  engine: Engine,
  request: TierBoundaryRequest,
): Promise<TierBoundaryEffect> {
  const d = engine.dialect;
  const runId = request.runId ?? (await latestRun(engine, addDays(request.asOf, -request.days)))?.runId;
  const [run] = runId ? await engine.read(runInfoSql(d, runId)) : [];
  if (!run)
    throw stratumError(
      'NOT_FOUND',
      request.runId
        ? `no tiering run ${request.runId}`
        : `no tiering run at least ${request.days} days before ${request.asOf}`,
      { what: 'run', id: request.runId ?? '(latest)' },
    );
  const runAsOf = String(run.as_of);
  if (addDays(runAsOf, request.days) > request.asOf)
    throw stratumError(
      'INVALID_ARGUMENT',
      `run ${String(run.run_id)} is as of ${runAsOf}: ${request.days} days after it end after ${request.asOf}`,
      { field: 'days' },
    );
  const quotas = storedConfig(run.config).tiers.quotas;
  const rank = TIERS.indexOf(request.tier);
  const share = TIERS.slice(0, rank + 1).reduce((s, t) => s + quotas[t], 0) / 100;
  const rows = await engine.read(boundarySampleSql(d, String(run.run_id), runAsOf, request.days));
  const inTier = (tier: unknown) => tier !== null && TIERS.indexOf(String(tier) as Tier) <= rank;
  // Percentile points inside the cumulative quota (≥ 0) or outside it (< 0); the quotas' own tier decides the
  // side where rounding puts a customer on the edge.
  const running = Float64Array.from(rows, (r) => {
    const points = 100 * (share - Number(r.rank_pct));
    return inTier(r.candidate_tier) ? Math.max(points, 0) : Math.min(points, -1e-9);
  });
  const column = OUTCOME[request.metric];
  const outcome = Float64Array.from(rows, (r) => Number(r[`${column}_post`]) - Number(r[`${column}_pre`]));
  let rd: ReturnType<typeof regressionDiscontinuity>;
  try {
    rd = regressionDiscontinuity({ running, outcome });
  } catch (error) {
    if (error instanceof RangeError)
      throw stratumError('INVALID_ARGUMENT', `at the ${request.tier} edge: ${error.message}`, {
        field: 'tier',
      });
    throw error;
  }
  const near = (above: boolean) =>
    rows.filter((_, i) => Math.abs(running[i]!) < rd.bandwidth && running[i]! >= 0 === above);
  const actuallyIn = (side: readonly Row[]) =>
    side.length === 0 ? 0 : side.filter((r) => inTier(r.tier)).length / side.length;
  const compliance = { below: actuallyIn(near(false)), above: actuallyIn(near(true)) };
  const caveats = [
    `local: it compares customers within ${rd.bandwidth.toFixed(1)} percentile points of the ${request.tier} edge (the top ${(100 * share).toFixed(0)} %), not the tier as a whole`,
    `assignment by rank: ${(100 * compliance.below).toFixed(1)} % of the customers just below the edge and ${(100 * compliance.above).toFixed(1)} % just above are in ${request.tier} or higher (hysteresis, overrides, minimum scores), so this is the effect of the rank (intention to treat), diluted where those differ from 0 % and 100 %`,
    'customers with equal scores are ranked by their purchases, so the two sides also differ slightly in spend; the outcome is the change from as many days before the run, which removes level differences but not a trend that differs at the edge',
    'the score is built from the same purchases the outcome measures and ranks are uniform by construction (no density test applies): compare several runs before acting on one estimate',
  ];
  return {
    runId: String(run.run_id),
    runAsOf,
    tier: request.tier,
    metric: request.metric,
    days: request.days,
    share,
    bandwidth: rd.bandwidth,
    n: { below: rd.n.left, above: rd.n.right },
    estimate: rd.estimate,
    standardError: rd.standardError,
    ciLow: rd.ciLow,
    ciHigh: rd.ciHigh,
    pValue: rd.pValue,
    compliance,
    caveats,
  };
}
