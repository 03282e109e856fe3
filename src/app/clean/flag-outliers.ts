import type { SqlSession } from '../../engines/engine.js';
import { flagAmountOutliersSql } from '../../sql/cleaning/amount-outliers.js';
import { flagBrushingSql } from '../../sql/cleaning/brushing.js';
import { flagExcessRefundsSql, flagHugeRefundsSql } from '../../sql/cleaning/refund-outliers.js';
import type { Dialect } from '../../sql/dialects/dialect.js';

/**
 * The outlier rules, in the order they must run: brushing before amount outliers (whose baseline ignores
 * brushing orders), huge refunds before excess refunds (whose running total ignores huge ones).
 */
export const OUTLIER_STEPS = [
  { label: 'Flagging order brushing', build: flagBrushingSql },
  { label: 'Flagging order amount outliers', build: flagAmountOutliersSql },
  { label: 'Flagging huge refunds', build: flagHugeRefundsSql },
  { label: 'Flagging refunds above their order', build: flagExcessRefundsSql },
] as const;

export async function flagOutliers(
  db: SqlSession,
  d: Dialect,
  runId: string,
  onStep: (label: string) => void = () => {},
): Promise<void> {
  for (const step of OUTLIER_STEPS) {
    onStep(step.label);
    await db.run(step.build(d, runId));
  }
}
