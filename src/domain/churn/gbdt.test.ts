import { describe, expect, it } from 'vitest';
import { GbdtModelSchema } from '../../contracts/churn/model.js';
import { featureMatrix } from './feature-matrix.js';
import { predictGbdt, trainGbdt } from './gbdt.js';
import { sigmoid } from './log-odds.js';
import { predictLogistic, trainLogistic } from './logistic-regression.js';
import { logLoss } from './probability-scores.js';
import { rocAuc } from './roc-auc.js';
import { syntheticRows } from './synthetic-rows.js';

describe('trainGbdt', () => {
  it('learns a threshold function', () => {
    const rule = ([a = 0]: readonly number[]) => (a > 0.3 ? 1 : 0);
    const train = syntheticRows(1000, 3, 1, rule, true);
    const test = syntheticRows(1000, 3, 2, rule, true);
    const { model } = trainGbdt(train, { rounds: 100 });
    const p = predictGbdt(model, test.x);
    const wrong = Array.from(p).filter((pi, i) => (pi >= 0.5 ? 1 : 0) !== test.y[i]).length;
    expect(wrong).toBeLessThan(10);
    expect(model.importance[0]).toBeGreaterThan(0.95);
  });

  it('learns XOR, which logistic regression cannot', () => {
    const xor = ([a = 0, b = 0]: readonly number[]) => (a > 0.5 !== b > 0.5 ? 1 : 0);
    const train = syntheticRows(2000, 2, 3, xor, true);
    const test = syntheticRows(1000, 2, 4, xor, true);
    const gbdt = rocAuc(predictGbdt(trainGbdt(train, { rounds: 200 }).model, test.x), test.y);
    const lr = rocAuc(predictLogistic(trainLogistic(train), test.x), test.y);
    expect(gbdt).toBeGreaterThan(0.98);
    expect(Math.abs(lr - 0.5)).toBeLessThan(0.1);
  });

  it('beats logistic regression on a noisy non-linear logit', () => {
    const logit = ([a = 0, b = 0, c = 0]: readonly number[]) =>
      sigmoid(3 * Math.sin(6 * a) + 4 * (b - 0.5) ** 2 * 4 - 2 + c);
    const train = syntheticRows(4000, 4, 5, logit);
    const valid = syntheticRows(1000, 4, 6, logit);
    const test = syntheticRows(2000, 4, 7, logit);
    const gbdt = predictGbdt(trainGbdt(train, {}, valid).model, test.x);
    const lr = predictLogistic(trainLogistic(train), test.x);
    expect(rocAuc(gbdt, test.y)).toBeGreaterThan(rocAuc(lr, test.y) + 0.05);
    expect(logLoss(gbdt, test.y)).toBeLessThan(logLoss(lr, test.y));
  });

  it('stops early on a validation split when trees stop helping', () => {
    const noise = () => 0.3;
    const fit = trainGbdt(syntheticRows(1000, 3, 8, noise), { rounds: 300 }, syntheticRows(500, 3, 9, noise));
    expect(fit.validationLoss.length).toBeLessThan(300);
    expect(fit.model.trees.length).toBeLessThan(fit.validationLoss.length);
    const best = Math.min(...fit.validationLoss);
    expect(fit.validationLoss[fit.model.trees.length - 1]).toBe(best);
  });

  it('is deterministic for a seed, and the seed matters with row subsampling', () => {
    const data = syntheticRows(800, 3, 10, ([a = 0, b = 0]) => sigmoid(4 * a - 4 * b));
    const one = JSON.stringify(trainGbdt(data, { rounds: 30, seed: 7 }).model);
    expect(JSON.stringify(trainGbdt(data, { rounds: 30, seed: 7 }).model)).toBe(one);
    expect(JSON.stringify(trainGbdt(data, { rounds: 30, seed: 8 }).model)).not.toBe(one);
  });

  it('learns a default direction for missing values, and predicts rows with NaN', () => {
    // Positive exactly when x0 is missing; x1 is noise.
    const rows = Array.from({ length: 600 }, (_, i) => [i % 3 === 0 ? null : (i % 17) / 17, (i % 5) / 5]);
    const y = rows.map(([a]) => (a === null ? 1 : 0));
    const { model } = trainGbdt({ x: featureMatrix(['x0', 'x1'], rows), y }, { rounds: 50 });
    const p = predictGbdt(
      model,
      featureMatrix(
        ['x0', 'x1'],
        [
          [null, 0.2],
          [0.5, 0.2],
          [null, null],
        ],
      ),
    );
    expect(p[0]).toBeGreaterThan(0.9);
    expect(p[1]).toBeLessThan(0.1);
    expect(Number.isFinite(p[2])).toBe(true);
  });

  it('round-trips through JSON and its schema, and reads columns by name', () => {
    const data = syntheticRows(500, 3, 12, ([a = 0]) => a);
    const { model } = trainGbdt(data, { rounds: 20 });
    const back = GbdtModelSchema.parse(JSON.parse(JSON.stringify(model)));
    expect(predictGbdt(back, data.x)).toEqual(predictGbdt(model, data.x));
    const reversed = featureMatrix(['x2', 'x1', 'x0'], [[0.1, 0.2, 0.9]]);
    const straight = featureMatrix(['x0', 'x1', 'x2'], [[0.9, 0.2, 0.1]]);
    expect(predictGbdt(model, reversed)).toEqual(predictGbdt(model, straight));
  });

  it('rejects a tree whose children do not follow their parent', () => {
    const tree = {
      feature: [0, -1],
      threshold: [0.5, null],
      missingLeft: [true, false],
      left: [0, -1],
      right: [1, -1],
      value: [0, 1],
    };
    expect(() =>
      GbdtModelSchema.parse({ kind: 'gbdt', features: ['a'], baseScore: 0, trees: [tree], importance: [1] }),
    ).toThrow(/children/);
  });
});
