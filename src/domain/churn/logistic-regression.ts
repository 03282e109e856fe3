import type { LogisticModel } from '../../contracts/churn/model.js';
import { solveSpd } from './cholesky.js';
import type { FeatureMatrix, LabelledRows } from './feature-matrix.js';
import { imputation, moments, rawDesign, standardised } from './logistic-design.js';
import { logit, sigmoid } from './log-odds.js';

export interface LogisticOptions {
  /** L2 penalty λ/2 ‖β‖² on the standardised coefficients (not the intercept), added to the summed log-loss. */
  readonly l2: number;
  readonly transform: LogisticModel['transform'];
  readonly maxIterations: number;
  /** Newton stops when no coefficient moves by more than this. */
  readonly tolerance: number;
}

export const LOGISTIC_DEFAULTS: LogisticOptions = {
  l2: 1,
  transform: 'asinh',
  maxIterations: 100,
  tolerance: 1e-9,
};

/**
 * Penalised maximum likelihood by Newton's method (IRLS): each step solves (ZᵀWZ + λI) δ = gradient by
 * Cholesky, halving it while the objective does not decrease. Columns constant in training keep coefficient 0.
 */
export function trainLogistic(train: LabelledRows, options: Partial<LogisticOptions> = {}): LogisticModel {
  const o = { ...LOGISTIC_DEFAULTS, ...options };
  const n = train.x.rows;
  if (n === 0) throw new Error('no training rows');
  const { medians, indicators } = imputation(train.x);
  const spec = { features: [...train.x.names], transform: o.transform, medians, indicators };
  const raw = rawDesign(spec, train.x);
  const { means, scales } = moments(raw);
  const all = standardised(raw, means, scales);
  const active = all.map((_, c) => c).filter((c) => (scales[c] as number) > 0);
  const z = active.map((c) => all[c] as Float64Array);
  const y = Float64Array.from({ length: n }, (_, i) => train.y[i] as number);
  const beta = fitNewton(z, y, o);
  const coefficients = new Array<number>(all.length).fill(0);
  active.forEach((c, k) => (coefficients[c] = beta[k + 1] as number));
  return {
    kind: 'logistic',
    ...spec,
    means,
    scales,
    coefficients,
    intercept: beta[0] as number,
    importance: coefficientShares(coefficients, indicators),
  };
}

/** β = [intercept, coefficients of z's columns]. */
function fitNewton(z: readonly Float64Array[], y: Float64Array, o: LogisticOptions): Float64Array {
  const n = y.length;
  const q = z.length + 1;
  const at = (c: number, r: number) => (c === 0 ? 1 : ((z[c - 1] as Float64Array)[r] as number));
  const linear = (b: Float64Array) =>
    Float64Array.from({ length: n }, (_, r) => {
      let s = b[0] as number;
      for (let c = 1; c < q; c++) s += (b[c] as number) * at(c, r);
      return s;
    });
  const objective = (b: Float64Array) => {
    const eta = linear(b);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      const e = eta[r] as number;
      sum += (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e))) - (y[r] as number) * e;
    }
    for (let c = 1; c < q; c++) sum += (o.l2 / 2) * (b[c] as number) ** 2;
    return sum;
  };
  let beta = new Float64Array(q);
  beta[0] = logit(y.reduce((s, v) => s + v, 0) / n);
  let current = objective(beta);
  for (let iteration = 0; iteration < o.maxIterations; iteration++) {
    const eta = linear(beta);
    const gradient = new Float64Array(q);
    const hessian = new Float64Array(q * q);
    for (let r = 0; r < n; r++) {
      const p = sigmoid(eta[r] as number);
      const w = p * (1 - p);
      const residual = p - (y[r] as number);
      for (let i = 0; i < q; i++) {
        const zi = at(i, r);
        gradient[i]! += residual * zi;
        for (let j = 0; j <= i; j++) hessian[i * q + j]! += w * zi * at(j, r);
      }
    }
    for (let i = 1; i < q; i++) {
      gradient[i]! += o.l2 * (beta[i] as number);
      hessian[i * q + i]! += o.l2;
    }
    for (let i = 0; i < q; i++) for (let j = 0; j < i; j++) hessian[j * q + i] = hessian[i * q + j] as number;
    const step = solveSpd(hessian, gradient);
    // Halve the step while the objective rises (beyond rounding); near the optimum the full step is taken.
    let scale = 1;
    let next = beta.map((b, i) => b - (step[i] as number));
    let value = objective(next);
    while (value > current + 1e-12 * Math.abs(current) && scale > 1e-6) {
      scale /= 2;
      next = beta.map((b, i) => b - scale * (step[i] as number));
      value = objective(next);
    }
    beta = next;
    current = value;
    if (step.every((s) => Math.abs(s) < o.tolerance)) break;
  }
  return beta;
}

function coefficientShares(coefficients: readonly number[], indicators: readonly boolean[]): number[] {
  const p = indicators.length;
  const weight = indicators.map((_, j) => Math.abs(coefficients[j] as number));
  let k = p;
  indicators.forEach((has, j) => has && (weight[j]! += Math.abs(coefficients[k++] as number)));
  const total = weight.reduce((s, w) => s + w, 0);
  return weight.map((w) => (total > 0 ? w / total : 0));
}

/** P(positive) per row of `x`, whose columns are read by the model's feature names. */
export function predictLogistic(model: LogisticModel, x: FeatureMatrix): Float64Array {
  const z = standardised(rawDesign(model, x), model.means, model.scales);
  return Float64Array.from({ length: x.rows }, (_, r) => {
    let eta = model.intercept;
    z.forEach((column, c) => (eta += (model.coefficients[c] as number) * (column[r] as number)));
    return sigmoid(eta);
  });
}
