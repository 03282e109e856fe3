import { describe, expect, it } from 'vitest';
import { cdnowCustomers } from '../../../test/fixtures/cdnow/load-cdnow.js';
import { centralDifferenceGradient } from '../optimise/numeric-gradient.js';
import { bgnbd, mbgnbd } from './bgnbd.js';
import { gammaGammaLogLikelihood } from './gamma-gamma.js';
import { groupHistories, type Histories } from './histories.js';
import { paretoNbd } from './pareto-nbd.js';
import { prepareHistories } from './prepared-histories.js';

const c = cdnowCustomers();
const cdnow = prepareHistories(groupHistories(c.x, c.tx, c.T).histories);
const one = (x: number, tx: number, T: number): Histories => ({
  x: Float64Array.of(x),
  tx: Float64Array.of(tx),
  T: Float64Array.of(T),
  weight: Float64Array.of(1),
});

describe('analytic gradients', () => {
  // Away from the optimum, with α > β and α < β for the Pareto/NBD's two branches.
  it.each([
    ['BG/NBD', bgnbd, [0.4, 3, 1.2, 1.7]],
    ['MBG/NBD', mbgnbd, [0.4, 3, 1.2, 1.7]],
    ['Pareto/NBD, α < β', paretoNbd, [0.4, 8, 0.9, 15]],
    ['Pareto/NBD, α > β', paretoNbd, [0.4, 15, 0.9, 6]],
    ['Pareto/NBD, α = β', paretoNbd, [0.4, 9, 0.9, 9]],
  ] as const)('%s matches central differences', (_, model, at) => {
    const theta = Float64Array.from(at);
    const gradient = new Float64Array(4);
    const value = model.logLikelihood(theta, cdnow, gradient);
    expect(Number.isFinite(value)).toBe(true);
    const numeric = centralDifferenceGradient((t) => model.logLikelihood(t, cdnow, null), theta);
    for (let k = 0; k < 4; k++) expect(gradient[k]).toBeCloseTo(numeric[k] as number, 3);
  });

  it('Gamma-Gamma matches central differences', () => {
    const repeaters = [...c.x.keys()].filter((i) => (c.x[i] as number) > 0);
    const spend = {
      x: Float64Array.from(repeaters, (i) => c.x[i] as number),
      zbar: Float64Array.from(repeaters, (i) => c.zbar[i] as number),
      weight: new Float64Array(repeaters.length).fill(1),
    };
    const theta = Float64Array.of(3, 2, 30);
    const gradient = new Float64Array(3);
    gammaGammaLogLikelihood(theta, spend, gradient);
    const numeric = centralDifferenceGradient((t) => gammaGammaLogLikelihood(t, spend, null), theta);
    for (let k = 0; k < 3; k++) expect(gradient[k]).toBeCloseTo(numeric[k] as number, 3);
  });
});

describe('Pareto/NBD likelihood', () => {
  // ln L and P(alive) from the defining integral L = Γ(r+x)αʳβˢ/Γ(r) · [(α+T)^−(r+x)(β+T)^−s +
  // s∫_tₓ^T (α+τ)^−(r+x)(β+τ)^−(s+1) dτ], by mpmath quadrature at 40 digits (no hypergeometric function involved).
  const published = Float64Array.of(0.553, 10.578, 0.606, 11.669);
  const swapped = Float64Array.of(0.553, 12, 0.606, 5);
  it.each([
    ['α < β', 0, 0, 38.86, -0.5210462940808901, 0.29528660461689404, published],
    ['α < β', 2, 30.43, 38.86, -9.554283245150405, 0.8691675591530111, published],
    ['α < β', 1, 1.71, 27, -4.357222181270344, 0.27564258709568595, published],
    ['α < β', 29, 38.71, 38.86, -45.58707480679391, 0.9981168135271306, published],
    ['α < β', 300, 30, 38.86, 293.163474557515, 0, published],
    ['α < β', 5, 38.86, 38.86, -17.675812865215708, 1, published],
    ['α > β', 0, 0, 38.86, -0.3675559039712414, 0.17428934574430907, swapped],
    ['α > β', 2, 30.43, 38.86, -9.96226612763057, 0.8498541912559706, swapped],
    ['α > β', 29, 38.71, 38.86, -46.78289430361278, 0.9978330537958011, swapped],
    ['α > β', 300, 30, 38.86, 282.68086657930115, 0, swapped],
  ] as const)('%s, x = %d, tₓ = %d, T = %d: matches direct integration', (_, x, tx, T, ll, alive, theta) => {
    expect(paretoNbd.logLikelihood(theta, prepareHistories(one(x, tx, T)), null)).toBeCloseTo(ll, 9);
    expect(paretoNbd.probabilityAlive(theta, x, tx, T)).toBeCloseTo(alive, 12);
  });
});

describe('BG/NBD likelihood', () => {
  it('stays finite where the naive formula overflows (x = 2,000; Hardie’s #NUM! note)', () => {
    const theta = Float64Array.of(0.243, 4.414, 0.793, 2.426);
    const ll = bgnbd.logLikelihood(theta, prepareHistories(one(2000, 38, 39)), null);
    expect(Number.isFinite(ll)).toBe(true);
    // (α+T)^(r+x) alone is 10^3300.
    expect(2000.243 * Math.log10(4.414 + 39)).toBeGreaterThan(3000);
  });

  it('is −9582.4 at the published CDNOW estimates', () => {
    expect(bgnbd.logLikelihood(Float64Array.of(0.243, 4.414, 0.793, 2.426), cdnow, null)).toBeCloseTo(
      -9582.4,
      0,
    );
  });
});
