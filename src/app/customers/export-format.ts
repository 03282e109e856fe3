import { POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import type { Row } from '../../engines/engine.js';
import { customerItemOf } from './customer-item.js';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The CSV columns, in order: the customer row of the list API, flattened, with the policy columns. */
export const EXPORT_COLUMNS = [
  'customer_id',
  'name',
  'tier',
  'tier_reason',
  'score',
  'rank_pct',
  'segment',
  'tags',
  'city',
  'district',
  'customer_type',
  'cuisine',
  'chain_id',
  'monetary',
  'recency_days',
  'frequency',
  'contact_name',
  'phone',
  'address',
  'rep_id',
  'rep_name',
  'team',
  ...POLICY_COLUMNS,
] as const;

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
function csvField(value: unknown, column: string): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (Array.isArray(value)) text = value.join('|');
  else if (typeof value === 'number')
    text = column === 'monetary' || column === 'credit_limit' ? value.toFixed(2) : String(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The header line, after a UTF-8 byte order mark so that Excel reads the Chinese text right. */
export const csvHeaderLine = (): string => `\ufeff${EXPORT_COLUMNS.join(',')}\r\n`;

export const csvLine = (row: Row): string =>
  `${EXPORT_COLUMNS.map((c) => csvField(row[c], c)).join(',')}\r\n`;

/** One JSON object per line: the list API's customer item. */
export const jsonLine = (row: Row): string => `${JSON.stringify(customerItemOf(row))}\n`;
