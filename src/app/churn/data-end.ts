import { stratumError } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import { lastOrderDaySql } from '../../sql/churn/churn-population-sql.js';

/** The last day with a completed order: outcomes are known up to it. */
export async function lastOrderDay(engine: Engine): Promise<string> {
  const [row] = await engine.all(lastOrderDaySql(engine.dialect));
  if (row?.last_day === null || row?.last_day === undefined)
    throw stratumError('NOT_FOUND', 'there are no completed orders to learn churn from', {
      what: 'orders',
      id: 'completed',
    });
  return String(row.last_day);
}
