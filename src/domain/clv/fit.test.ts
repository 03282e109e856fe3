import { describe, expect, it } from 'vitest';
import { cdnowCustomers } from '../../../test/fixtures/cdnow/load-cdnow.js';
import { ClvFitError, ClvInputError, fitTransactionModel, logLikelihood } from './fit.js';
import { groupHistories } from './histories.js';

const c = cdnowCustomers();
const { histories } = groupHistories(c.x, c.tx, c.T);
const sumOfSquares = (p: Readonly<Record<string, number>>) => Object.values(p).reduce((s, v) => s + v * v, 0);

describe('fitTransactionModel', () => {
  it('reports the unpenalised log-likelihood, equal to logLikelihood at the estimates', () => {
    const fit = fitTransactionModel('bgnbd', histories);
    expect(fit.logLikelihood).toBeCloseTo(logLikelihood('bgnbd', fit.params, histories), 10);
  });

  it('shrinks the parameters under an L2 penalty, at some cost in likelihood', () => {
    const plain = fitTransactionModel('bgnbd', histories);
    const penalised = fitTransactionModel('bgnbd', histories, { penalty: 0.01 });
    expect(penalised.converged).toBe(true);
    expect(sumOfSquares(penalised.params)).toBeLessThan(sumOfSquares(plain.params) * 0.8);
    expect(penalised.params.alpha).toBeLessThan(plain.params.alpha as number);
    expect(penalised.logLikelihood).toBeLessThan(plain.logLikelihood);
  });

  it('converges from another start to the same optimum', () => {
    const fit = fitTransactionModel('pareto_nbd', histories, { start: { r: 2, alpha: 0.5, s: 3, beta: 50 } });
    expect(fit.params.r).toBeCloseTo(0.553, 3);
    expect(fit.params.beta).toBeCloseTo(11.668, 2);
  });

  it('throws ClvFitError, saying what to try, when the iterations run out', () => {
    const run = () => fitTransactionModel('bgnbd', histories, { maxIterations: 3 });
    expect(run).toThrow(ClvFitError);
    expect(run).toThrow(
      /bgnbd fit did not converge after 3 iterations .*try more iterations \(maxIterations\)/,
    );
  });

  it('returns the unconverged point instead when allowUnconverged is set', () => {
    const fit = fitTransactionModel('bgnbd', histories, { maxIterations: 3, allowUnconverged: true });
    expect(fit).toMatchObject({ converged: false, iterations: 3 });
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });

  it('throws ClvFitError when the likelihood runs off to a boundary', () => {
    // Every repeat purchase on the last day: nobody ever seems to drop out, so a → 0.
    const h = {
      x: Float64Array.of(1, 2, 3, 0),
      tx: Float64Array.of(10, 10, 10, 0),
      T: new Float64Array(4).fill(10),
    };
    const run = () => fitTransactionModel('bgnbd', { ...h, weight: new Float64Array(4).fill(1) });
    expect(run).toThrow(ClvFitError);
    expect(run).toThrow(/ran off to a boundary/);
  });

  it('rejects data without repeat purchases, bad options and bad starts as input errors', () => {
    const none = {
      x: Float64Array.of(0),
      tx: Float64Array.of(0),
      T: Float64Array.of(5),
      weight: Float64Array.of(3),
    };
    expect(() => fitTransactionModel('bgnbd', none)).toThrow(ClvInputError);
    expect(() => fitTransactionModel('bgnbd', histories, { penalty: -1 })).toThrow(/penalty must be/);
    expect(() => fitTransactionModel('bgnbd', histories, { start: { r: 1, alpha: 1, a: 1 } })).toThrow(
      /parameter b is missing/,
    );
  });
});

describe('logLikelihood', () => {
  it('insists on the data that fits the model', () => {
    expect(() => logLikelihood('gamma_gamma', { p: 1, q: 2, v: 3 }, histories)).toThrow(/spend histories/);
    const spend = { x: Float64Array.of(1), zbar: Float64Array.of(10), weight: Float64Array.of(1) };
    expect(() => logLikelihood('bgnbd', { r: 1, alpha: 1, a: 1, b: 1 }, spend)).toThrow(
      /transaction histories/,
    );
  });
});
