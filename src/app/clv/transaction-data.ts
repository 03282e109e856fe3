import { addDays, daysBetween } from '../../contracts/time/iso-date.js';
import type { Engine } from '../../engines/engine.js';
import { openEngine } from '../../engines/registry.js';
import type { CsvColumns } from '../../sql/clv/csv-transactions.js';
import { orderTransactions } from '../../sql/clv/order-transactions.js';
import { transactionSpanSql, type TransactionSource } from '../../sql/clv/summary-sql.js';
import { loadTransactionsCsv, type LoadedTransactions } from './load-transactions-csv.js';

/** Where the purchases come from: any transaction CSV, or the orders imported into a stratum database. */
export type TransactionInput =
  | { readonly kind: 'csv'; readonly file: string; readonly columns: CsvColumns }
  | { readonly kind: 'orders'; readonly engine: Engine; readonly asOf: string };

/** Purchases ready to summarise in an engine, with their span. */
export interface TransactionData {
  readonly engine: Engine;
  readonly source: TransactionSource;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly rows: number;
  /** CSV rows left out, or null for a database. */
  readonly rejected: LoadedTransactions['rejected'] | null;
}

/**
 * Runs `work` over the purchases: a CSV is loaded into an in-memory DuckDB that lives as long as `work`; a
 * database's orders are read where they are, up to the end of `asOf`.
 */
export async function withTransactionData<T>(
  input: TransactionInput,
  timeZone: string,
  work: (data: TransactionData) => Promise<T>,
): Promise<T> {
  if (input.kind === 'orders') {
    const source = orderTransactions(input.engine.dialect, input.asOf);
    return work({ engine: input.engine, source, rejected: null, ...(await spanOf(input.engine, source)) });
  }
  const engine = await openEngine({ kind: 'duckdb', path: ':memory:' }, { timeZone });
  try {
    const loaded = await loadTransactionsCsv(engine, input.file, input.columns);
    return await work({
      engine,
      source: loaded.source,
      rejected: loaded.rejected,
      ...(await spanOf(engine, loaded.source)),
    });
  } finally {
    await engine.close();
  }
}

async function spanOf(engine: Engine, source: TransactionSource) {
  const [span] = await engine.all(transactionSpanSql(source));
  if (!span || span.first_day === null)
    throw new Error('there are no purchases to fit (no completed orders up to the as-of date)');
  return { firstDay: String(span.first_day), lastDay: String(span.last_day), rows: Number(span.n) };
}

/** The default calibration end of an evaluation: the middle of the span, so that the holdout is as long as the calibration. */
export function midpoint(firstDay: string, lastDay: string): string {
  return addDays(firstDay, Math.floor(daysBetween(firstDay, lastDay) / 2));
}
