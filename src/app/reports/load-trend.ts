import { TIERS, type Tier } from '../../contracts/tiering/tiers.js';
import type { Engine } from '../../engines/engine.js';
import { tierShareSql } from '../../sql/tiering/report.js';
import { tagCountsSql } from '../../sql/tiering/run-counts.js';
import { runKpis } from '../insights/tier-kpis.js';
import type { TierTrendValues, TrendPoint } from './report-data.js';
import { periodRun } from './period-run.js';
import type { ReportSpan } from './report-period.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

async function tierValues(engine: Engine, runId: string): Promise<Record<Tier, TierTrendValues>> {
  const shares = await engine.all(tierShareSql(engine.dialect, runId));
  const kpis = await runKpis(engine, runId);
  const of = (tier: Tier): TierTrendValues => {
    const share = shares.find((r) => r.tier === tier);
    return {
      customers: Number(share?.customers ?? 0),
      revenue: round2(Number(share?.revenue ?? 0)),
      margin: round2(Number(share?.margin ?? 0)),
      ordersPerMonth: kpis.byTier[tier].ordersPerMonth,
      aov: kpis.byTier[tier].aov,
    };
  };
  return Object.fromEntries(TIERS.map((t) => [t, of(t)])) as Record<Tier, TierTrendValues>;
}

/** Per period in `spans` that has a run, that run's KPIs by tier (the report's and the dashboard's queries). */
export async function loadTrend(engine: Engine, spans: readonly ReportSpan[]): Promise<TrendPoint[]> {
  const points: TrendPoint[] = [];
  for (const span of spans) {
    const run = await periodRun(engine, span);
    if (!run) continue;
    const tags = await engine.all(tagCountsSql(engine.dialect, run.runId));
    const tagged = (tag: string) => Number(tags.find((r) => r.tag === tag)?.n ?? 0);
    points.push({
      span,
      run,
      tiers: await tierValues(engine, run.runId),
      churnWarnings: tagged('churn_warning'),
      highRisk: tagged('high_risk'),
    });
  }
  return points;
}
