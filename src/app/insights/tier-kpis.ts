import { z } from 'zod';
import { TIERS, type Tier } from '../../contracts/tiering/tiers.js';
import type { Engine } from '../../engines/engine.js';
import { tierKpisSql } from '../../sql/insights/tier-kpis-sql.js';
import { runLongDays } from './run-config.js';

/** A number (DOUBLE, or DECIMAL from some engines) or NULL. */
const num = z.preprocess((v) => (v === null ? null : Number(v)), z.number().nullable());
const KpiRowSchema = z.object({
  tier: z.enum(TIERS).nullable(),
  customers: z.coerce.number(),
  revenue: z.coerce.number(),
  orders_per_month: num,
  aov: num,
  repurchase_rate: num,
  return_rate: num,
  overdue_rate: num,
  annual_net_revenue: num,
  tenure_years: num,
});

/** The KPIs of one tier of a run, or of its excluded customers (`tier` null). */
export interface TierKpiValues {
  readonly customers: number;
  readonly revenue: number;
  readonly ordersPerMonth: number | null;
  readonly aov: number | null;
  readonly repurchaseRate: number | null;
  readonly returnRate: number | null;
  readonly overdueRate: number | null;
  readonly annualNetRevenue: number | null;
  readonly tenureYears: number | null;
}

export interface RunKpis {
  readonly byTier: Readonly<Record<Tier, TierKpiValues>>;
  readonly excluded: TierKpiValues;
}

const EMPTY: TierKpiValues = {
  customers: 0,
  revenue: 0,
  ordersPerMonth: null,
  aov: null,
  repurchaseRate: null,
  returnRate: null,
  overdueRate: null,
  annualNetRevenue: null,
  tenureYears: null,
};

/** Per-tier KPIs of a run, aggregated in the engine (tierKpisSql) with the run's own long window. */
export async function runKpis(engine: Engine, runId: string): Promise<RunKpis> {
  const longDays = await runLongDays(engine, runId);
  const rows = (await engine.read(tierKpisSql(engine.dialect, runId, longDays))).map((r) =>
    KpiRowSchema.parse(r),
  );
  const of = (tier: Tier | null): TierKpiValues => {
    const r = rows.find((x) => x.tier === tier);
    if (!r) return EMPTY;
    return {
      customers: r.customers,
      revenue: r.revenue,
      ordersPerMonth: r.orders_per_month,
      aov: r.aov,
      repurchaseRate: r.repurchase_rate,
      returnRate: r.return_rate,
      overdueRate: r.overdue_rate,
      annualNetRevenue: r.annual_net_revenue,
      tenureYears: r.tenure_years,
    };
  };
  const byTier = Object.fromEntries(TIERS.map((t) => [t, of(t)])) as Record<Tier, TierKpiValues>;
  return { byTier, excluded: of(null) };
}
