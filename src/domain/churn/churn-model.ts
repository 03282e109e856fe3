import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import type { ChurnModel } from '../../contracts/churn/model.js';
import type { FeatureMatrix } from './feature-matrix.js';
import { predictGbdt } from './gbdt.js';
import { predictLogistic } from './logistic-regression.js';

/** P(churn) per row of `x` under either kind of model. */
export function predictChurn(model: ChurnModel, x: FeatureMatrix): Float64Array {
  switch (model.kind) {
    case 'gbdt':
      return predictGbdt(model, x);
    case 'logistic':
      return predictLogistic(model, x);
    default:
      return assertUnreachable(model, 'churn model');
  }
}
