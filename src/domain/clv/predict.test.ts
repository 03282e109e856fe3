import { describe, expect, it } from 'vitest';
import { ClvInputError } from './errors.js';
import {
  customerLifetimeValue,
  expectedPurchases,
  expectedPurchasesNew,
  expectedSpend,
  probabilityAlive,
} from './predict.js';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const MBG = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const PNBD = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const GG = { p: 6.25, q: 3.74, v: 15.44 };
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const first = (a: Float64Array) => a[0] as number;

describe('expectedPurchases (conditional)', () => {
  // References by mpmath at 40 digits: BG/NBD and MBG/NBD with the untransformed ₂F₁ of the papers; Pareto/NBD by
  // quadrature of E[λ]·E[(1 − e^−μt)/μ]·P(alive) over the posterior.
  it.each([
    [39, 2, 30.43, 38.86, 1.2260281747671404, 1.262960623267356, 1.455123193257602],
    [39, 0, 0, 38.86, 0.1950980520112629, 0.15401274667514656, 0.10708146821530883],
    [10, 29, 38.71, 38.86, 6.0670488851028495, 5.8285633243738015, 5.642371121568555],
  ])('t = %d, x = %d, tₓ = %d, T = %d', (t, x, tx, T, bg, mbg, pnbd) => {
    expect(relative(first(expectedPurchases('bgnbd', BG, t, [x], [tx], [T])), bg)).toBeLessThan(1e-12);
    expect(relative(first(expectedPurchases('mbgnbd', MBG, t, [x], [tx], [T])), mbg)).toBeLessThan(1e-12);
    expect(relative(first(expectedPurchases('pareto_nbd', PNBD, t, [x], [tx], [T])), pnbd)).toBeLessThan(
      1e-12,
    );
  });

  it('handles x = 700, where the papers’ ₂F₁ overflows', () => {
    expect(
      relative(first(expectedPurchases('bgnbd', BG, 78, [700], [38], [38.86])), 0.5592911047335332),
    ).toBeLessThan(1e-10);
    expect(
      relative(first(expectedPurchases('mbgnbd', MBG, 78, [700], [38], [38.86])), 0.7995551081014687),
    ).toBeLessThan(1e-10);
  });

  it.each(['bgnbd', 'mbgnbd'] as const)('%s: continuous through a = 1, where the formula is 0/0', (kind) => {
    const at = (a: number) => first(expectedPurchases(kind, { ...BG, a }, 39, [2], [30.43], [38.86]));
    expect(Number.isFinite(at(1))).toBe(true);
    expect(at(1)).toBeCloseTo((at(0.999) + at(1.001)) / 2, 6);
    expect(at(1)).toBeGreaterThan(Math.min(at(0.999), at(1.001)));
    expect(at(1)).toBeLessThan(Math.max(at(0.999), at(1.001)));
  });

  it.each(['bgnbd', 'mbgnbd', 'pareto_nbd'] as const)('%s: 0 at t = 0, and growing with t', (kind) => {
    const params = { bgnbd: BG, mbgnbd: MBG, pareto_nbd: PNBD }[kind];
    const at = (t: number) => first(expectedPurchases(kind, params, t, [3], [20], [38]));
    expect(at(0)).toBe(0);
    expect(at(1e-6)).toBeGreaterThan(0);
    expect(at(1e-6)).toBeLessThan(1e-5);
    expect(at(10)).toBeLessThan(at(20));
  });
});

describe('expectedPurchasesNew (unconditional)', () => {
  it.each([
    [1, 0.053267891171658636, 0.05308479526370162, 0.050979843245990884],
    [39, 1.196723193320814, 1.1829536655971713, 1.2130028442810157],
    [78, 1.8605190579427653, 1.804757577553149, 1.9093981293136852],
    [500, 4.8878681552910646, 4.34731533781262, 5.319040272798147],
  ])('t = %d matches the closed forms (mpmath)', (t, bg, mbg, pnbd) => {
    expect(relative(expectedPurchasesNew('bgnbd', BG, t), bg)).toBeLessThan(1e-12);
    expect(relative(expectedPurchasesNew('mbgnbd', MBG, t), mbg)).toBeLessThan(1e-12);
    expect(relative(expectedPurchasesNew('pareto_nbd', PNBD, t), pnbd)).toBeLessThan(1e-12);
  });

  it('Pareto/NBD at s = 1 is the limit rβ/α · ln(1 + t/β)', () => {
    const at = { ...PNBD, s: 1 };
    expect(expectedPurchasesNew('pareto_nbd', at, 39)).toBeCloseTo(
      (0.553 * 11.669 * Math.log1p(39 / 11.669)) / 10.578,
      12,
    );
  });
});

describe('probabilityAlive', () => {
  it('BG/NBD: 1 at x = 0 (nobody drops out before a repeat purchase), the closed form otherwise', () => {
    expect(Array.from(probabilityAlive('bgnbd', BG, [0, 0], [0, 0], [1, 38]))).toEqual([1, 1]);
    const { r, alpha, a, b } = BG;
    const closed = 1 / (1 + (a / (b + 2 - 1)) * ((alpha + 38.86) / (alpha + 30.43)) ** (r + 2));
    expect(first(probabilityAlive('bgnbd', BG, [2], [30.43], [38.86]))).toBeCloseTo(closed, 14);
  });

  it('MBG/NBD: below 1 even at x = 0, since a customer may drop out right after the first purchase', () => {
    const { r, alpha, a, b } = MBG;
    const closed = 1 / (1 + (a / b) * ((alpha + 38) / alpha) ** r);
    expect(first(probabilityAlive('mbgnbd', MBG, [0], [0], [38]))).toBeCloseTo(closed, 14);
    expect(closed).toBeLessThan(0.5);
  });

  it('Pareto/NBD: below 1 at x = 0, and 1 when the last purchase is at T', () => {
    expect(first(probabilityAlive('pareto_nbd', PNBD, [0], [0], [38.86]))).toBeCloseTo(
      0.29528660461689404,
      13,
    );
    expect(first(probabilityAlive('pareto_nbd', PNBD, [4], [38.86], [38.86]))).toBe(1);
  });

  it('validates the histories and parameters', () => {
    expect(() => probabilityAlive('bgnbd', BG, [1], [5], [4])).toThrow(ClvInputError);
    expect(() => probabilityAlive('bgnbd', { ...BG, a: -1 }, [1], [1], [4])).toThrow(/parameter a must be/);
    expect(() => probabilityAlive('bgnbd', { r: 1, alpha: 1, a: 1 }, [1], [1], [4])).toThrow(
      /parameter b is missing/,
    );
    expect(() => probabilityAlive('nope' as 'bgnbd', BG, [1], [1], [4])).toThrow(
      /unknown transaction model "nope"/,
    );
  });
});

describe('expectedSpend', () => {
  it('is p(v + x z̄)/(px + q − 1), shrinking z̄ toward the population mean pv/(q−1)', () => {
    const spend = expectedSpend(GG, [2, 0, 20], [22.35, 0, 22.35]);
    expect(spend[0]).toBeCloseTo((6.25 * (15.44 + 2 * 22.35)) / (6.25 * 2 + 3.74 - 1), 12);
    expect(spend[1]).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    // More transactions, more weight on the customer's own mean.
    expect(Math.abs((spend[2] as number) - 22.35)).toBeLessThan(Math.abs((spend[0] as number) - 22.35));
  });

  it('rejects a repeat buyer without a positive z̄', () => {
    expect(() => expectedSpend(GG, [1], [0])).toThrow(/customer 0: zbar must be positive/);
  });
});

describe('customerLifetimeValue', () => {
  const input = { x: [2, 0, 7], tx: [30.43, 0, 35], T: [38.86, 38.86, 38.86], zbar: [22.35, 0, 40] };
  const spend = expectedSpend(GG, input.x, input.zbar);

  it('undiscounted, is E[Y(horizon × periodLength)] × E[Z] × margin', () => {
    const clv = customerLifetimeValue('bgnbd', BG, GG, input, {
      horizon: 12,
      periodLength: 4.345,
      discountRate: 0,
      margin: 0.3,
    });
    const purchases = expectedPurchases('bgnbd', BG, 12 * 4.345, input.x, input.tx, input.T);
    for (let i = 0; i < 3; i++)
      expect(clv[i]).toBeCloseTo((purchases[i] as number) * (spend[i] as number) * 0.3, 10);
  });

  it('discounts period k by (1 + d)^k', () => {
    const one = customerLifetimeValue('pareto_nbd', PNBD, GG, input, {
      horizon: 1,
      periodLength: 4,
      discountRate: 0.1,
    });
    const purchases = expectedPurchases('pareto_nbd', PNBD, 4, input.x, input.tx, input.T);
    expect(one[0]).toBeCloseTo(((purchases[0] as number) * (spend[0] as number)) / 1.1, 10);
    const two = customerLifetimeValue('pareto_nbd', PNBD, GG, input, {
      horizon: 2,
      periodLength: 4,
      discountRate: 0.1,
    });
    const both = expectedPurchases('pareto_nbd', PNBD, 8, input.x, input.tx, input.T);
    const second = ((both[0] as number) - (purchases[0] as number)) * (spend[0] as number);
    expect(two[0]).toBeCloseTo((one[0] as number) + second / 1.1 ** 2, 10);
  });

  it('reproduces lifetimes’ README example (BG/NBD + Gamma-Gamma on CDNOW, 12 periods of 30, 1 % per period)', () => {
    // lifetimes fits (r, α, a, b) = (0.2426, 4.4135, 0.7929, 2.4258) and (p, q, v) = (6.2488, 3.7446, 15.4477); its
    // README prints 140.096218, 18.943466 and 38.180575 for customers 1–3.
    const clv = customerLifetimeValue(
      'bgnbd',
      { r: 0.24259290620366683, alpha: 4.413531539589405, a: 0.7928861457743269, b: 2.4257534319313514 },
      { p: 6.248802499201257, q: 3.7445884512466905, v: 15.447747973063162 },
      { x: [2, 1, 0], tx: [30.43, 1.71, 0], T: [38.86, 38.86, 38.86], zbar: [22.35, 11.77, 0] },
      { horizon: 12, periodLength: 30, discountRate: 0.01 },
    );
    expect(clv[0]).toBeCloseTo(140.096218, 4);
    expect(clv[1]).toBeCloseTo(18.943466, 4);
    expect(clv[2]).toBeCloseTo(38.180575, 4);
  });

  it('rejects a horizon that is not a whole number of periods', () => {
    const bad = () =>
      customerLifetimeValue('bgnbd', BG, GG, input, { horizon: 0.5, periodLength: 4, discountRate: 0 });
    expect(bad).toThrow(/horizon must be a whole number of periods/);
  });
});
