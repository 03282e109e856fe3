import type { PreparedHistories } from './prepared-histories.js';

/** One transaction model (BG/NBD, MBG/NBD, Pareto/NBD): parameters θ in PARAM_NAMES order, times in one unit. */
export interface TransactionModel {
  /** Σ weight·ln L(θ | x, tx, T) over the rows; writes the gradient ∂/∂θ into `gradient` when one is passed. */
  logLikelihood(theta: Float64Array, data: PreparedHistories, gradient: Float64Array | null): number;
  /** P(alive at T | x, tx, T). */
  probabilityAlive(theta: Float64Array, x: number, tx: number, T: number): number;
  /** E[Y(t) | x, tx, T]: expected purchases in (T, T + t]. */
  expectedPurchases(theta: Float64Array, t: number, x: number, tx: number, T: number): number;
  /** E[X(t)]: expected repeat purchases in (0, t] of a customer who made a first purchase at 0. */
  expectedPurchasesNew(theta: Float64Array, t: number): number;
}

/** ln(eᵃ + eᵇ) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
}
