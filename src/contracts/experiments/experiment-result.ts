import { z } from 'zod';
import { EXPERIMENT_METRICS, RANDOMISATION_UNITS } from './experiment-spec.js';

/** A difference in means of one metric, treatment minus control, with its interval at 95 %. */
export const EffectSummarySchema = z.object({
  metric: z.enum(EXPERIMENT_METRICS),
  /** The arms' means (unadjusted). */
  control: z.number(),
  treatment: z.number(),
  estimate: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  pValue: z.number(),
  /** CUPED (regression on the pre-period value of the metric) was used. */
  cuped: z.boolean(),
});
export type EffectSummary = z.infer<typeof EffectSummarySchema>;

/** One treatment variant against the control. */
export const VariantComparisonSchema = z.object({
  variant: z.string(),
  units: z.number().int(),
  customers: z.number().int(),
  effects: z.array(EffectSummarySchema),
  /** The primary metric without CUPED, to show what the variance reduction bought. */
  unadjusted: EffectSummarySchema,
  /** 1 − var(adjusted) / var(raw) of the primary metric: what CUPED removed (0 without a pre-period signal). */
  varianceReduction: z.number(),
  /** Incremental margin over the post-period minus the variant's policy cost, in yuan (with its interval). */
  roi: z.object({
    incrementalMargin: z.number(),
    policyCost: z.number(),
    net: z.number(),
    ciLow: z.number(),
    ciHigh: z.number(),
  }),
});
export type VariantComparison = z.infer<typeof VariantComparisonSchema>;

/** What `stratum experiment analyze` and the periodic report show of an experiment. */
export const ExperimentResultSchema = z.object({
  experimentId: z.string(),
  name: z.string(),
  unit: z.enum(RANDOMISATION_UNITS),
  /** Pre-period [preStart, start), post-period [start, end]. */
  preStart: z.string(),
  start: z.string(),
  end: z.string(),
  primaryMetric: z.enum(EXPERIMENT_METRICS),
  control: z.object({ variant: z.string(), units: z.number().int(), customers: z.number().int() }),
  comparisons: z.array(VariantComparisonSchema),
  /** Sample ratio mismatch: χ² test of the units per variant against the weights. */
  srm: z.object({ chiSquare: z.number(), pValue: z.number(), mismatch: z.boolean() }),
  /** What the reader must know before trusting the figures (a sample ratio mismatch, few clusters, …). */
  caveats: z.array(z.string()),
});
export type ExperimentResultSummary = z.infer<typeof ExperimentResultSchema>;
