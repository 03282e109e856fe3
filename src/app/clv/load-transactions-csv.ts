import { access } from 'node:fs/promises';
import { stratumError } from '../../contracts/errors.js';
import type { SqlSession } from '../../engines/engine.js';
import {
  CSV_REJECTED,
  CSV_TRANSACTIONS,
  csvColumnsSql,
  csvRawSql,
  csvTypedSql,
  type CsvColumns,
} from '../../sql/clv/csv-transactions.js';
import type { TransactionSource } from '../../sql/clv/summary-sql.js';

export interface RejectedRow {
  readonly line: number;
  readonly field: string;
  readonly value: string | null;
}

export interface LoadedTransactions {
  readonly source: TransactionSource;
  readonly rows: number;
  /** Rows left out (a missing customer, a date or amount that does not parse), counted, the first few listed. */
  readonly rejected: { readonly count: number; readonly first: readonly RejectedRow[] };
}

const SHOWN_REJECTS = 5;

/**
 * Loads any transaction CSV into the DuckDB session's temp table clv_transactions. Rows that cannot be typed are
 * set aside and reported with their line and field; a file with no usable row is an error.
 */
export async function loadTransactionsCsv(
  session: SqlSession,
  file: string,
  columns: CsvColumns,
): Promise<LoadedTransactions> {
  await access(file).catch(() => {
    throw stratumError('FILE_UNREADABLE', `cannot read ${file}`, { file });
  });
  const present = (await session.all(csvColumnsSql(file))).map((r) => String(r.column_name));
  const wanted = [columns.customer, columns.date, ...(columns.amount === undefined ? [] : [columns.amount])];
  const missing = wanted.filter((c) => !present.includes(c));
  if (missing.length > 0)
    throw stratumError(
      'HEADER_MISSING_COLUMNS',
      `${file}: no column ${missing.map((m) => `"${m}"`).join(', ')} (columns: ${present.join(', ')})`,
      { file, missing },
    );
  await session.run(csvRawSql(file));
  for (const statement of csvTypedSql(columns)) await session.run(statement);
  const [counts] = await session.all(
    `SELECT (SELECT count(*) FROM ${CSV_TRANSACTIONS}) AS rows, (SELECT count(*) FROM ${CSV_REJECTED}) AS rejected`,
  );
  const rows = Number(counts?.rows ?? 0);
  const first = (
    await session.all(`SELECT line, field, value FROM ${CSV_REJECTED} LIMIT ${SHOWN_REJECTS}`)
  ).map((r) => ({
    line: Number(r.line),
    field: String(r.field),
    value: r.value === null ? null : String(r.value),
  }));
  if (rows === 0)
    throw stratumError(
      'NOTHING_LOADED',
      `${file}: no usable transaction${first[0] ? ` (line ${first[0].line}, field ${first[0].field}: "${first[0].value ?? ''}")` : ''}`,
      { file },
    );
  return {
    source: { relation: CSV_TRANSACTIONS },
    rows,
    rejected: { count: Number(counts?.rejected ?? 0), first },
  };
}
