import { solveSpd } from '../../churn/cholesky.js';
import { CompensatedSum } from '../../clv/compensated-sum.js';
import { binomialTestAtHalf } from './binomial-test.js';
import { normalInference } from './inference.js';
import { variance } from './moments.js';

export interface RegressionDiscontinuityInput {
  readonly running: ArrayLike<number>;
  readonly outcome: ArrayLike<number>;
  /** Treatment applies at running ≥ cutoff (default 0). */
  readonly cutoff?: number;
  /** Half-width of the window on each side (default: the rule of thumb 1.84·σ·n^(−1/5)). */
  readonly bandwidth?: number;
}

export interface RegressionDiscontinuityEstimate {
  /** Jump of the outcome at the cutoff: right intercept − left intercept. */
  readonly estimate: number;
  readonly standardError: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly pValue: number;
  readonly bandwidth: number;
  /** Points with positive kernel weight on each side. */
  readonly n: { readonly left: number; readonly right: number };
  /** Points in [c − h/2, c) and [c, c + h/2), and the exact binomial p-value of an even split. */
  readonly density: { readonly left: number; readonly right: number; readonly pValue: number };
}

/** Fewer points than this on a side and a local linear fit with robust errors means nothing. */
const MIN_POINTS_PER_SIDE = 10;

/**
 * Rule-of-thumb bandwidth 1.84·σ·n^(−1/5), σ the standard deviation of the running variable: Silverman's rule for
 * the uniform kernel, the pilot bandwidth of step 1 of Imbens & Kalyanaraman (2012). Wide rather than MSE-optimal.
 */
export const ruleOfThumbBandwidth = (running: ArrayLike<number>): number =>
  1.84 * Math.sqrt(variance(running)) * running.length ** -0.2;

interface SideFit {
  readonly intercept: number;
  readonly variance: number;
  readonly n: number;
}

/**
 * Weighted least squares of outcome on [1, running − c] over the points `inSide` selects, with triangular kernel
 * weights 1 − |running − c|/h, and the HC1 variance of the intercept: n/(n−2)·Σ (wᵢ eᵢ a·xᵢ)², a = (X'WX)⁻¹e₀.
 */
function fitSide(
  running: ArrayLike<number>,
  outcome: ArrayLike<number>,
  cutoff: number,
  bandwidth: number,
  inSide: (distance: number) => boolean,
  side: string,
): SideFit {
  const rows: number[] = [];
  for (let i = 0; i < running.length; i++) {
    const d = (running[i] as number) - cutoff;
    if (inSide(d) && Math.abs(d) < bandwidth) rows.push(i);
  }
  if (rows.length < MIN_POINTS_PER_SIDE)
    throw new RangeError(
      `regression discontinuity needs at least ${MIN_POINTS_PER_SIDE} points within the bandwidth ${bandwidth} on each side of the cutoff; the ${side} side has ${rows.length}`,
    );
  const first = running[rows[0] as number];
  if (rows.every((i) => running[i] === first))
    throw new RangeError(
      `regression discontinuity needs distinct running values; the ${side} side has only ${first}`,
    );
  const weight = (i: number): number => 1 - Math.abs((running[i] as number) - cutoff) / bandwidth;
  const sw = new CompensatedSum();
  const swd = new CompensatedSum();
  const swdd = new CompensatedSum();
  const swy = new CompensatedSum();
  const swdy = new CompensatedSum();
  for (const i of rows) {
    const w = weight(i);
    const d = (running[i] as number) - cutoff;
    const y = outcome[i] as number;
    sw.add(w);
    swd.add(w * d);
    swdd.add(w * d * d);
    swy.add(w * y);
    swdy.add(w * d * y);
  }
  const gram = Float64Array.of(sw.value, swd.value, swd.value, swdd.value);
  const beta = solveSpd(gram, Float64Array.of(swy.value, swdy.value));
  const intercept = beta[0] as number;
  const slope = beta[1] as number;
  const bread = solveSpd(gram, Float64Array.of(1, 0));
  const a0 = bread[0] as number;
  const a1 = bread[1] as number;
  const meat = new CompensatedSum();
  for (const i of rows) {
    const d = (running[i] as number) - cutoff;
    const residual = (outcome[i] as number) - intercept - slope * d;
    meat.add((weight(i) * residual * (a0 + a1 * d)) ** 2);
  }
  const n = rows.length;
  return { intercept, variance: (n / (n - 2)) * meat.value, n };
}

/**
 * Sharp regression discontinuity (Imbens & Lemieux 2008; Lee & Lemieux 2010): local linear regressions on each side
 * of the cutoff with a triangular kernel, the jump = right intercept − left intercept, the HC1 variances of the two
 * independent intercepts added, and a normal interval. No bias correction (Calonico, Cattaneo & Titiunik 2014):
 * with the wide rule-of-thumb bandwidth the interval assumes the regression is close to linear within it.
 *
 * The density check counts the points in the half-bandwidth on each side: if units can move themselves across the
 * cutoff (heaping just above a threshold that earns a better tier), the counts split unevenly. It is a crude
 * McCrary-style test: a steep density also splits them unevenly when n is large.
 */
export function regressionDiscontinuity(
  input: RegressionDiscontinuityInput,
  confidence = 0.95,
): RegressionDiscontinuityEstimate {
  const { running, outcome } = input;
  if (running.length !== outcome.length)
    throw new RangeError(
      `one outcome per running value: ${running.length} running values, ${outcome.length} outcomes`,
    );
  const cutoff = input.cutoff ?? 0;
  const bandwidth = input.bandwidth ?? ruleOfThumbBandwidth(running);
  if (!(bandwidth > 0 && Number.isFinite(bandwidth)))
    throw new RangeError(`regression discontinuity needs a positive bandwidth, got ${bandwidth}`);
  const left = fitSide(running, outcome, cutoff, bandwidth, (d) => d < 0, 'left');
  const right = fitSide(running, outcome, cutoff, bandwidth, (d) => d >= 0, 'right');
  const estimate = right.intercept - left.intercept;
  const standardError = Math.sqrt(left.variance + right.variance);

  let densityLeft = 0;
  let densityRight = 0;
  for (let i = 0; i < running.length; i++) {
    const d = (running[i] as number) - cutoff;
    if (d >= -bandwidth / 2 && d < 0) densityLeft++;
    else if (d >= 0 && d < bandwidth / 2) densityRight++;
  }
  return {
    estimate,
    standardError,
    ...normalInference(estimate, standardError, confidence),
    bandwidth,
    n: { left: left.n, right: right.n },
    density: {
      left: densityLeft,
      right: densityRight,
      pValue: binomialTestAtHalf(densityRight, densityLeft + densityRight),
    },
  };
}
