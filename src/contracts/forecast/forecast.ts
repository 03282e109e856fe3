import { z } from 'zod';
import { IsoDateSchema } from '../time/iso-date.js';

/** The dimensions a forecast cell can be split by (besides the week). */
export const FORECAST_DIMENSIONS = ['category', 'city', 'tier'] as const;
export const ForecastDimensionSchema = z.enum(FORECAST_DIMENSIONS);
export type ForecastDimension = z.infer<typeof ForecastDimensionSchema>;

/** Tier label of customers without a tier in the latest tiering run up to the as-of date (or with no run). */
export const UNTIERED = 'untiered';
/** City label of purchases whose customer is not in customers_clean. */
export const UNKNOWN_CITY = '(unknown)';

/**
 * One cell: week × the chosen dimensions (a dimension not chosen is absent). Value is line value (quantity × unit
 * price − discount, before refunds) in yuan; quantity is in the lines' sales units (kg or packs).
 */
export const ForecastCellSchema = z.object({
  /** 1 = the 7 days after the as-of date. */
  week: z.number().int().min(1),
  from: IsoDateSchema,
  to: IsoDateSchema,
  category: z.string().optional(),
  city: z.string().optional(),
  tier: z.string().optional(),
  value: z.number(),
  quantity: z.number(),
  /** The part of value expected from customers who had not bought by the as-of date. */
  newCustomerValue: z.number(),
  /** Holdout only: what happened, and the naive forecast (the cell's mean week over the weeks before). */
  actualValue: z.number().optional(),
  actualQuantity: z.number().optional(),
  naiveValue: z.number().optional(),
  naiveQuantity: z.number().optional(),
});
export type ForecastCell = z.infer<typeof ForecastCellSchema>;

/** A week's totals over every cell. */
export const ForecastWeekSchema = ForecastCellSchema.pick({
  week: true,
  from: true,
  to: true,
  value: true,
  quantity: true,
  newCustomerValue: true,
  actualValue: true,
  actualQuantity: true,
  naiveValue: true,
  naiveQuantity: true,
});
export type ForecastWeek = z.infer<typeof ForecastWeekSchema>;

/**
 * Forecast against actuals over a set of cells. MAPE = mean |f − a| / a over the cells with a > 0 (undefined for
 * the others, which only WMAPE counts); WMAPE = Σ|f − a| / Σa; bias = Σf / Σa − 1. Null when undefined.
 */
export const AccuracySchema = z.object({
  cells: z.number().int(),
  /** Cells with a positive actual, which MAPE averages over. */
  scoredCells: z.number().int(),
  forecast: z.number(),
  actual: z.number(),
  mape: z.number().nullable(),
  wmape: z.number().nullable(),
  bias: z.number().nullable(),
});
export type Accuracy = z.infer<typeof AccuracySchema>;

export const ModelVsNaiveSchema = z.object({ model: AccuracySchema, naive: AccuracySchema });
export type ModelVsNaive = z.infer<typeof ModelVsNaiveSchema>;

/** One measure (value or quantity) scored over the horizon's cell totals, per week, and per category. */
export const MeasureEvaluationSchema = z.object({
  horizon: ModelVsNaiveSchema,
  byWeek: z.array(ModelVsNaiveSchema.extend({ week: z.number().int() })),
  /** Horizon totals of each category's cells; empty when the cells are not split by category. */
  byCategory: z.array(ModelVsNaiveSchema.extend({ category: z.string() })),
});
export type MeasureEvaluation = z.infer<typeof MeasureEvaluationSchema>;

export const HoldoutEvaluationSchema = z.object({
  value: MeasureEvaluationSchema,
  quantity: MeasureEvaluationSchema,
});
export type HoldoutEvaluation = z.infer<typeof HoldoutEvaluationSchema>;

/**
 * The level correction: the model refitted on the history up to `weeks` weeks before the as-of date, its forecast
 * for the customers it knew then compared with what they bought up to the as-of date; the forecast of those
 * customers is multiplied by actual / forecast. Skipped when the history is too short for that fit.
 */
export const LevelCorrectionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('applied'),
    from: IsoDateSchema,
    to: IsoDateSchema,
    forecast: z.number(),
    actual: z.number(),
    factor: z.number(),
  }),
  z.object({ kind: z.literal('skipped'), reason: z.string() }),
  z.object({ kind: z.literal('off') }),
]);
export type LevelCorrection = z.infer<typeof LevelCorrectionSchema>;

/** `stratum forecast --json` (add fields, never rename). */
export const ForecastSchema = z.object({
  /** Last day of the history the forecast starts from. */
  asOf: IsoDateSchema,
  weeks: z.number().int().min(1),
  by: z.array(ForecastDimensionSchema),
  /** The tiering run whose tiers label the cells, or null (every customer "untiered"). */
  tieringRun: z.object({ runId: z.string(), asOf: IsoDateSchema }).nullable(),
  model: z.object({
    kind: z.string(),
    params: z.record(z.string(), z.number()),
    spendParams: z.record(z.string(), z.number()),
    /** Customers with a purchase up to the as-of date. */
    customers: z.number().int(),
    converged: z.boolean(),
  }),
  levelCorrection: LevelCorrectionSchema,
  /** Peer orders added to every customer's category basket (the shrinkage of the mix). */
  mixPseudoOrders: z.number(),
  totals: z.array(ForecastWeekSchema),
  cells: z.array(ForecastCellSchema),
  /** Holdout runs only: the forecast scored against what happened, beside the naive baseline. */
  evaluation: HoldoutEvaluationSchema.nullable(),
});
export type Forecast = z.infer<typeof ForecastSchema>;
