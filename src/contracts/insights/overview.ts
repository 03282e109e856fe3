import { z } from 'zod';
import {
  BilingualSchema,
  ChangeSchema,
  RunRefSchema,
  TagSchema,
  TierCountsSchema,
  TierSchema,
} from './common.js';

/**
 * How "lifetime value by tier" is estimated until a CLV model exists: the tier's average annualised net revenue
 * (monetary × 365 / longDays) times its average tenure in years (tenure_days / 365).
 */
export const CLV_METHODS = ['annual_net_revenue_x_tenure'] as const;
export const ClvMethodSchema = z.enum(CLV_METHODS);

/** Customers and net revenue of a tier in a run: the `stratum report --json` tier entry. */
export const TierShareSchema = z.object({
  tier: TierSchema,
  name: BilingualSchema,
  customers: z.number().int(),
  /** Of the tiered customers (excluded ones left out), as in the report. */
  customerShare: z.number(),
  /** Σ monetary (net purchases in the long window), yuan. */
  revenue: z.number(),
  revenueShare: z.number(),
  margin: z.number(),
  /** The same figures in the previous run, or null when there is none. */
  previous: z
    .object({
      customers: z.number().int(),
      customerShare: z.number(),
      revenue: z.number(),
      revenueShare: z.number(),
    })
    .nullable(),
});
export type TierShare = z.infer<typeof TierShareSchema>;

/** Customers of the run without a tier (inactive); shares are of every customer of the run. */
export const ExcludedShareSchema = z.object({
  customers: z.number().int(),
  customerShare: z.number(),
  revenue: z.number(),
  revenueShare: z.number(),
});

/** KPIs of one tier, each with its value in the previous run and the change. */
export const TierKpisSchema = z.object({
  tier: TierSchema,
  name: BilingualSchema,
  customers: ChangeSchema,
  /** Average of `frequency`: completed orders per 30 days. */
  ordersPerMonth: ChangeSchema,
  /** Σ ordered amount / Σ orders (pooled over the tier), yuan. */
  aov: ChangeSchema,
  /** Average of `repurchase_rate` over customers where it is defined, 0–1. */
  repurchaseRate: ChangeSchema,
  /** Σ refunded / Σ ordered (pooled over the tier), 0–1. */
  returnRate: ChangeSchema,
  /** Share of the tier's customers with days_past_due > 0, 0–1. */
  overdueRate: ChangeSchema,
});
export type TierKpis = z.infer<typeof TierKpisSchema>;

export const TagCountSchema = z.object({
  tag: TagSchema,
  name: BilingualSchema,
  customers: z.number().int(),
  previous: z.number().int().nullable(),
  change: z.number().int().nullable(),
});
export type TagCount = z.infer<typeof TagCountSchema>;

/** Tiered customers with one attribute value, per tier; sorted by total, largest first. */
export const DistributionRowSchema = z.object({
  value: z.string(),
  total: z.number().int(),
  tiers: TierCountsSchema,
});
export type DistributionRow = z.infer<typeof DistributionRowSchema>;

export const ClvByTierSchema = z.object({
  tier: TierSchema,
  name: BilingualSchema,
  customers: z.number().int(),
  /** avgAnnualNetRevenue × avgTenureYears, yuan; null for an empty tier. */
  value: z.number().nullable(),
  avgAnnualNetRevenue: z.number().nullable(),
  avgTenureYears: z.number().nullable(),
});
export type ClvByTier = z.infer<typeof ClvByTierSchema>;

/** GET /api/v1/insights/overview: everything a viewer sees of a run. */
export const OverviewSchema = z.object({
  run: RunRefSchema,
  previousRun: RunRefSchema.nullable(),
  /** Every customer of the run's snapshot, tiered or excluded. */
  customers: z.number().int(),
  tiers: z.array(TierShareSchema),
  excluded: ExcludedShareSchema,
  kpis: z.array(TierKpisSchema),
  tags: z.array(TagCountSchema),
  distribution: z.object({
    city: z.array(DistributionRowSchema),
    customerType: z.array(DistributionRowSchema),
    cuisine: z.array(DistributionRowSchema),
    /** Districts of `?city=`, or null without it. */
    district: z.object({ city: z.string(), rows: z.array(DistributionRowSchema) }).nullable(),
  }),
  clvMethod: ClvMethodSchema,
  clv: z.array(ClvByTierSchema),
});
export type Overview = z.infer<typeof OverviewSchema>;
