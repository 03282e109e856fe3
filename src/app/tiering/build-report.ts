import { stratumError } from '../../contracts/errors.js';
import { TAGS, TIERS, type TagName, type Tier, zeroTierCounts } from '../../contracts/tiering/tiers.js';
import type { Engine } from '../../engines/engine.js';
import {
  distributionSql,
  migrationSql,
  runInfoSql,
  tierShareSql,
  type DistributionAttribute,
} from '../../sql/tiering/report.js';
import { tagCountsSql } from '../../sql/tiering/run-counts.js';
import { latestRunSql, previousRunSql } from '../../sql/tiering/snapshot.js';

export interface TierShare {
  readonly tier: Tier;
  readonly customers: number;
  readonly customerShare: number;
  readonly revenue: number;
  readonly revenueShare: number;
  readonly margin: number;
}

/** The `stratum report --json` document. */
export interface TieringReport {
  readonly runId: string;
  readonly asOf: string;
  readonly previousRunId: string | null;
  readonly customers: number;
  readonly excluded: number;
  readonly tiers: readonly TierShare[];
  readonly tags: Readonly<Record<TagName, number>>;
  /** Movements since the previous run: from/to a tier, 'new', 'gone' or 'excluded'. */
  readonly migration: readonly { from: string; to: string; customers: number }[];
  readonly distribution: Readonly<Record<DistributionAttribute, Record<string, Record<Tier, number>>>>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Resolves `runId` (default: the latest run), or fails naming what is missing. */
export async function resolveRunId(engine: Engine, runId?: string): Promise<string> {
  if (runId) return runId;
  const [latest] = await engine.all(latestRunSql(engine.dialect, null));
  if (!latest)
    throw stratumError('NOT_FOUND', 'no tiering run yet: run `stratum run` first', {
      what: 'run',
      id: '(latest)',
    });
  return String(latest.run_id);
}

export async function buildReport(engine: Engine, requestedRunId?: string): Promise<TieringReport> {
  const d = engine.dialect;
  const runId = await resolveRunId(engine, requestedRunId);
  const [info] = await engine.all(runInfoSql(d, runId));
  if (!info) throw stratumError('NOT_FOUND', `no tiering run ${runId}`, { what: 'run', id: runId });
  const [previous] = await engine.all(previousRunSql(d, runId));
  const previousRunId = previous ? String(previous.run_id) : null;

  const shares = await engine.all(tierShareSql(d, runId));
  const ranked = shares.filter((r) => r.tier !== null);
  const totalCustomers = ranked.reduce((s, r) => s + Number(r.customers), 0);
  const totalRevenue = ranked.reduce((s, r) => s + Number(r.revenue), 0);
  const tiers = TIERS.map((tier): TierShare => {
    const row = ranked.find((r) => r.tier === tier);
    const customers = Number(row?.customers ?? 0);
    const revenue = Number(row?.revenue ?? 0);
    return {
      tier,
      customers,
      customerShare: totalCustomers ? customers / totalCustomers : 0,
      revenue: round2(revenue),
      revenueShare: totalRevenue ? revenue / totalRevenue : 0,
      margin: round2(Number(row?.margin ?? 0)),
    };
  });
  const tags = Object.fromEntries(TAGS.map((t) => [t, 0])) as Record<TagName, number>;
  for (const r of await engine.all(tagCountsSql(d, runId))) tags[r.tag as TagName] = Number(r.n);
  const migration = previousRunId
    ? (await engine.all(migrationSql(d, previousRunId, runId))).map((r) => ({
        from: String(r.from_tier),
        to: String(r.to_tier),
        customers: Number(r.customers),
      }))
    : [];
  const distribution = {} as Record<DistributionAttribute, Record<string, Record<Tier, number>>>;
  for (const attribute of ['city', 'district', 'customer_type', 'cuisine', 'pilot'] as const) {
    const byValue: Record<string, Record<Tier, number>> = {};
    for (const r of await engine.all(distributionSql(d, runId, attribute))) {
      if (r.tier === null) continue;
      const counts = (byValue[String(r.value)] ??= zeroTierCounts());
      counts[r.tier as Tier] = Number(r.customers);
    }
    distribution[attribute] = byValue;
  }
  const excluded = Number(shares.find((r) => r.tier === null)?.customers ?? 0);
  return {
    runId,
    asOf: String(info.as_of),
    previousRunId,
    customers: totalCustomers + excluded,
    excluded,
    tiers,
    tags,
    migration,
    distribution,
  };
}
