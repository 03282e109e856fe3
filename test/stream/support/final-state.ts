import { complaints } from '../../../src/contracts/data-model/sources/complaints.js';
import { customers } from '../../../src/contracts/data-model/sources/customers.js';
import { disputes } from '../../../src/contracts/data-model/sources/disputes.js';
import { invoices } from '../../../src/contracts/data-model/sources/invoices.js';
import { orders } from '../../../src/contracts/data-model/sources/orders.js';
import { refunds } from '../../../src/contracts/data-model/sources/refunds.js';
import type { TableDef } from '../../../src/contracts/data-model/table.js';
import { ATTRIBUTES, FEATURE_NAMES } from '../../../src/contracts/tiering/features.js';
import { POLICY_COLUMNS } from '../../../src/contracts/tiering/pipeline-tables.js';
import type { Engine, Row } from '../../../src/engines/engine.js';
import { rowDifferences } from '../../support/value-difference.js';

/** The source tables events write to, compared whole. */
const WRITTEN_TABLES: readonly TableDef[] = [orders, refunds, invoices, complaints, disputes, customers];

/** stream_events without received_at (when it was applied). */
const EVENT_LOG_COLUMNS = [
  'event_id',
  'event_type',
  'customer_id',
  'occurred_at',
  'payload',
  'outcome',
  'reason',
];

/**
 * The columns of a customer's latest decision that follow from its data alone. Left out, as they depend on how
 * its events were batched: decision_no, cause_event_id, decided_at, and what compares with the decision before
 * (from_tier, changed, events, actions, candidate_streak: a stream decision keeps the streak of an unchanged
 * candidate, so intermediate decisions leave a trace in it).
 */
const DECISION_COLUMNS = [
  'customer_id',
  'run_id',
  'as_of',
  ...ATTRIBUTES,
  ...FEATURE_NAMES,
  'score',
  'model_scores',
  'terms',
  'segment',
  'rank_pct',
  'candidate_tier',
  'tier',
  'tier_reason',
  'tags',
  'tag_reasons',
  ...POLICY_COLUMNS,
];

export interface Compared {
  readonly name: string;
  readonly key: readonly string[];
  readonly rows: readonly Row[];
}

/** What the stream leaves behind in a database, each part in key order. */
export async function finalState(engine: Engine): Promise<Compared[]> {
  const q = (name: string) => engine.dialect.quoteIdent(name);
  const list = (columns: readonly string[]) => columns.map(q).join(', ');
  const tables = await Promise.all(
    WRITTEN_TABLES.map(async (t) => ({
      name: t.name,
      key: t.primaryKey,
      rows: await engine.all(`SELECT * FROM ${q(t.name)} ORDER BY ${list(t.primaryKey)}`),
    })),
  );
  const eventLog = await engine.all(`SELECT ${list(EVENT_LOG_COLUMNS)} FROM stream_events ORDER BY event_id`);
  const latest = await engine.all(
    `SELECT ${list(DECISION_COLUMNS)} FROM (
       SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY decision_no DESC) AS latest
       FROM stream_decisions) AS d
     WHERE latest = 1 ORDER BY customer_id`,
  );
  return [
    ...tables,
    { name: 'stream_events', key: ['event_id'], rows: eventLog },
    { name: 'latest stream_decisions', key: ['customer_id'], rows: latest },
  ];
}

/**
 * Where two final states differ, row by row (values as valueDifference compares them: floats within 1e-9);
 * empty when equal.
 */
export function stateDifferences(a: readonly Compared[], b: readonly Compared[]): string[] {
  return a.flatMap((part, i) => {
    const other = b[i]!;
    const keyOf = (r: Row) => part.key.map((k) => String(r[k])).join('/');
    const differences =
      part.rows.length === other.rows.length
        ? []
        : [`${part.name}: ${part.rows.length} rows vs ${other.rows.length}`];
    for (let r = 0; r < Math.min(part.rows.length, other.rows.length); r++) {
      const [x, y] = [part.rows[r]!, other.rows[r]!];
      if (keyOf(x) !== keyOf(y)) {
        differences.push(`${part.name} row ${r}: ${keyOf(x)} vs ${keyOf(y)}`);
        break; // the rest is shifted
      }
      differences.push(...rowDifferences(x, y).map((d) => `${part.name} ${keyOf(x)}: ${d}`));
    }
    return differences;
  });
}
