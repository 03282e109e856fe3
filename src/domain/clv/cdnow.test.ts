import { describe, expect, it } from 'vitest';
import { cdnowCustomers, cdnowHoldoutPurchases } from '../../../test/fixtures/cdnow/load-cdnow.js';
import { fitGammaGamma, fitTransactionModel, logLikelihood, type FitResult } from './fit.js';
import { groupHistories } from './histories.js';
import { expectedPurchases, expectedPurchasesNew, expectedSpend, probabilityAlive } from './predict.js';

// Published maximum-likelihood estimates on the CDNOW calibration summary (2,357 customers, weeks); see
// test/fixtures/cdnow/README.md and docs/models.md.
const cdnow = cdnowCustomers();
const { histories } = groupHistories(cdnow.x, cdnow.tx, cdnow.T);

/** |estimate − published| ≤ 1.5 units of the published value's last digit. */
function expectPublished(fit: FitResult, published: Record<string, number>, decimals: number): void {
  for (const [name, value] of Object.entries(published))
    expect(Math.abs((fit.params[name] as number) - value), name).toBeLessThanOrEqual(1.5 * 10 ** -decimals);
}

describe('CDNOW reproduction', () => {
  it('has 2,357 customers in 1,016 distinct (x, tₓ, T) groups', () => {
    expect(cdnow.x.length).toBe(2357);
    expect(histories.x.length).toBe(1016);
  });

  it('BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL −9582.4 (Fader, Hardie & Lee 2005)', () => {
    const fit = fitTransactionModel('bgnbd', histories);
    expect(fit).toMatchObject({ model: 'bgnbd', customers: 2357, converged: true });
    expectPublished(fit, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('Pareto/NBD: r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL −9595.0 (FHL 2005)', () => {
    const fit = fitTransactionModel('pareto_nbd', histories);
    expect(fit.converged).toBe(true);
    expectPublished(fit, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
  });

  it('MBG/NBD: r = 0.525, α = 6.183, a = 0.891, b = 1.614 (Batislam et al. 2007)', () => {
    const fit = fitTransactionModel('mbgnbd', histories);
    expect(fit.converged).toBe(true);
    expectPublished(fit, { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 3);
  });

  it('Gamma-Gamma on the 946 repeat buyers: p = 6.25, q = 3.74, v = 15.44 (Fader & Hardie 2013)', () => {
    const repeaters = [...cdnow.x.keys()].filter((i) => (cdnow.x[i] as number) > 0);
    expect(repeaters.length).toBe(946);
    const spend = {
      x: Float64Array.from(repeaters, (i) => cdnow.x[i] as number),
      zbar: Float64Array.from(repeaters, (i) => cdnow.zbar[i] as number),
      weight: new Float64Array(repeaters.length).fill(1),
    };
    const fit = fitGammaGamma(spend);
    expect(fit).toMatchObject({ model: 'gamma_gamma', customers: 946, converged: true });
    expectPublished(fit, { p: 6.25, q: 3.74 }, 2);
    // The likelihood is flat along v: the exact optimum on this data is v = 15.4477 (lifetimes prints 15.45), and
    // the note's 15.44 is 0.0015 log-likelihood units below it.
    expect(Math.abs((fit.params.v as number) - 15.44)).toBeLessThanOrEqual(0.01);
    expect(
      fit.logLikelihood - logLikelihood('gamma_gamma', { p: 6.25, q: 3.74, v: 15.44 }, spend),
    ).toBeLessThan(0.002);
    expect(fit.logLikelihood).toBeGreaterThan(
      logLikelihood('gamma_gamma', { p: 6.25, q: 3.74, v: 15.44 }, spend),
    );

    // Conditional expected spend shrinks each z̄ toward the population mean p·v/(q−1) ≈ $35.2.
    const expected = expectedSpend(fit.params, spend.x, spend.zbar);
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(spend.zbar)).toBeCloseTo(35.08, 2);
    expect(mean(expected)).toBeCloseTo(35.2, 0);
    const { p, q, v } = fit.params as { p: number; q: number; v: number };
    expect(expectedSpend(fit.params, [0], [0])[0]).toBeCloseTo((p * v) / (q - 1), 10);
  });
});

describe('CDNOW predictions', () => {
  const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

  it('expects 1.226 purchases in 39 weeks from the customer with x = 2, tₓ = 30.43, T = 38.86 (FHL 2005)', () => {
    expect(cdnow.x[0]).toBe(2);
    expect(cdnow.tx[0]).toBe(30.43);
    expect(cdnow.T[0]).toBe(38.86);
    expect(expectedPurchases('bgnbd', bg, 39, [2], [30.43], [38.86])[0]).toBeCloseTo(1.226, 3);
  });

  // At the published estimates the models under-forecast the holdout (1,882 repeat purchases in weeks 40–78) by
  // 12–16 %: the parameters and FHL's 1.226 above are reproduced, so this is the models' forecast on this data, not
  // a computation error (on simulated BG/NBD data the same computation is within 0.4 %, simulate.test.ts).
  it.each([
    ['bgnbd', 1653.4],
    ['pareto_nbd', 1665.5],
    ['mbgnbd', 1576.7],
  ] as const)('%s forecasts %d of the 1,882 holdout repeat purchases', (kind, total) => {
    const actual = cdnowHoldoutPurchases();
    expect(actual.reduce((s, v) => s + v, 0)).toBe(1882);
    const { params } = fitTransactionModel(kind, histories);
    const expected = expectedPurchases(kind, params, 39, cdnow.x, cdnow.tx, cdnow.T);
    const predicted = expected.reduce((s, v) => s + v, 0);
    expect(predicted).toBeCloseTo(total, 0);
    expect(predicted / 1882 - 1).toBeGreaterThan(-0.17);
    expect(predicted / 1882 - 1).toBeLessThan(-0.1);
  });

  it('BG/NBD: the forecast agrees with the unconditional one, and is right for customers with no repeat purchase', () => {
    const actual = cdnowHoldoutPurchases();
    const expected = expectedPurchases('bgnbd', bg, 39, cdnow.x, cdnow.tx, cdnow.T);
    // Σ E[Y(39) | history] against Σ (E[X(T+39)] − E[X(T)]), which ignores the histories: equal in expectation.
    let unconditional = 0;
    for (const T of cdnow.T)
      unconditional += expectedPurchasesNew('bgnbd', bg, T + 39) - expectedPurchasesNew('bgnbd', bg, T);
    expect(Math.abs(expected.reduce((s, v) => s + v, 0) / unconditional - 1)).toBeLessThan(0.01);
    // The 1,411 customers with x = 0: 0.225 forecast each, 0.237 actual.
    const zeros = [...cdnow.x.keys()].filter((i) => cdnow.x[i] === 0);
    const mean = (v: ArrayLike<number>) => zeros.reduce((s, i) => s + (v[i] as number), 0) / zeros.length;
    expect(zeros.length).toBe(1411);
    expect(mean(expected)).toBeCloseTo(0.225, 3);
    expect(mean(actual)).toBeCloseTo(0.237, 3);
  });

  it('P(alive) is lower for the customer who has not bought for longer', () => {
    const alive = probabilityAlive('bgnbd', bg, [2, 2], [30.43, 5], [38.86, 38.86]);
    expect(alive[0]).toBeGreaterThan(alive[1] as number);
  });
});
