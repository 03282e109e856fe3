/**
 * DuckDB statements that read any transaction CSV (plain or .gz) for `stratum clv fit --transactions`: every cell
 * as text with its 1-based line number, then typed purchases and the rows that could not be typed. DuckDB-only
 * (read_csv): a standalone fit runs on an in-memory DuckDB whatever the configured engine.
 */
export interface CsvColumns {
  readonly customer: string;
  readonly date: string;
  readonly amount?: string | undefined;
  /** strptime format of the date column, e.g. %Y%m%d; default: ISO dates or timestamps. */
  readonly dateFormat?: string | undefined;
}

export const CSV_RAW = 'clv_csv_raw';
export const CSV_TRANSACTIONS = 'clv_transactions';
export const CSV_REJECTED = 'clv_rejected';

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export const csvColumnsSql = (file: string): string =>
  `SELECT column_name FROM (DESCRIBE SELECT * FROM read_csv(${literal(file)}, header = true, all_varchar = true))`;

export function csvRawSql(file: string): string {
  // Line 1 is the header; insertion order is preserved, so row_number() counts lines.
  return `CREATE OR REPLACE TEMP TABLE ${CSV_RAW} AS
SELECT row_number() OVER () + 1 AS line, *
FROM read_csv(${literal(file)}, header = true, all_varchar = true)`;
}

function dateExpr(value: string, format: string | undefined): string {
  if (format !== undefined) return `CAST(TRY_STRPTIME(${value}, ${literal(format)}) AS DATE)`;
  return `COALESCE(TRY_CAST(${value} AS DATE), CAST(TRY_CAST(${value} AS TIMESTAMP) AS DATE))`;
}

/** Typed rows of the raw table with, per row, the first field that fails (NULL when none). */
function typedSql(c: CsvColumns): string {
  const customer = `trim(${ident(c.customer)})`;
  const date = `trim(${ident(c.date)})`;
  const amount = c.amount === undefined ? undefined : `trim(${ident(c.amount)})`;
  const amountValue = amount === undefined ? '0' : `TRY_CAST(${amount} AS DOUBLE)`;
  return `SELECT line, ${customer} AS customer_id, ${dateExpr(date, c.dateFormat)} AS day, ${amountValue} AS amount,
       CASE WHEN ${customer} IS NULL OR ${customer} = '' THEN ${literal(c.customer)}
            WHEN ${dateExpr(date, c.dateFormat)} IS NULL THEN ${literal(c.date)}
            ${amount === undefined ? '' : `WHEN ${amountValue} IS NULL OR NOT isfinite(${amountValue}) THEN ${literal(c.amount as string)}`}
       END AS bad_field,
       ${customer} AS customer_text, ${date} AS date_text, ${amount ?? 'CAST(NULL AS VARCHAR)'} AS amount_text
FROM ${CSV_RAW}`;
}

export function csvTypedSql(c: CsvColumns): string[] {
  return [
    `CREATE OR REPLACE TEMP TABLE clv_csv_typed AS ${typedSql(c)}`,
    `CREATE OR REPLACE TEMP TABLE ${CSV_TRANSACTIONS} AS
SELECT customer_id, day, amount, CAST(NULL AS DOUBLE) AS margin FROM clv_csv_typed WHERE bad_field IS NULL`,
    `CREATE OR REPLACE TEMP TABLE ${CSV_REJECTED} AS
SELECT line, bad_field AS field,
       CASE bad_field WHEN ${literal(c.customer)} THEN customer_text WHEN ${literal(c.date)} THEN date_text ELSE amount_text END AS value
FROM clv_csv_typed WHERE bad_field IS NOT NULL ORDER BY line`,
    'DROP TABLE clv_csv_typed',
    `DROP TABLE ${CSV_RAW}`,
  ];
}
