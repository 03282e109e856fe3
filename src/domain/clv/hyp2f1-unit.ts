const MAX_TERMS = 100_000;

/**
 * ₂F₁(1, b; c; z) = Σₙ (b)ₙ/(c)ₙ zⁿ for 0 < b < c and 0 ≤ z < 1, with its partial derivatives, written into
 * `out` as [F, ∂F/∂b, ∂F/∂c, ∂F/∂z].
 *
 * Why not the general ₂F₁: this is the Pareto/NBD likelihood's function after Euler's transformation, and in this form
 * every term is positive and smaller than z times the one before, so the series has no cancellation, cannot overflow
 * (F < 1/(1−z)) and carries its own derivatives for an analytic gradient. The general routine returns NaN or ∞ for
 * the untransformed arguments once x reaches a few hundred.
 */
export function hyp2f1Unit(b: number, c: number, z: number, out: Float64Array): Float64Array {
  let term = 1;
  let termZ = 0;
  let sumB = 0; // Σₖ<ₙ 1/(b+k) = ∂ ln(term)/∂b
  let sumC = 0;
  let f = 0;
  let fb = 0;
  let fc = 0;
  let fz = 0;
  const tail = Number.EPSILON * (1 - z);
  for (let n = 0; n < MAX_TERMS; n++) {
    f += term;
    fb += term * sumB;
    fc -= term * sumC;
    fz += termZ;
    if (term * (n + 1) <= tail * f) break;
    const ratio = (b + n) / (c + n);
    termZ = ratio * (term + z * termZ);
    term *= ratio * z;
    sumB += 1 / (b + n);
    sumC += 1 / (c + n);
  }
  out[0] = f;
  out[1] = fb;
  out[2] = fc;
  out[3] = fz;
  return out;
}
