import type {
  ChurnEvaluation,
  ChurnRows,
  ModelReport,
  OperatingPoint,
} from '../../contracts/churn/evaluation.js';
import { count, percent } from './numbers.js';

const f3 = (x: number | null) => (x === null ? '–' : x.toFixed(3));
const f4 = (x: number) => x.toFixed(4);
const rowsLine = (r: ChurnRows) =>
  `${r.asOf}: ${count(r.customers)} customers, ${count(r.churned)} churned (${percent(r.baseRate)})`;
const point = (p: OperatingPoint) =>
  `precision ${f3(p.precision)}, recall ${f3(p.recall)}, F1 ${f3(p.f1)} (${count(p.flagged)} flagged)`;

/** `stratum churn evaluate` as text: both models side by side, the baselines, calibration and features. */
export function churnEvaluationLines(e: ChurnEvaluation): string[] {
  const p = e.population;
  const [gbdt, lr] = e.models;
  if (!gbdt || !lr) return [];
  const row = (label: string, a: string, b: string) =>
    `  ${label.padEnd(26)}${a.padStart(14)}${b.padStart(16)}`;
  const both = (label: string, get: (m: ModelReport) => string) => row(label, get(gbdt), get(lr));
  const b = e.baselines;
  return [
    `Churn = no completed order in the ${p.windowDays} days after the as-of date, among customers with an order in the ${p.activeDays} days up to it`,
    `Training (last order day ${e.dataEnd}):`,
    ...e.training.map((t) => `  ${rowsLine(t)}`),
    `  ${count(e.validationRows)} of these rows held out by customer for early stopping and the threshold`,
    `Test ${rowsLine(e.test)}`,
    '',
    row('', 'GBDT', 'logistic'),
    both('ROC AUC', (m) => f3(m.auc)),
    both('log-loss', (m) => f4(m.logLoss)),
    both('Brier score', (m) => f4(m.brier)),
    both('calibration error', (m) => f4(m.ece)),
    both('threshold (max F1)', (m) => f3(m.operatingPoint.threshold)),
    both('  flagged', (m) => count(m.operatingPoint.flagged)),
    both('  precision', (m) => f3(m.operatingPoint.precision)),
    both('  recall', (m) => f3(m.operatingPoint.recall)),
    both('  F1', (m) => f3(m.operatingPoint.f1)),
    both('riskiest 10 %: precision', (m) => f3(m.topDecile.precision)),
    both('               recall', (m) => f3(m.topDecile.recall)),
    both('size (trees / columns)', (m) => count(m.size)),
    '',
    `Baselines: days since the last order alone, AUC ${f3(b.recencyAuc)}${b.churnWarning ? `; churn_warning tag: ${point(b.churnWarning)}` : ''}`,
    '',
    'Calibration by decile of prediction (mean predicted / observed):',
    ...gbdt.calibration.map((bin, i) => {
      const other = lr.calibration[i];
      const pair = (x: { meanPredicted: number; observedRate: number } | undefined) =>
        x ? `${f3(x.meanPredicted)} / ${f3(x.observedRate)}` : '';
      return row(`  ${i + 1}`, pair(bin), pair(other));
    }),
    '',
    'Most important features (GBDT: share of split gain; logistic: share of |standardised coefficient|):',
    ...gbdt.importance.map((g, i) => {
      const l = lr.importance[i];
      const cell = (x: { feature: string; share: number } | undefined) =>
        x ? `${x.feature} ${percent(x.share)}` : '';
      return `  ${cell(g).padEnd(36)}${cell(l)}`;
    }),
  ];
}
