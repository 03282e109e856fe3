import { z } from 'zod';
import { IsoDateSchema } from '../time/iso-date.js';

/**
 * One regression tree as parallel arrays; node 0 is the root and children come after their parent (so reading
 * one always ends). At a split node, a value x goes left when x ≤ threshold (a null threshold sends every value
 * left: the split separates missing values from present ones) and a missing value goes left when missingLeft.
 * `feature` is −1 at a leaf, whose `value` is added to the raw score (log-odds).
 */
export const TreeSchema = z
  .object({
    feature: z.array(z.number().int().min(-1)),
    threshold: z.array(z.number().nullable()),
    missingLeft: z.array(z.boolean()),
    left: z.array(z.number().int()),
    right: z.array(z.number().int()),
    value: z.array(z.number()),
  })
  .superRefine((t, ctx) => {
    const n = t.feature.length;
    if ([t.threshold, t.missingLeft, t.left, t.right, t.value].some((a) => a.length !== n) || n === 0)
      ctx.addIssue({ code: 'custom', message: 'tree arrays must be non-empty and of one length' });
    else
      t.feature.forEach((f, i) => {
        const [l, r] = [t.left[i] as number, t.right[i] as number];
        if (f >= 0 && !(l > i && r > i && l < n && r < n))
          ctx.addIssue({ code: 'custom', message: `node ${i}: children must follow it within the tree` });
      });
  });

/** Gradient-boosted trees for binary log-loss: P(churn) = σ(baseScore + Σ tree values). */
export const GbdtModelSchema = z.object({
  kind: z.literal('gbdt'),
  /** The features read, by name; tree `feature` indexes this list. */
  features: z.array(z.string()),
  baseScore: z.number(),
  trees: z.array(TreeSchema),
  /** Share of the total split gain per feature (sums to 1, or all 0 without splits). */
  importance: z.array(z.number()),
});

/**
 * Logistic regression on standardised features. A feature is imputed by its training median when missing, then
 * transformed (asinh tames heavy tails such as money), then standardised; features with missing values in
 * training also get a 0/1 indicator column. Design columns: the features, then the indicators in feature order.
 */
export const LogisticModelSchema = z.object({
  kind: z.literal('logistic'),
  features: z.array(z.string()),
  transform: z.enum(['none', 'asinh']),
  medians: z.array(z.number()),
  indicators: z.array(z.boolean()),
  /** Per design column; a scale of 0 marks a column constant in training (it contributes nothing). */
  means: z.array(z.number()),
  scales: z.array(z.number()),
  coefficients: z.array(z.number()),
  intercept: z.number(),
  /** Share of Σ |standardised coefficient| per feature (its indicator's included). */
  importance: z.array(z.number()),
});

export const ChurnModelSchema = z.discriminatedUnion('kind', [GbdtModelSchema, LogisticModelSchema]);

export type Tree = z.infer<typeof TreeSchema>;
export type GbdtModel = z.infer<typeof GbdtModelSchema>;
export type LogisticModel = z.infer<typeof LogisticModelSchema>;
export type ChurnModel = z.infer<typeof ChurnModelSchema>;

/** Who is scored and what "churned" means: see docs/models.md#churn. */
export const ChurnPopulationSchema = z.object({
  /** Churned = no completed order in the windowDays days after the as-of date. */
  windowDays: z.number().int().min(1).max(730),
  /** Active = at least one completed order in the activeDays days ending on the as-of date. */
  activeDays: z.number().int().min(1).max(36_500),
  /** The feature windows (as the tiering's `windows`). */
  longDays: z.number().int().min(1).max(36_500),
  shortDays: z.number().int().min(1).max(36_500),
});
export type ChurnPopulation = z.infer<typeof ChurnPopulationSchema>;

/** A trained churn model as saved by `stratum churn score --save-model` and read back by `--model`. */
export const ChurnModelFileSchema = z.object({
  format: z.literal('stratum-churn-model/1'),
  population: ChurnPopulationSchema,
  /** The as-of dates whose customers and labels trained the model. */
  trainedOn: z.array(IsoDateSchema).min(1),
  /** Customers with P(churn) ≥ threshold are flagged (the F1-maximising threshold on the validation rows). */
  threshold: z.number().min(0).max(1),
  model: ChurnModelSchema,
});
export type ChurnModelFile = z.infer<typeof ChurnModelFileSchema>;
