import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import { CompensatedSum } from './compensated-sum.js';
import { hyp2f1Unit } from './hyp2f1-unit.js';
import type { PreparedHistories } from './prepared-histories.js';
import { logAddExp, type TransactionModel } from './transaction-model.js';

/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987, as implemented by Fader, Hardie & Lee 2005), θ = (r, α, s, β):
 * purchases at Poisson rate λ ~ Gamma(r, α) while alive; lifetime exponential with rate μ ~ Gamma(s, β). One
 * customer's likelihood is
 *
 *   L = Γ(r+x)αʳβˢ/Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · (F(tₓ) − F(T)) ],
 *
 * where F(τ) = (r+s+x) ∫_τ^∞ (α+u)^−(r+x) (β+u)^−(s+1) du is FHL's A₀ term. With Euler's transformation,
 *
 *   α ≥ β:  F(τ) = (α+τ)^−(r+x)   (β+τ)^−s     ₂F₁(1, r+x; r+s+x+1; (α−β)/(α+τ))
 *   α < β:  F(τ) = (α+τ)^−(r+x−1) (β+τ)^−(s+1) ₂F₁(1, s+1; r+s+x+1; (β−α)/(β+τ))
 *
 * and both are evaluated in logs; F(tₓ) − F(T) as F(tₓ)·(−expm1(ln F(T) − ln F(tₓ))), and the bracket by
 * log-sum-exp.
 */
export const paretoNbd: TransactionModel = {
  logLikelihood,

  probabilityAlive(theta, x, tx, T) {
    const [first, second] = bracket(theta, x, tx, T, null);
    return Math.exp(first - logAddExp(first, second));
  },

  /** (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive). */
  expectedPurchases(theta, t, x, tx, T) {
    const [r, alpha, s, beta] = theta as unknown as [number, number, number, number];
    const alive = paretoNbd.probabilityAlive(theta, x, tx, T);
    return ((r + x) / (alpha + T)) * (beta + T) * powerIntegral(s - 1, Math.log1p(t / (beta + T))) * alive;
  },

  /** rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)]. */
  expectedPurchasesNew(theta, t) {
    const [r, alpha, s, beta] = theta as unknown as [number, number, number, number];
    return (r / alpha) * beta * powerIntegral(s - 1, Math.log1p(t / beta));
  },
};

/** (1 − e^(−kL))/k, continuous at k = 0 (s = 1) where it is L. */
function powerIntegral(k: number, l: number): number {
  return Math.abs(k * l) < 1e-12 ? l : -Math.expm1(-k * l) / k;
}

// Scratch buffers, reused across calls to keep the per-row loop free of allocations.
const hyp = new Float64Array(4);
const gradFtx = new Float64Array(4);
const gradFT = new Float64Array(4);

/**
 * ln F(τ) (see above), writing ∂ ln F/∂(r, α, s, β) into `grad`.
 */
function logF(theta: Float64Array, x: number, tau: number, grad: Float64Array): number {
  const [r, alpha, s, beta] = theta as unknown as [number, number, number, number];
  const c = r + s + x + 1;
  const lnA = Math.log(alpha + tau);
  const lnB = Math.log(beta + tau);
  if (alpha >= beta) {
    const z = (alpha - beta) / (alpha + tau);
    const [g, gb, gc, gz] = hyp2f1Unit(r + x, c, z, hyp) as unknown as [number, number, number, number];
    grad[0] = -lnA + (gb + gc) / g;
    grad[1] = -(r + x) / (alpha + tau) + (gz * (beta + tau)) / ((alpha + tau) ** 2 * g);
    grad[2] = -lnB + gc / g;
    grad[3] = -s / (beta + tau) - gz / ((alpha + tau) * g);
    return -(r + x) * lnA - s * lnB + Math.log(g);
  }
  const z = (beta - alpha) / (beta + tau);
  const [g, gb, gc, gz] = hyp2f1Unit(s + 1, c, z, hyp) as unknown as [number, number, number, number];
  grad[0] = -lnA + gc / g;
  grad[1] = -(r + x - 1) / (alpha + tau) - gz / ((beta + tau) * g);
  grad[2] = -lnB + (gb + gc) / g;
  grad[3] = -(s + 1) / (beta + tau) + (gz * (alpha + tau)) / ((beta + tau) ** 2 * g);
  return -(r + x - 1) * lnA - (s + 1) * lnB + Math.log(g);
}

/**
 * The two terms of the bracket in logs, [ln (α+T)^−(r+x)(β+T)^−s, ln s/(r+s+x)·(F(tₓ) − F(T))]; when `grad` is given
 * it receives their gradients, first term's in 0..3, second's in 4..7.
 */
function bracket(
  theta: Float64Array,
  x: number,
  tx: number,
  T: number,
  grad: Float64Array | null,
): [number, number] {
  const [r, alpha, s, beta] = theta as unknown as [number, number, number, number];
  const lnAT = Math.log(alpha + T);
  const lnBT = Math.log(beta + T);
  const first = -(r + x) * lnAT - s * lnBT;
  if (grad) {
    grad[0] = -lnAT;
    grad[1] = -(r + x) / (alpha + T);
    grad[2] = -lnBT;
    grad[3] = -s / (beta + T);
  }
  if (!(tx < T)) return [first, -Infinity];
  const atTx = logF(theta, x, tx, gradFtx);
  const atT = logF(theta, x, T, gradFT);
  const d = atT - atTx;
  if (!(d < 0)) return [first, -Infinity];
  const oneMinus = -Math.expm1(d);
  const second = Math.log(s / (r + s + x)) + atTx + Math.log(oneMinus);
  if (grad) {
    const e = Math.exp(d);
    for (let k = 0; k < 4; k++) grad[4 + k] = ((gradFtx[k] as number) - e * (gradFT[k] as number)) / oneMinus;
    grad[4] = (grad[4] as number) - 1 / (r + s + x);
    grad[6] = (grad[6] as number) + 1 / s - 1 / (r + s + x);
  }
  return [first, second];
}

function logLikelihood(theta: Float64Array, data: PreparedHistories, gradient: Float64Array | null): number {
  const [r, alpha, s, beta] = theta as unknown as [number, number, number, number];
  const lnAlpha = Math.log(alpha);
  const { xValues, xWeight, x, tx, T, weight } = data;
  const total = new CompensatedSum();
  const base = r * lnAlpha + s * Math.log(beta) - gammaln(r);
  for (let j = 0; j < xValues.length; j++)
    total.add((xWeight[j] as number) * (gammaln(r + (xValues[j] as number)) + base));
  const grad = gradient ? new Float64Array(8) : null;
  const sums = [
    new CompensatedSum(),
    new CompensatedSum(),
    new CompensatedSum(),
    new CompensatedSum(),
  ] as const;
  for (let i = 0; i < x.length; i++) {
    const w = weight[i] as number;
    const [first, second] = bracket(theta, x[i] as number, tx[i] as number, T[i] as number, grad);
    const l = logAddExp(first, second);
    total.add(w * l);
    if (grad) {
      const w1 = w * Math.exp(first - l);
      const w2 = w * Math.exp(second - l);
      sums.forEach((sum, k) =>
        sum.add(w1 * (grad[k] as number) + (w2 === 0 ? 0 : w2 * (grad[4 + k] as number))),
      );
    }
  }
  if (gradient) {
    const psiR = digamma(r);
    for (let j = 0; j < xValues.length; j++)
      sums[0].add((xWeight[j] as number) * (digamma(r + (xValues[j] as number)) - psiR + lnAlpha));
    gradient[0] = sums[0].value;
    gradient[1] = sums[1].value + (data.totalWeight * r) / alpha;
    gradient[2] = sums[2].value + data.totalWeight * Math.log(beta);
    gradient[3] = sums[3].value + (data.totalWeight * s) / beta;
  }
  return total.value;
}
