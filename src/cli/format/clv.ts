import type { Backtest } from '../../app/clv/backtest-tiering.js';
import type { ClvPredictions, CustomerPrediction } from '../../app/clv/predict-clv.js';
import type { ClvEvaluation } from '../../contracts/clv/evaluation.js';
import type { FitResult } from '../../domain/clv/fit.js';
import { count, percent } from './numbers.js';

const MODEL_NAMES: Readonly<Record<string, string>> = {
  bgnbd: 'BG/NBD',
  pareto_nbd: 'Pareto/NBD',
  mbgnbd: 'MBG/NBD',
  gamma_gamma: 'Gamma-Gamma',
};

const params = (p: Readonly<Record<string, number>>) =>
  Object.entries(p)
    .map(([k, v]) => `${k} = ${v.toFixed(4)}`)
    .join(', ');

export function clvFitLines(f: FitResult): string[] {
  return [
    `${MODEL_NAMES[f.model] ?? f.model} fitted to ${count(f.customers)} customers${f.converged ? '' : ' (NOT converged)'} in ${f.iterations} iterations`,
    `  ${params(f.params)}`,
    `  log-likelihood ${f.logLikelihood.toFixed(2)}`,
  ];
}

export function clvEvaluationLines(e: ClvEvaluation): string[] {
  const r = e.repeatPurchases;
  return [
    `${MODEL_NAMES[e.model] ?? e.model} calibrated on ${e.calibration.from}…${e.calibration.to}, holdout to ${e.holdout.to} (${e.holdout.length.toFixed(1)} ${e.period === 'W' ? 'weeks' : 'days'}), ${count(e.customers)} customers`,
    `  ${params(e.params)}; log-likelihood ${e.logLikelihood.toFixed(2)}`,
    `  holdout repeat purchases: predicted ${r.predicted.toFixed(1)}, actual ${count(r.actual)} (${percent(r.ratio - 1, 1)})`,
    `  per customer: MAE ${e.perCustomer.meanAbsoluteError.toFixed(3)}, RMSE ${e.perCustomer.rootMeanSquaredError.toFixed(3)}, correlation ${e.perCustomer.correlation.toFixed(3)}`,
    '  by calibration repeat purchases (mean holdout purchases per customer):',
    '    x     customers  predicted  actual',
    ...e.byFrequency.map(
      (b) =>
        `    ${b.x.padEnd(5)} ${count(b.customers).padStart(9)}  ${b.predictedMean.toFixed(3).padStart(9)}  ${b.actualMean.toFixed(3).padStart(6)}`,
    ),
    ...(e.spend
      ? [
          `  Gamma-Gamma on ${count(e.spend.repeatBuyers)} repeat buyers: ${params(e.spend.params)}`,
          `  holdout revenue: predicted ${e.spend.revenue.predicted.toFixed(2)}, actual ${e.spend.revenue.actual.toFixed(2)} (${percent(e.spend.revenue.ratio - 1, 1)})`,
        ]
      : []),
  ];
}

export function clvPredictionLines(p: ClvPredictions, top: readonly CustomerPrediction[]): string[] {
  const money = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
  return [
    ...clvFitLines(p.transactionFit),
    ...(p.spendFit ? clvFitLines(p.spendFit) : ['  (no amounts: no Gamma-Gamma, no CLV)']),
    `Top ${top.length} of ${count(p.customers.length)} customers:`,
    '  customer          P(alive)  purchases  spend/purchase        CLV',
    ...top.map(
      (c) =>
        `  ${c.customerId.padEnd(16)} ${c.probabilityAlive.toFixed(3).padStart(9)}  ${c.expectedPurchases.toFixed(2).padStart(9)}  ${money(c.expectedSpend).padStart(14)}  ${money(c.clv).padStart(9)}`,
    ),
  ];
}

export function backtestLines(b: Backtest): string[] {
  return [
    `Models built as of ${b.asOf}, measured on the following ${b.followingDays} days: ${count(b.customers)} customers, revenue ${b.followingRevenue.toFixed(2)}`,
    '  model                 top 20 % revenue  top 20 % margin   Gini  Spearman',
    ...b.rows.map(
      (r) =>
        `  ${r.model.padEnd(21)} ${percent(r.top20RevenueShare).padStart(16)}  ${percent(r.top20MarginShare).padStart(15)}  ${r.gini.toFixed(3).padStart(5)}  ${r.spearman.toFixed(3).padStart(8)}`,
    ),
  ];
}
