import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stratumError } from '../../contracts/errors.js';
import type { CustomerSummaries } from './customer-summaries.js';

/** Accepted names of each summary column: lifetimes' and the papers'. */
const NAMES = {
  id: ['id', 'ID', 'customer_id', 'CustomerID'],
  x: ['frequency', 'x'],
  tx: ['recency', 't_x'],
  T: ['T'],
  zbar: ['monetary_value', 'monetary', 'zbar'],
} as const;

const pick = (header: readonly string[], names: readonly string[]) => names.find((n) => header.includes(n));

/**
 * A ready summary (one row per customer: frequency/x, recency/t_x, T and optionally monetary/zbar) as
 * CustomerSummaries without holdout. Every value must be a finite number; the first bad one is an error naming
 * its line and column.
 */
export async function readSummaryFile(file: string): Promise<CustomerSummaries> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw stratumError('FILE_UNREADABLE', `cannot read ${file}`, { file });
  });
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<
    string,
    string
  >[];
  const header = Object.keys(rows[0] ?? {});
  const columns = { x: pick(header, NAMES.x), tx: pick(header, NAMES.tx), T: pick(header, NAMES.T) };
  const missing = Object.entries(columns)
    .filter(([, found]) => found === undefined)
    .map(([key]) => NAMES[key as keyof typeof columns].join('/'));
  if (rows.length === 0 || missing.length > 0)
    throw stratumError(
      'HEADER_MISSING_COLUMNS',
      `${file}: ${rows.length === 0 ? 'no rows' : `no column ${missing.join(', ')}`} (columns: ${header.join(', ')})`,
      { file, missing },
    );
  const idColumn = pick(header, NAMES.id);
  const zbarColumn = pick(header, NAMES.zbar);
  const number = (row: Record<string, string>, column: string, index: number) => {
    const v = Number(row[column]);
    if (row[column] === '' || !Number.isFinite(v))
      throw stratumError(
        'INVALID_ARGUMENT',
        `${file} line ${index + 2}, column ${column}: "${row[column]}" is not a number`,
        {
          field: column,
        },
      );
    return v;
  };
  const n = rows.length;
  const col = (name: string | undefined) =>
    name === undefined ? new Float64Array(n) : Float64Array.from(rows, (r, i) => number(r, name, i));
  const x = col(columns.x);
  return {
    customerId: rows.map((r, i) => (idColumn === undefined ? String(i + 1) : String(r[idColumn]))),
    x,
    tx: col(columns.tx),
    T: col(columns.T),
    zbar: zbarColumn === undefined ? new Float64Array(n).fill(Number.NaN) : col(zbarColumn),
    marginBar: new Float64Array(n).fill(Number.NaN),
    amountCalibration: new Float64Array(n).fill(Number.NaN),
    marginCalibration: new Float64Array(n).fill(Number.NaN),
    xHoldout: new Float64Array(n).fill(Number.NaN),
    amountHoldout: new Float64Array(n).fill(Number.NaN),
    marginHoldout: new Float64Array(n).fill(Number.NaN),
  };
}
