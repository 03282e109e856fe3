import type { ChurnRows, ModelReport } from '../../contracts/churn/evaluation.js';
import type { ChurnModel } from '../../contracts/churn/model.js';
import { scoreReport } from './score-report.js';

/** The report of one model's test predictions `p`, with its `top` most important features. */
export function modelReport(
  model: ChurnModel,
  threshold: number,
  p: ArrayLike<number>,
  y: ArrayLike<number>,
  top = 10,
): ModelReport {
  const importance = model.features
    .map((feature, i) => ({ feature, share: model.importance[i] as number }))
    .sort((a, b) => b.share - a.share)
    .slice(0, top);
  return {
    model: model.kind,
    size: model.kind === 'gbdt' ? model.trees.length : model.coefficients.length,
    ...scoreReport(p, y, threshold),
    importance,
  };
}

/** Customers, churned and the base rate of one as-of date's rows. */
export function rowCounts(asOf: string, y: ArrayLike<number>): ChurnRows {
  let churned = 0;
  for (let i = 0; i < y.length; i++) churned += y[i] as number;
  return { asOf, customers: y.length, churned, baseRate: y.length === 0 ? 0 : churned / y.length };
}
