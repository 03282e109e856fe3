import type { Period } from './periods.js';

/** Predicted vs actual holdout purchases of customers with one calibration frequency (FHL 2005, figure 4). */
export interface FrequencyBucket {
  /** Repeat purchases in calibration: "0" … "6", "7+". */
  readonly x: string;
  readonly customers: number;
  readonly predictedMean: number;
  readonly actualMean: number;
}

/** `stratum clv evaluate --json`: a calibration/holdout comparison (add fields, never rename). */
export interface ClvEvaluation {
  readonly model: string;
  readonly params: Readonly<Record<string, number>>;
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly customers: number;
  readonly period: Period;
  readonly calibration: { readonly from: string; readonly to: string };
  /** Holdout (calibration end, holdout end]; length in periods. */
  readonly holdout: { readonly from: string; readonly to: string; readonly length: number };
  readonly repeatPurchases: { readonly predicted: number; readonly actual: number; readonly ratio: number };
  readonly byFrequency: readonly FrequencyBucket[];
  readonly perCustomer: {
    readonly meanAbsoluteError: number;
    readonly rootMeanSquaredError: number;
    readonly correlation: number;
  };
  /** Gamma-Gamma's spend × the model's purchases vs the holdout revenue; null without amounts. */
  readonly spend: {
    readonly params: Readonly<Record<string, number>>;
    readonly repeatBuyers: number;
    readonly revenue: { readonly predicted: number; readonly actual: number; readonly ratio: number };
  } | null;
}
