import { z } from 'zod';
import { TIERS } from '../../contracts/tiering/tiers.js';
import type { Engine } from '../../engines/engine.js';
import { riskByTierSql } from '../../sql/reports/risk-by-tier-sql.js';
import type { RiskRow, RiskSummary } from './report-data.js';

const RiskRowSchema = z.object({
  tier: z.enum(TIERS).nullable(),
  customers: z.coerce.number(),
  high_risk: z.coerce.number(),
  overdue_customers: z.coerce.number(),
  overdue_amount: z.coerce.number(),
  credit_limit: z.coerce.number(),
  disputing_customers: z.coerce.number(),
  disputes_open: z.coerce.number(),
});

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Risk per tier of a run (tiers in order, then the excluded customers if any) and over all its customers. */
export async function loadRisk(engine: Engine, runId: string): Promise<RiskSummary> {
  const parsed = (await engine.all(riskByTierSql(engine.dialect, runId))).map((r) => RiskRowSchema.parse(r));
  const rows = [...TIERS, null].flatMap((tier): RiskRow[] => {
    const r = parsed.find((x) => x.tier === tier);
    if (!r) return [];
    return [
      {
        tier,
        customers: r.customers,
        highRisk: r.high_risk,
        overdueCustomers: r.overdue_customers,
        overdueAmount: r.overdue_amount,
        creditLimit: r.credit_limit,
        disputingCustomers: r.disputing_customers,
        disputesOpen: r.disputes_open,
      },
    ];
  });
  const sum = (key: Exclude<keyof RiskRow, 'tier'>) => rows.reduce((s, r) => s + r[key], 0);
  return {
    rows,
    total: {
      customers: sum('customers'),
      highRisk: sum('highRisk'),
      overdueCustomers: sum('overdueCustomers'),
      overdueAmount: round2(sum('overdueAmount')),
      creditLimit: round2(sum('creditLimit')),
      disputingCustomers: sum('disputingCustomers'),
      disputesOpen: sum('disputesOpen'),
    },
  };
}
