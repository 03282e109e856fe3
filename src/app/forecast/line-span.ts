import { stratumError } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import { transactionSpanSql } from '../../sql/clv/summary-sql.js';
import { orderLineTransactions } from '../../sql/forecast/line-transactions.js';

/** The first and last days with order lines of completed orders up to `latest`; NOT_FOUND when there are none. */
export async function lineSpan(
  engine: Engine,
  latest: string,
): Promise<{ firstDay: string; lastDay: string }> {
  const [span] = await engine.read(transactionSpanSql(orderLineTransactions(engine.dialect, latest)));
  if (!span || span.first_day === null)
    throw stratumError(
      'NOT_FOUND',
      `there are no order lines of completed orders up to ${latest}: import order_lines (and orders) first`,
      { what: 'order_lines', id: latest },
    );
  return { firstDay: String(span.first_day), lastDay: String(span.last_day) };
}
