import { SOURCE_TABLES } from '../../contracts/data-model/sources/index.js';
import { ByteSink } from './byte-sink.js';

/** Output tables by position, in SOURCE_TABLES order (checked by a test). */
export const T = {
  regions: 0,
  customers: 1,
  orders: 2,
  orderLines: 3,
  refunds: 4,
  invoices: 5,
  complaints: 6,
  disputes: 7,
  contracts: 8,
  creditRatings: 9,
  reps: 10,
  customerOwners: 11,
  surveyResponses: 12,
} as const;

export const TABLE_NAMES: readonly string[] = SOURCE_TABLES.map((t) => t.name);

/** The CSV bytes of every table being written, with row counts. */
export class RowBuffer {
  readonly rows: number[] = TABLE_NAMES.map(() => 0);
  private readonly sinks: ByteSink[] = TABLE_NAMES.map(() => new ByteSink());

  /** The sink to write one more row of `table` to (the caller ends it with `end()`). */
  row(table: number): ByteSink {
    this.rows[table] = (this.rows[table] as number) + 1;
    return this.sinks[table] as ByteSink;
  }

  /** The bytes of each table as chunks, in order. */
  drain(): Uint8Array[][] {
    return this.sinks.map((s) => s.drain());
  }
}

/** The header line of a table: its canonical column names in TableDef order. */
export function csvHeader(table: number): string {
  const def = SOURCE_TABLES[table];
  if (!def) throw new Error(`no table ${table}`);
  return `${def.columns.map((c) => c.name).join(',')}\n`;
}
