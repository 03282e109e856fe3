import type { Change, RunRef, TierCounts } from '../../contracts/insights/common.js';
import type {
  ClvByTier,
  DistributionRow,
  Overview,
  TagCount,
  TierKpis,
  TierShare,
} from '../../contracts/insights/overview.js';
import {
  TAG_NAMES,
  TAGS,
  TIER_NAMES,
  TIERS,
  zeroTierCounts,
  type TagName,
  type Tier,
} from '../../contracts/tiering/tiers.js';
import type { Engine } from '../../engines/engine.js';
import { districtDistributionSql } from '../../sql/insights/district-distribution-sql.js';
import { tagCountsSql } from '../../sql/tiering/run-counts.js';
import { runOf } from '../customers/run-of.js';
import { buildReport } from '../tiering/build-report.js';
import { runKpis, type TierKpiValues } from './tier-kpis.js';

const round2 = (x: number) => Math.round(x * 100) / 100;
const share = (part: number, whole: number) => (whole ? part / whole : 0);

export const change = (value: number | null, previous: number | null): Change => ({
  value,
  previous,
  change: value === null || previous === null ? null : value - previous,
});

/** Rows of an attribute's distribution, largest total first (then by value). */
export function distributionRows(byValue: Readonly<Record<string, Readonly<TierCounts>>>): DistributionRow[] {
  return Object.entries(byValue)
    .map(([value, tiers]) => ({
      value,
      tiers: { ...tiers },
      total: TIERS.reduce((s, t) => s + tiers[t], 0),
    }))
    .sort((a, b) => b.total - a.total || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

async function districtRows(engine: Engine, runId: string, city: string): Promise<DistributionRow[]> {
  const byValue: Record<string, TierCounts> = {};
  for (const r of await engine.read(districtDistributionSql(engine.dialect, runId, city))) {
    if (r.tier === null) continue;
    (byValue[String(r.value)] ??= zeroTierCounts())[r.tier as Tier] = Number(r.customers);
  }
  return distributionRows(byValue);
}

async function tagCounts(engine: Engine, runId: string): Promise<Record<TagName, number>> {
  const counts = Object.fromEntries(TAGS.map((t) => [t, 0])) as Record<TagName, number>;
  for (const r of await engine.read(tagCountsSql(engine.dialect, runId)))
    counts[r.tag as TagName] = Number(r.n);
  return counts;
}

function kpisOf(tier: Tier, now: TierKpiValues, before: TierKpiValues | null): TierKpis {
  const c = (key: keyof TierKpiValues) => change(now[key], before ? before[key] : null);
  return {
    tier,
    name: TIER_NAMES[tier],
    customers: c('customers'),
    ordersPerMonth: c('ordersPerMonth'),
    aov: c('aov'),
    repurchaseRate: c('repurchaseRate'),
    returnRate: c('returnRate'),
    overdueRate: c('overdueRate'),
  };
}

function clvOf(tier: Tier, k: TierKpiValues): ClvByTier {
  const value =
    k.customers > 0 && k.annualNetRevenue !== null && k.tenureYears !== null
      ? round2(k.annualNetRevenue * k.tenureYears)
      : null;
  return {
    tier,
    name: TIER_NAMES[tier],
    customers: k.customers,
    value,
    avgAnnualNetRevenue: k.customers > 0 ? k.annualNetRevenue : null,
    avgTenureYears: k.customers > 0 ? k.tenureYears : null,
  };
}

/**
 * The dashboard's overview of a run (default: the latest). Tier shares, tag counts and distributions are
 * buildReport's, i.e. exactly `stratum report --json`; KPIs and the CLV proxy are aggregated in the engine.
 */
export async function buildOverview(
  engine: Engine,
  q: { runId?: string | undefined; city?: string | undefined },
): Promise<Overview> {
  const run: RunRef = await runOf(engine, q.runId);
  const report = await buildReport(engine, run.runId);
  const previousRun = report.previousRunId ? await runOf(engine, report.previousRunId) : null;
  const now = await runKpis(engine, run.runId);
  const before = previousRun ? await runKpis(engine, previousRun.runId) : null;
  const beforeTags = previousRun ? await tagCounts(engine, previousRun.runId) : null;

  const beforeTiered = before ? TIERS.reduce((s, t) => s + before.byTier[t].customers, 0) : 0;
  const beforeRevenue = before ? TIERS.reduce((s, t) => s + before.byTier[t].revenue, 0) : 0;
  const tiers = report.tiers.map((t): TierShare => ({
    tier: t.tier,
    name: TIER_NAMES[t.tier],
    customers: t.customers,
    customerShare: t.customerShare,
    revenue: t.revenue,
    revenueShare: t.revenueShare,
    margin: t.margin,
    previous: before
      ? {
          customers: before.byTier[t.tier].customers,
          customerShare: share(before.byTier[t.tier].customers, beforeTiered),
          revenue: round2(before.byTier[t.tier].revenue),
          revenueShare: share(before.byTier[t.tier].revenue, beforeRevenue),
        }
      : null,
  }));
  const tieredRevenue = TIERS.reduce((s, t) => s + now.byTier[t].revenue, 0);
  const tags = TAGS.map((tag): TagCount => ({
    tag,
    name: TAG_NAMES[tag],
    customers: report.tags[tag],
    previous: beforeTags ? beforeTags[tag] : null,
    change: beforeTags ? report.tags[tag] - beforeTags[tag] : null,
  }));
  const d = report.distribution;
  return {
    run,
    previousRun,
    customers: report.customers,
    tiers,
    excluded: {
      customers: report.excluded,
      customerShare: share(report.excluded, report.customers),
      revenue: round2(now.excluded.revenue),
      revenueShare: share(now.excluded.revenue, tieredRevenue + now.excluded.revenue),
    },
    kpis: TIERS.map((t) => kpisOf(t, now.byTier[t], before ? before.byTier[t] : null)),
    tags,
    distribution: {
      city: distributionRows(d.city),
      customerType: distributionRows(d.customer_type),
      cuisine: distributionRows(d.cuisine),
      district:
        q.city === undefined ? null : { city: q.city, rows: await districtRows(engine, run.runId, q.city) },
    },
    clvMethod: 'annual_net_revenue_x_tenure',
    clv: TIERS.map((t) => clvOf(t, now.byTier[t])),
  };
}
