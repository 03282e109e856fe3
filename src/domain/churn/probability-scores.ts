/** Probabilities are clipped to [ε, 1 − ε] so that one confident miss costs a lot, not infinity. */
const EPSILON = 1e-15;

/** Mean negative log-likelihood of 0/1 labels under predicted probabilities (natural log). */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - EPSILON, Math.max(EPSILON, p[i] as number));
    sum -= (y[i] as number) === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return sum / p.length;
}

/** Mean squared difference between the predicted probability and the 0/1 outcome. */
export function brierScore(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += ((p[i] as number) - (y[i] as number)) ** 2;
  return sum / p.length;
}
