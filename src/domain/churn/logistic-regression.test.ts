import { describe, expect, it } from 'vitest';
import { LogisticModelSchema } from '../../contracts/churn/model.js';
import { featureMatrix } from './feature-matrix.js';
import { rawDesign, standardised } from './logistic-design.js';
import { sigmoid } from './log-odds.js';
import { predictLogistic, trainLogistic } from './logistic-regression.js';
import { syntheticRows } from './synthetic-rows.js';

describe('trainLogistic', () => {
  it('reproduces the closed-form MLE of one binary feature: the observed rate in each group', () => {
    // x = 0: 3 of 10 positive; x = 1: 7 of 10. Unpenalised, p̂(x) is the group's rate.
    const rows = [...Array.from({ length: 10 }, () => [0]), ...Array.from({ length: 10 }, () => [1])];
    const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0];
    const model = trainLogistic({ x: featureMatrix(['x'], rows), y }, { l2: 0, transform: 'none' });
    const p = predictLogistic(model, featureMatrix(['x'], [[0], [1]]));
    expect(p[0]).toBeCloseTo(0.3, 9);
    expect(p[1]).toBeCloseTo(0.7, 9);
    // On the original scale the slope is logit(0.7) − logit(0.3).
    expect((model.coefficients[0] as number) / (model.scales[0] as number)).toBeCloseTo(
      2 * Math.log(7 / 3),
      9,
    );
  });

  it('solves the penalised score equations: Σ(y − p) = 0 and Σ(y − p) z_j = λ β_j', () => {
    const data = syntheticRows(400, 3, 11, ([a = 0, b = 0, c = 0]) => sigmoid(2 * a - 3 * b + 0.5 * c));
    const l2 = 2;
    const model = trainLogistic(data, { l2, transform: 'none' });
    const z = standardised(rawDesign(model, data.x), model.means, model.scales);
    const p = predictLogistic(model, data.x);
    const residual = Array.from(p, (pi, i) => (data.y[i] as number) - pi);
    expect(Math.abs(residual.reduce((s, r) => s + r, 0))).toBeLessThan(1e-8);
    z.forEach((column, j) => {
      const score = residual.reduce((s, r, i) => s + r * (column[i] as number), 0);
      expect(score).toBeCloseTo(l2 * (model.coefficients[j] as number), 8);
    });
    // The signs of the generating logit are recovered.
    expect(model.coefficients.slice(0, 3).map(Math.sign)).toEqual([1, -1, 1]);
  });

  it('imputes the training median with an indicator, so missingness itself can predict', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [i % 4 === 0 ? null : i % 7, i % 3]);
    const y = rows.map(([a], i) => (a === null ? 1 : i % 5 === 0 ? 1 : 0));
    const model = trainLogistic({ x: featureMatrix(['a', 'b'], rows), y });
    expect(model.indicators).toEqual([true, false]);
    expect(model.medians[0]).toBe(3);
    expect(model.coefficients).toHaveLength(3);
    const p = predictLogistic(
      model,
      featureMatrix(
        ['a', 'b'],
        [
          [null, 1],
          [3, 1],
        ],
      ),
    );
    expect(p[0]).toBeGreaterThan(0.8);
    expect(p[1]).toBeLessThan(0.4);
  });

  it('leaves a constant column at 0 and reads columns by name', () => {
    const data = syntheticRows(200, 2, 3, ([a = 0]) => sigmoid(4 * a - 2));
    const rows = Array.from({ length: 200 }, (_, i) => [5, data.x.values[i * 2] as number]);
    const model = trainLogistic({ x: featureMatrix(['k', 'x0'], rows), y: data.y });
    expect(model.coefficients[0]).toBe(0);
    const swapped = predictLogistic(model, featureMatrix(['x0', 'k'], [[0.9, 5]]));
    const straight = predictLogistic(model, featureMatrix(['k', 'x0'], [[5, 0.9]]));
    expect(swapped[0]).toBe(straight[0]);
  });

  it('round-trips through JSON and its schema', () => {
    const data = syntheticRows(100, 2, 4, ([a = 0]) => a);
    const model = trainLogistic(data);
    const back = LogisticModelSchema.parse(JSON.parse(JSON.stringify(model)));
    expect(predictLogistic(back, data.x)).toEqual(predictLogistic(model, data.x));
  });
});
