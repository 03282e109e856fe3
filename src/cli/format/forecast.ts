import type {
  Accuracy,
  Forecast,
  ForecastWeek,
  MeasureEvaluation,
} from '../../contracts/forecast/forecast.js';
import { horizonTotals, type HorizonCell } from '../../domain/forecast/evaluate-holdout.js';
import { padEnd, padStart, width } from './columns.js';
import { count, percent, yuan } from './numbers.js';

const MODEL_NAMES: Readonly<Record<string, string>> = {
  bgnbd: 'BG/NBD',
  pareto_nbd: 'Pareto/NBD',
  mbgnbd: 'MBG/NBD',
};

const units = (x: number) => count(Math.round(x));
const pct = (x: number | null) => (x === null ? '–' : percent(x));

/** `stratum forecast` as text: what was fitted, the weekly totals, the largest cells and, in a holdout, the scores. */
export function forecastLines(f: Forecast, top: number): string[] {
  const holdout = f.evaluation !== null;
  return [
    `Demand forecast for ${f.weeks} week(s) after ${f.asOf}: ${MODEL_NAMES[f.model.kind] ?? f.model.kind} and Gamma-Gamma on ${count(f.model.customers)} customers${f.model.converged ? '' : ' (fit stopped short of the tolerance)'}`,
    `  ${levelLine(f)}`,
    `  ${f.tieringRun ? `tiers of run ${f.tieringRun.runId} (as of ${f.tieringRun.asOf})` : `no tiering run up to ${f.asOf}: every customer "untiered"`}`,
    `  category mix: each customer's last 365 days plus ${f.mixPseudoOrders} average orders of their cuisine`,
    '',
    ...weekTable(f.totals, holdout),
    '',
    ...topCells(f, top, holdout),
    ...(f.evaluation
      ? [
          '',
          `Holdout: forecast against what was ordered, cell by cell (${f.by.join(' × ') || 'totals'}); naive = each cell's mean week over the ${f.weeks} weeks before`,
          ...scoreTable('value', f.evaluation.value),
          ...scoreTable('quantity', f.evaluation.quantity),
        ]
      : []),
  ];
}

function levelLine(f: Forecast): string {
  const c = f.levelCorrection;
  switch (c.kind) {
    case 'applied':
      return `level ×${c.factor.toFixed(3)}: fitted on the history before ${c.from}, the model expected ${yuan(c.forecast)} from its customers in ${c.from}…${c.to}; they ordered ${yuan(c.actual)}`;
    case 'skipped':
      return `no level correction: ${c.reason}`;
    case 'off':
      return 'no level correction (turned off)';
  }
}

function weekTable(totals: readonly ForecastWeek[], holdout: boolean): string[] {
  const header = [
    'week',
    'from',
    'to',
    'value',
    'new customers',
    'quantity',
    ...(holdout ? ['actual', 'naive'] : []),
  ];
  const row = (cells: readonly string[]) =>
    cells.map((c, j) => (j < 3 ? padEnd(c, j === 0 ? 5 : 11) : padStart(c, 16))).join(' ');
  const line = (label: string, from: string, to: string, w: Omit<ForecastWeek, 'week' | 'from' | 'to'>) =>
    row([
      label,
      from,
      to,
      yuan(w.value),
      yuan(w.newCustomerValue),
      units(w.quantity),
      ...(holdout ? [yuan(w.actualValue ?? 0), yuan(w.naiveValue ?? 0)] : []),
    ]);
  const sum = (key: keyof ForecastWeek) => totals.reduce((s, w) => s + Number(w[key] ?? 0), 0);
  const first = totals[0];
  const last = totals[totals.length - 1];
  return [
    row(header),
    ...totals.map((w) => line(String(w.week), w.from, w.to, w)),
    ...(first && last
      ? [
          line('all', first.from, last.to, {
            value: sum('value'),
            newCustomerValue: sum('newCustomerValue'),
            quantity: sum('quantity'),
            actualValue: sum('actualValue'),
            naiveValue: sum('naiveValue'),
          }),
        ]
      : []),
  ];
}

function topCells(f: Forecast, top: number, holdout: boolean): string[] {
  const cells = horizonTotals(f.cells, f.by);
  if (f.by.length === 0 || top === 0) return [];
  const largest = [...cells].sort((a, b) => b.value - a.value).slice(0, top);
  const label = (c: HorizonCell) => f.by.map((d) => c[d] ?? '').join(' · ');
  const labelWidth = Math.max(...largest.map((c) => width(label(c))), 10);
  return [
    `The ${largest.length} largest of ${count(cells.length)} cells over the ${f.weeks} week(s) (${f.by.join(' · ')}):`,
    ...largest.map(
      (c) =>
        `  ${padEnd(label(c), labelWidth)} ${padStart(yuan(c.value), 16)} ${padStart(units(c.quantity), 12)} units` +
        (holdout ? `   actual ${yuan(c.actualValue ?? 0)}, naive ${yuan(c.naiveValue ?? 0)}` : ''),
    ),
  ];
}

function scoreTable(measure: string, e: MeasureEvaluation): string[] {
  const pair = (label: string, model: Accuracy, naive: Accuracy) =>
    `  ${padEnd(label, 18)} ${padStart(pct(model.wmape), 8)} ${padStart(pct(naive.wmape), 8)}   ${padStart(pct(model.mape), 8)} ${padStart(pct(naive.mape), 8)}   ${padStart(pct(model.bias), 8)} ${padStart(pct(naive.bias), 8)}`;
  return [
    `  ${padEnd(measure, 18)} ${padStart('WMAPE', 8)} ${padStart('', 8)}   ${padStart('MAPE', 8)} ${padStart('', 8)}   ${padStart('bias', 8)}`,
    `  ${padEnd('', 18)} ${['model', 'naive', '', 'model', 'naive', '', 'model', 'naive'].map((h, j) => (j === 2 || j === 5 ? '' : padStart(h, 8))).join(' ')}`,
    pair(`horizon (${count(e.horizon.model.cells)} cells)`, e.horizon.model, e.horizon.naive),
    ...e.byWeek.map((w) => pair(`week ${w.week}`, w.model, w.naive)),
    ...(e.byCategory.length ? ['  by category, over the horizon:'] : []),
    ...e.byCategory.map((c) => pair(`  ${c.category}`, c.model, c.naive)),
  ];
}
