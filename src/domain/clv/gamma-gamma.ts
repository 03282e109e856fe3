import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import { CompensatedSum } from './compensated-sum.js';
import type { SpendHistories } from './histories.js';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, JMR; Fader & Hardie 2013 note), θ = (p, q, v): each transaction's
 * value is Gamma(p, ν), and ν ~ Gamma(q, v) across customers. The mean z̄ of x transactions has density
 *
 *   f(z̄ | x) = Γ(px+q) / (Γ(px)Γ(q)) · v^q · z̄^(px−1) · x^(px) / (v + x z̄)^(px+q).
 *
 * Returns Σ weight·ln f over the rows and writes ∂/∂(p, q, v) into `gradient` when one is passed.
 */
export function gammaGammaLogLikelihood(
  theta: Float64Array,
  data: SpendHistories,
  gradient: Float64Array | null,
): number {
  const [p, q, v] = theta as unknown as [number, number, number];
  const lnV = Math.log(v);
  const base = q * lnV - gammaln(q);
  const psiQ = gradient ? digamma(q) : 0;
  const total = new CompensatedSum();
  const dp = new CompensatedSum();
  const dq = new CompensatedSum();
  const dv = new CompensatedSum();
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i] as number;
    const z = data.zbar[i] as number;
    const w = data.weight[i] as number;
    const px = p * x;
    const lnZ = Math.log(z);
    const lnX = Math.log(x);
    const lnDenominator = Math.log(v + x * z);
    total.add(
      w * (gammaln(px + q) - gammaln(px) + base + (px - 1) * lnZ + px * lnX - (px + q) * lnDenominator),
    );
    if (gradient) {
      const psiPXQ = digamma(px + q);
      dp.add(w * x * (psiPXQ - digamma(px) + lnZ + lnX - lnDenominator));
      dq.add(w * (psiPXQ - psiQ + lnV - lnDenominator));
      dv.add(w * (q / v - (px + q) / (v + x * z)));
    }
  }
  if (gradient) {
    gradient[0] = dp.value;
    gradient[1] = dq.value;
    gradient[2] = dv.value;
  }
  return total.value;
}

/**
 * E[Z | x, z̄] = p(v + x z̄) / (px + q − 1): a weighted mean of the population mean pv/(q−1) and the customer's own z̄,
 * with weight px/(px+q−1) on the latter; the population mean at x = 0. +∞ where px + q ≤ 1 (no finite mean).
 */
export function gammaGammaExpectedSpend(theta: Float64Array, x: number, zbar: number): number {
  const [p, q, v] = theta as unknown as [number, number, number];
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return Infinity;
  return (p * (v + (x > 0 ? x * zbar : 0))) / denominator;
}
