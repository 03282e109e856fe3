import type { SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import type { SqlQuery } from '../../sql/query.js';
import type { KeyLookup } from '../../sql/stream/lookup-keys-sql.js';
import type { FoundKeys } from './find-keys.js';
import {
  insertRowsSql,
  paymentsSql,
  type EventWrite,
  type InvoicePayment,
  type NewRow,
} from '../../sql/stream/apply-event-sql.js';

const keyId = (table: string, key: string): string => `${table}.${key}`;

/**
 * Writes a batch's events with few statements while keeping their order. Up front (its `lookups`, read with the
 * batch's other lookups in one statement), it learns which of the batch's new keys exist already and whom the rows
 * its events require belong to; the rows earlier events of the batch create count too (rows are never deleted and
 * never change hands, so that is each event's view in order). New rows are held back and inserted together, one
 * statement per table, then the updates run in event order: an update only touches a row that existed before its
 * event, so after every insert is the same. A `query` requirement sees everything before it: held work is written
 * first. Per-event statements cost a round trip each: ~1 ms on PostgreSQL, several ms on DuckDB.
 */
export class BatchWriter {
  /** Per table and key column: the values that exist, each with its customer (null for tables without one). */
  readonly #rows = new Map<string, Map<string, string | null>>();
  #held: NewRow[] = [];
  #payments: InvoicePayment[] = [];
  #updates: SqlQuery[] = [];

  private constructor(
    private readonly tx: SqlSession,
    private readonly d: Dialect,
  ) {}

  /** What `open` needs to know: per table and key column, which of the batch's values exist (and whose). */
  static lookups(writes: readonly EventWrite[]): KeyLookup[] {
    const wanted = new Map<string, { table: string; key: string; owned: boolean; values: Set<string> }>();
    const want = (table: string, key: string, value: string, owned: boolean) => {
      const id = `${keyId(table, key)}${owned ? '/owned' : ''}`;
      const entry = wanted.get(id) ?? { table, key, owned, values: new Set<string>() };
      entry.values.add(value);
      wanted.set(id, entry);
    };
    for (const w of writes) {
      for (const k of w.absent) want(k.table, k.key, k.value, false);
      for (const r of w.requires) if (r.kind === 'owned') want(r.table, r.key, r.value, true);
    }
    return [...wanted.values()].map(({ table, key, owned, values }) => ({
      table,
      key,
      values: [...values],
      with: owned ? 'customer_id' : null,
    }));
  }

  /** A writer for a batch, from what its `lookups` found (findKeys), in their order. */
  static open(
    tx: SqlSession,
    d: Dialect,
    lookups: readonly KeyLookup[],
    found: readonly FoundKeys[],
  ): BatchWriter {
    const writer = new BatchWriter(tx, d);
    for (const [i, { table, key, with: owner }] of lookups.entries()) {
      const known = writer.#row(table, key);
      for (const [k, c] of found[i] ?? [])
        if (owner !== null) known.set(k, c);
        else if (!known.has(k)) known.set(k, null);
    }
    return writer;
  }

  #row(table: string, key: string): Map<string, string | null> {
    const id = keyId(table, key);
    const known = this.#rows.get(id) ?? new Map<string, string | null>();
    this.#rows.set(id, known);
    return known;
  }

  /** Why the event cannot be applied, or null. */
  async rejection(write: EventWrite): Promise<string | null> {
    for (const a of write.absent) if (this.#row(a.table, a.key).has(a.value)) return a.reason;
    for (const r of write.requires) {
      if (r.kind === 'owned') {
        if (this.#row(r.table, r.key).get(r.value) !== r.customerId) return r.reason;
        continue;
      }
      await this.flush();
      if ((await this.tx.all(r.query)).length === 0) return r.reason;
    }
    return null;
  }

  /** Takes the event's writes (held until the next flush); its new keys now exist, as the customer's. */
  apply(write: EventWrite, customerId: string): void {
    for (const a of write.absent) this.#row(a.table, a.key).set(a.value, customerId);
    if (write.insert) this.#held.push(write.insert);
    if (write.payment) this.#payments.push(write.payment);
    this.#updates.push(...write.writes);
  }

  /**
   * Inserts the held rows, one statement per table (rows of one table keep their order), then the payments in one
   * statement (only they write invoices), then the other updates in event order.
   */
  async flush(): Promise<void> {
    const byTable = new Map<string, NewRow[]>();
    for (const row of this.#held) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row]);
    const payments = this.#payments;
    const updates = this.#updates;
    this.#held = [];
    this.#payments = [];
    this.#updates = [];
    for (const rows of byTable.values()) await this.tx.run(insertRowsSql(this.d, rows));
    if (payments.length > 0) await this.tx.run(paymentsSql(this.d, payments));
    for (const statement of updates) await this.tx.run(statement);
  }
}
