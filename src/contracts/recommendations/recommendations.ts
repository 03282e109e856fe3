import { z } from 'zod';
import { IsoDateSchema } from '../time/iso-date.js';
import { PEER_LEVELS, PeerGroupSchema, PeerLevelSchema, ScaleBandSchema } from './peer-groups.js';

/**
 * How recommendations are made (docs/recommendations.md): peers are the customers of the same cuisine and scale
 * band who bought in the last `lookbackDays` days, in the narrowest area with at least `minPeers` of them; a SKU's
 * peer share is shrunk toward the wider areas' and finally the popularity prior with `priorPeers` pseudo-peers.
 */
export const RecommendationSettingsSchema = z.object({
  lookbackDays: z.number().int().min(7).max(3660).default(365),
  minPeers: z.number().int().min(1).default(10),
  priorPeers: z.number().min(0).default(10),
});
export type RecommendationSettings = z.infer<typeof RecommendationSettingsSchema>;
export const DEFAULT_RECOMMENDATION_SETTINGS: RecommendationSettings = RecommendationSettingsSchema.parse({});

/**
 * Why a SKU is recommended: `peerBuyers` of the `peerCount` peers (cuisine × scale band in `area`) bought it in the
 * lookback window, and this customer never has. `area` is the district (level district, in `city`), the city
 * (level city) or null (level cuisine: every city). Rendered by reasonText.
 */
export const RecommendationReasonSchema = z.object({
  level: PeerLevelSchema,
  area: z.string().nullable(),
  city: z.string().nullable(),
  /** '' when the customer master has no cuisine. */
  cuisine: z.string(),
  scaleBand: ScaleBandSchema,
  peerCount: z.number().int().min(0),
  peerBuyers: z.number().int().min(0),
  /** peerBuyers / peerCount. */
  peerShare: z.number().min(0).max(1),
  sku: z.string(),
  /** The product's name, when the data holds one (order lines carry only the code). */
  skuName: z.string().optional(),
  category: z.string(),
});
export type RecommendationReason = z.infer<typeof RecommendationReasonSchema>;

export const RecommendationSchema = z.object({
  /** 1 = best. */
  rank: z.number().int().min(1),
  sku: z.string(),
  category: z.string(),
  /** The peer share shrunk toward the wider areas' and the popularity prior: what the ranking sorts by. */
  score: z.number(),
  /** Share of all customers who bought in the lookback window that bought the SKU (the popularity prior). */
  priorShare: z.number(),
  reason: RecommendationReasonSchema,
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** `stratum recommend CUSTOMER_ID --json` and GET /api/v1/customers/:id/recommendations (add fields, never rename). */
export const CustomerRecommendationsSchema = z.object({
  customerId: z.string(),
  /** The id asked for when cleaning merged it into customerId. */
  mergedFrom: z.string().nullable(),
  /** Last day of the order history used. */
  asOf: IsoDateSchema,
  settings: RecommendationSettingsSchema,
  /** The peers the reasons cite (null when the customer has none at any level). */
  peers: PeerGroupSchema.extend({ count: z.number().int() }).nullable(),
  /** Distinct SKUs the customer bought up to the as-of date (never recommended). */
  boughtSkus: z.number().int(),
  recommendations: z.array(RecommendationSchema),
});
export type CustomerRecommendations = z.infer<typeof CustomerRecommendationsSchema>;

/**
 * Top-K lists scored against the SKUs customers bought for the first time in the holdout, averaged over the
 * customers evaluated: hit rate = share with ≥ 1 hit; recall@K = hits / new SKUs; precision@K = hits / K.
 */
export const RankingMetricsSchema = z.object({
  hitRate: z.number(),
  recallAtK: z.number(),
  precisionAtK: z.number(),
  /** Recommended SKUs bought for the first time in the holdout, summed over customers. */
  hits: z.number().int(),
});
export type RankingMetrics = z.infer<typeof RankingMetricsSchema>;

/** `stratum recommend --evaluate --json` (add fields, never rename). */
export const RecommendationEvaluationSchema = z.object({
  /** Last day of the holdout. */
  asOf: IsoDateSchema,
  /** Last day of the history the recommendations are made from: asOf − 7 × holdoutWeeks. */
  cutoff: IsoDateSchema,
  holdoutWeeks: z.number().int().min(1),
  k: z.number().int().min(1),
  settings: RecommendationSettingsSchema,
  /** Customers with at least one SKU bought for the first time in the holdout. */
  customers: z.number().int(),
  /** (customer, SKU) pairs bought for the first time in the holdout. */
  newSkus: z.number().int(),
  /** Customers evaluated by the level their peers came from (none: no peers at all). */
  peerLevels: z.record(z.enum([...PEER_LEVELS, 'none']), z.number().int()),
  peerBased: RankingMetricsSchema,
  /** The most bought SKUs the customer has not bought, the same candidate rule. */
  popularity: RankingMetricsSchema,
  /** peerBased.recallAtK / popularity.recallAtK (null when the baseline's is 0). */
  recallRatio: z.number().nullable(),
  durationMs: z.number(),
});
export type RecommendationEvaluation = z.infer<typeof RecommendationEvaluationSchema>;

/** One row of the custom-assortment export (CSV). */
export const AssortmentRowSchema = z.object({
  customerId: z.string(),
  name: z.string().nullable(),
  tier: z.string(),
  customAssortment: z.boolean().nullable(),
  rank: z.number().int(),
  sku: z.string(),
  category: z.string(),
  peerShare: z.number(),
  reason: RecommendationReasonSchema,
});
export type AssortmentRow = z.infer<typeof AssortmentRowSchema>;
