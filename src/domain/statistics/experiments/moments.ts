import { CompensatedSum } from '../../clv/compensated-sum.js';

/** Arithmetic mean with a compensated sum (NaN for no values). */
export function mean(values: ArrayLike<number>): number {
  const sum = new CompensatedSum();
  for (let i = 0; i < values.length; i++) sum.add(values[i] as number);
  return sum.value / values.length;
}

/**
 * Sample covariance (divisor n − 1) by the corrected two-pass algorithm (Chan, Golub & LeVeque 1983): deviations
 * from the means, plus a correction for the rounding left in the means, both summed with compensation. Unlike
 * Σab − n·āb̄, it does not cancel catastrophically when the values are large relative to their spread (GMV in yuan).
 */
export function covariance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (b.length !== n)
    throw new RangeError(`covariance of arrays of different lengths (${n} and ${b.length})`);
  if (n < 2) return NaN;
  const ma = mean(a);
  const mb = mean(b);
  const products = new CompensatedSum();
  const deviationsA = new CompensatedSum();
  const deviationsB = new CompensatedSum();
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    products.add(da * db);
    deviationsA.add(da);
    deviationsB.add(db);
  }
  return (products.value - (deviationsA.value * deviationsB.value) / n) / (n - 1);
}

/** Sample variance (divisor n − 1), corrected two-pass. */
export const variance = (values: ArrayLike<number>): number => covariance(values, values);
