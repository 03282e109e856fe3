import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { describe, expect, it } from 'vitest';
import { hyp2f1Unit } from './hyp2f1-unit.js';

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('hyp2f1Unit (₂F₁(1, b; c; z) for the Pareto/NBD)', () => {
  const out = new Float64Array(4);

  it.each([0, 0.1, 0.5, 0.9, 0.99])('matches the closed form ₂F₁(1, 1; 2; z) = −ln(1−z)/z at z = %d', (z) => {
    const exact = z === 0 ? 1 : -Math.log1p(-z) / z;
    expect(relative(hyp2f1Unit(1, 2, z, out)[0] as number, exact)).toBeLessThan(1e-14);
  });

  it('matches mpmath where the Pareto/NBD uses it, including x = 500', () => {
    // mpmath.hyp2f1 at 40 digits: (b, c) = (r+x, r+s+x+1) and (s+1, r+s+x+1) for r = 0.553, s = 0.606.
    const cases = [
      [2.553, 4.159, 0.3, 1.2332346437234483],
      [500.553, 502.159, 0.9, 9.724780824518495],
      [1.606, 502.159, 0.999, 1.0032116424357156],
    ] as const;
    for (const [b, c, z, exact] of cases)
      expect(relative(hyp2f1Unit(b, c, z, out)[0] as number, exact)).toBeLessThan(1e-13);
  });

  it('returns derivatives in b, c and z that match central differences', () => {
    const [b, c, z] = [2.4, 5.1, 0.7];
    const at = (bb: number, cc: number, zz: number) =>
      hyp2f1Unit(bb, cc, zz, new Float64Array(4))[0] as number;
    const h = 1e-6;
    const [, fb, fc, fz] = hyp2f1Unit(b, c, z, out);
    expect(fb).toBeCloseTo((at(b + h, c, z) - at(b - h, c, z)) / (2 * h), 6);
    expect(fc).toBeCloseTo((at(b, c + h, z) - at(b, c - h, z)) / (2 * h), 6);
    expect(fz).toBeCloseTo((at(b, c, z + h) - at(b, c, z - h)) / (2 * h), 6);
  });
});

describe('@stdlib hyp2f1 where the BG/NBD and MBG/NBD predictions use it', () => {
  it('matches the closed form ₂F₁(1, 1; 2; z) = −ln(1−z)/z up to z = 1 − 10⁻⁶', () => {
    for (const z of [0.1, 0.5, 0.9, 0.99, 0.999999])
      expect(relative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-14);
  });

  it('is accurate on the Euler-transformed arguments (a−1, a+b−1+k−r; a+b+x−1+k; z) for any x', () => {
    // mpmath at 40 digits, BG/NBD at the CDNOW estimates (r, a, b) = (0.243, 0.793, 2.426), k = 0, x = 0, 29, 499.
    const cases = [
      [-0.207, 1.976, 2.219, 0.5, 0.8836467308159791],
      [-0.207, 1.976, 31.219, 0.99, 0.9865215411406038],
      [-0.207, 1.976, 501.219, 0.999, 0.9991828190066326],
    ] as const;
    for (const [a, b, c, z, exact] of cases) expect(relative(hyp2f1(a, b, c, z), exact)).toBeLessThan(1e-12);
  });

  it('overflows on the untransformed arguments at x = 500, which is why they are transformed', () => {
    expect(hyp2f1(500.243, 502.426, 502.219, 0.9)).toBe(Infinity);
  });
});
