import type { ChurnModelFile } from '../../contracts/churn/model.js';
import { predictChurn } from '../../domain/churn/churn-model.js';
import type { Engine } from '../../engines/engine.js';
import { churnRowsAt } from './churn-rows.js';

export interface ChurnScore {
  readonly customerId: string;
  /** P(no completed order in the model's window after the as-of date). */
  readonly probability: number;
  /** probability ≥ the model's threshold. */
  readonly flagged: boolean;
}

/**
 * P(churn) of every customer active as of `asOf` (by the model's population), riskiest first (then by id).
 * Features are computed as of that date in the engine, like a tiering run's.
 */
export async function scoreChurn(engine: Engine, file: ChurnModelFile, asOf: string): Promise<ChurnScore[]> {
  const rows = await churnRowsAt(engine, asOf, file.population, false);
  const p = predictChurn(file.model, rows.x);
  return rows.customerIds
    .map((customerId, i) => ({
      customerId,
      probability: p[i] as number,
      flagged: (p[i] as number) >= file.threshold,
    }))
    .sort((a, b) => b.probability - a.probability || (a.customerId < b.customerId ? -1 : 1));
}
