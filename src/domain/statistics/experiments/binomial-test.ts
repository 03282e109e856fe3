import gammaln from '@stdlib/math-base-special-gammaln';
import { CompensatedSum } from '../../clv/compensated-sum.js';

/**
 * Exact two-sided binomial test of `successes` out of `trials` against p = 1/2 (as R's
 * `binom.test(successes, trials)`): the distribution is symmetric, so the p-value is twice the smaller tail.
 */
export function binomialTestAtHalf(successes: number, trials: number): number {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials)
    throw new RangeError(
      `binomial test needs whole numbers 0 ≤ successes ≤ trials, got ${successes} of ${trials}`,
    );
  const tailEnd = Math.min(successes, trials - successes);
  // The two tails meet: every outcome is at least as extreme as the one observed.
  if (2 * tailEnd + 1 >= trials) return 1;
  const logTotal = gammaln(trials + 1) - trials * Math.LN2;
  const tail = new CompensatedSum();
  for (let i = 0; i <= tailEnd; i++) tail.add(Math.exp(logTotal - gammaln(i + 1) - gammaln(trials - i + 1)));
  return Math.min(1, 2 * tail.value);
}
