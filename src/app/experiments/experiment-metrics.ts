import type { ExperimentMetric } from '../../contracts/experiments/experiment-spec.js';
import { DAYS_PER_MONTH } from '../../domain/experiments/policy-cost.js';
import type { Row } from '../../engines/engine.js';

/** A customer's value of a metric in one period of experimentOutcomesSql's row; NaN where it is undefined. */
export function metricValue(metric: ExperimentMetric, r: Row, period: 'pre' | 'post', days: number): number {
  const n = (column: string) => Number(r[`${column}_${period}`]);
  switch (metric) {
    case 'gmv':
      return n('gmv');
    case 'margin':
      return n('margin');
    case 'orders_per_month':
      return n('orders') / (days / DAYS_PER_MONTH);
    case 'repurchase':
      return n('orders') >= 2 ? 1 : 0;
    case 'churned':
      return n('orders') === 0 ? 1 : 0;
    case 'overdue_rate':
      return n('due') > 0 ? n('late') / n('due') : NaN;
  }
}
