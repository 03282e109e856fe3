import { z } from 'zod';
import { IsoDateSchema } from '../time/iso-date.js';
import { ChurnPopulationSchema } from './model.js';

/** What flagging the rows at or above a threshold gives. */
export const OperatingPointSchema = z.object({
  threshold: z.number(),
  flagged: z.number().int(),
  truePositives: z.number().int(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
});
export type OperatingPoint = z.infer<typeof OperatingPointSchema>;

/** One row of a reliability table: rows of similar predicted probability, and how often they churned. */
export const ReliabilityBinSchema = z.object({
  count: z.number().int(),
  minPredicted: z.number(),
  maxPredicted: z.number(),
  meanPredicted: z.number(),
  observedRate: z.number(),
});
export type ReliabilityBin = z.infer<typeof ReliabilityBinSchema>;

/** How well probabilities match outcomes on one set of rows. */
export const ScoreReportSchema = z.object({
  rows: z.number().int(),
  positives: z.number().int(),
  /** ROC AUC; null when the rows hold only one class. */
  auc: z.number().nullable(),
  logLoss: z.number(),
  brier: z.number(),
  /** Expected calibration error over the reliability bins. */
  ece: z.number(),
  /** At the threshold chosen on the validation rows (maximum F1). */
  operatingPoint: OperatingPointSchema,
  /** Flagging the riskiest 10 % of the rows. */
  topDecile: OperatingPointSchema,
  /** Deciles of predicted probability. */
  calibration: z.array(ReliabilityBinSchema),
});
export type ScoreReport = z.infer<typeof ScoreReportSchema>;

export const FeatureShareSchema = z.object({ feature: z.string(), share: z.number() });

export const ModelReportSchema = ScoreReportSchema.extend({
  model: z.enum(['gbdt', 'logistic']),
  /** Trees kept (gbdt) or design columns (logistic). */
  size: z.number().int(),
  /** The most important features: gain share (gbdt) or share of |standardised coefficient| (logistic). */
  importance: z.array(FeatureShareSchema),
});
export type ModelReport = z.infer<typeof ModelReportSchema>;

export const ChurnRowsSchema = z.object({
  asOf: IsoDateSchema,
  customers: z.number().int(),
  churned: z.number().int(),
  baseRate: z.number(),
});
export type ChurnRows = z.infer<typeof ChurnRowsSchema>;

/** `stratum churn evaluate --json`: both models trained on earlier as-of dates, tested on a later one. */
export const ChurnEvaluationSchema = z.object({
  population: ChurnPopulationSchema,
  /** The last day with a completed order: every label window must end by then. */
  dataEnd: IsoDateSchema,
  training: z.array(ChurnRowsSchema),
  /** Training rows held out (by customer) for early stopping and the threshold. */
  validationRows: z.number().int(),
  test: ChurnRowsSchema,
  models: z.array(ModelReportSchema),
  /** Simple rules on the same test rows, for scale. */
  baselines: z.object({
    /** AUC of ranking by days since the last order alone. */
    recencyAuc: z.number().nullable(),
    /** The tiering config's churn_warning tag as a yes/no flag; null when none was given. */
    churnWarning: OperatingPointSchema.nullable(),
  }),
});
export type ChurnEvaluation = z.infer<typeof ChurnEvaluationSchema>;
