import type { ChurnModel } from '../../contracts/churn/model.js';
import { Rng } from '../generation/prng.js';
import { predictChurn } from './churn-model.js';
import { selectRows, stackRows, type FeatureMatrix } from './feature-matrix.js';
import { trainGbdt, type GbdtOptions } from './gbdt.js';
import { trainLogistic, type LogisticOptions } from './logistic-regression.js';
import { bestF1Threshold } from './threshold-metrics.js';

/** Rows of one as-of date: a row per customer. */
export interface CustomerRows {
  readonly customerIds: readonly string[];
  readonly x: FeatureMatrix;
  readonly y: ArrayLike<number>;
}

export interface FitOptions {
  /** Share of the customers whose rows are held out for early stopping and the threshold. */
  readonly validationShare: number;
  readonly seed: number;
  readonly gbdt?: Partial<GbdtOptions>;
  readonly logistic?: Partial<LogisticOptions>;
}

/** A model and its operating threshold: P(churn) ≥ threshold is flagged. */
export interface FittedModel {
  readonly model: ChurnModel;
  readonly threshold: number;
}

export interface FittedModels {
  readonly gbdt: FittedModel;
  readonly logistic: FittedModel;
  readonly validationRows: number;
}

/**
 * Trains both models on the rows of the training as-of dates. A seeded share of the customers is held out with
 * all their rows (a customer's rows at several dates are alike, so holding out rows alone would leak): the
 * boosting stops early on them, and each model's threshold is the one that maximises F1 on them.
 */
export function fitChurnModels(parts: readonly CustomerRows[], options: FitOptions): FittedModels {
  const ids = parts.flatMap((p) => p.customerIds);
  const customers = new Rng(options.seed).shuffle([...new Set(ids)].sort());
  const held = new Set(customers.slice(0, Math.ceil(options.validationShare * customers.length)));
  const x = stackRows(parts.map((p) => p.x));
  const y = Uint8Array.from(parts.flatMap((p) => Array.from(p.y)));
  const [train, valid] = [false, true].map((side) => {
    const rows = ids.flatMap((id, i) => (held.has(id) === side ? [i] : []));
    return { x: selectRows(x, rows), y: rows.map((r) => y[r] as number) };
  }) as [{ x: FeatureMatrix; y: number[] }, { x: FeatureMatrix; y: number[] }];
  const fitted = (model: ChurnModel): FittedModel => ({
    model,
    threshold: bestF1Threshold(predictChurn(model, valid.x), valid.y),
  });
  return {
    gbdt: fitted(trainGbdt(train, { seed: options.seed, ...options.gbdt }, valid).model),
    logistic: fitted(trainLogistic(train, options.logistic)),
    validationRows: valid.x.rows,
  };
}
