import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { CompensatedSum } from './compensated-sum.js';
import type { PreparedHistories } from './prepared-histories.js';
import type { TransactionModel } from './transaction-model.js';

/**
 * BG/NBD (Fader, Hardie & Lee 2005) and MBG/NBD (Batislam, Denizel & Filiztekin 2007), θ = (r, α, a, b): purchases
 * at Poisson rate λ ~ Gamma(r, α) while alive; after each purchase the customer drops out with probability
 * p ~ Beta(a, b). In MBG/NBD the first purchase counts too (`shift` = 1), so a customer can drop out before any repeat
 * purchase, and P(alive) < 1 even at x = 0. With k = shift, one customer's likelihood is
 *
 *   L = B(a, b+x+k)/B(a,b) · Γ(r+x)αʳ/Γ(r) · [ (α+T)^−(r+x) + 1{x>0 or k=1} · a/(b+x−1+k) · (α+tₓ)^−(r+x) ],
 *
 * evaluated in logs with log-sum-exp over the bracket (Hardie's fix for the #NUM! overflow at large x).
 */
function betaGeometricNbd(shift: 0 | 1): TransactionModel {
  const probabilityAlive = (theta: Float64Array, x: number, tx: number, T: number): number => {
    const [r, alpha, a, b] = theta as unknown as [number, number, number, number];
    if (x === 0 && shift === 0) return 1;
    const logOdds = Math.log(a / (b + x - 1 + shift)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
    return 1 / (1 + Math.exp(logOdds));
  };
  /**
   * (a+b+x−1+k)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+k; a+b+x−1+k; z)] · P(alive), z = t/(α+T+t).
   * Euler's transformation turns the bracket's product into (1−z)^(a−1) ₂F₁(a−1, a+b−1+k−r; a+b+x−1+k; z), whose
   * terms stay small for any x (the original ₂F₁ overflows past x ≈ 500 while its power factor underflows).
   */
  const expectedPurchases = (theta: Float64Array, t: number, x: number, tx: number, T: number): number => {
    const [r, alpha, a, b] = theta as unknown as [number, number, number, number];
    if (t === 0) return 0;
    // At a = 1 the formula is 0/0 (its limit is finite and smooth): average the values either side instead.
    if (Math.abs(a - 1) < 1e-7) {
      const side = (at: number) => expectedPurchases(Float64Array.of(r, alpha, at, b), t, x, tx, T);
      return (side(1 - 1e-6) + side(1 + 1e-6)) / 2;
    }
    const c = a + b + x - 1 + shift;
    const z = t / (alpha + T + t);
    const product = (1 - z) ** (a - 1) * hyp2f1(a - 1, a + b - 1 + shift - r, c, z);
    return (c / (a - 1)) * (1 - product) * probabilityAlive(theta, x, tx, T);
  };
  return {
    logLikelihood: (theta, data, gradient) => logLikelihood(shift, theta, data, gradient),
    probabilityAlive,
    expectedPurchases,
    expectedPurchasesNew: (theta, t) => expectedPurchases(theta, t, 0, 0, 0),
  };
}

export const bgnbd = betaGeometricNbd(0);
export const mbgnbd = betaGeometricNbd(1);

function logLikelihood(
  shift: 0 | 1,
  theta: Float64Array,
  data: PreparedHistories,
  gradient: Float64Array | null,
): number {
  const [r, alpha, a, b] = theta as unknown as [number, number, number, number];
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const { xValues, xIndex, xWeight } = data;
  // Terms that depend on x alone: ln Γ(r+x)/Γ(r) + r ln α + ln B(a, b+x+k)/B(a,b), and ln a/(b+x−1+k).
  const lnB0 = gammaln(a + b) - gammaln(b) - gammaln(r);
  const constant = new Float64Array(xValues.length);
  const lnRatio = new Float64Array(xValues.length);
  const total = new CompensatedSum();
  for (let j = 0; j < xValues.length; j++) {
    const x = xValues[j] as number;
    constant[j] = gammaln(r + x) + r * lnAlpha + gammaln(b + x + shift) - gammaln(a + b + x + shift) + lnB0;
    lnRatio[j] = x > 0 || shift === 1 ? lnA - Math.log(b + x - 1 + shift) : -Infinity;
    total.add((xWeight[j] as number) * (constant[j] as number));
  }
  const dr = new CompensatedSum();
  const dAlpha = new CompensatedSum();
  const da = new CompensatedSum();
  const db = new CompensatedSum();
  const { x, tx, T, weight } = data;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const w = weight[i] as number;
    const rx = r + xi;
    const lnT = Math.log(alpha + (T[i] as number));
    const first = -rx * lnT;
    const ratio = lnRatio[xIndex[i] as number] as number;
    if (ratio === -Infinity) {
      total.add(w * first);
      if (gradient) {
        dr.add(-w * lnT);
        dAlpha.add((-w * rx) / (alpha + (T[i] as number)));
      }
      continue;
    }
    const lnTx = Math.log(alpha + (tx[i] as number));
    const second = ratio - rx * lnTx;
    // ln(e^first + e^second) and the two terms' shares of the sum, from one exp.
    const e = Math.exp(-Math.abs(first - second));
    total.add(w * (Math.max(first, second) + Math.log1p(e)));
    if (gradient) {
      const big = 1 / (1 + e);
      const w1 = first >= second ? big : e * big;
      const w2 = first >= second ? e * big : big;
      dr.add(-w * (w1 * lnT + w2 * lnTx));
      dAlpha.add(-w * rx * (w1 / (alpha + (T[i] as number)) + w2 / (alpha + (tx[i] as number))));
      da.add((w * w2) / a);
      db.add((-w * w2) / (b + xi - 1 + shift));
    }
  }
  if (gradient) {
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    const psiR = digamma(r);
    for (let j = 0; j < xValues.length; j++) {
      const xj = xValues[j] as number;
      const w = xWeight[j] as number;
      const psiABX = digamma(a + b + xj + shift);
      dr.add(w * (digamma(r + xj) - psiR + lnAlpha));
      dAlpha.add((w * r) / alpha);
      da.add(w * (psiAB - psiABX));
      db.add(w * (digamma(b + xj + shift) - psiABX - psiB + psiAB));
    }
    gradient[0] = dr.value;
    gradient[1] = dAlpha.value;
    gradient[2] = da.value;
    gradient[3] = db.value;
  }
  return total.value;
}
