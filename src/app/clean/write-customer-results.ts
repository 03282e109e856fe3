import { customerMerges } from '../../contracts/data-model/system/customer-merges.js';
import { customerNormalised } from '../../contracts/data-model/system/customer-normalised.js';
import type { TableDef } from '../../contracts/data-model/table.js';
import type { CustomerProfile } from '../../domain/cleaning/customer-profile.js';
import type { MergeEntry } from '../../domain/cleaning/merge-clusters.js';
import type { SqlSession, TextRow } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import {
  createStagingSql,
  dropStagingSql,
  insertFromStagingSql,
  stagingName,
} from '../../sql/cleaning/staging.js';

/** Bulk-loads text rows into `table` through a staging table and the engine's bulk path. */
async function load(db: SqlSession, d: Dialect, table: TableDef, rows: readonly TextRow[]): Promise<void> {
  await db.run(dropStagingSql(d, table));
  await db.run(createStagingSql(d, table));
  await db.bulkLoad(
    stagingName(table),
    table.columns.map((c) => c.name),
    rows,
  );
  await db.run(insertFromStagingSql(d, table));
  await db.run(dropStagingSql(d, table));
}

/** Writes the normalised customers and the merge map, in the column order of their table definitions. */
export async function writeCustomerResults(
  db: SqlSession,
  d: Dialect,
  runId: string,
  profiles: readonly CustomerProfile[],
  merges: readonly MergeEntry[],
): Promise<void> {
  const normalisedRows = profiles.map((p): Record<string, string | null> => ({
    customer_id: p.record.customerId,
    name: p.name.name,
    brand: p.name.brand,
    branch: p.name.branch,
    address: p.address,
    phone: p.phone,
    run_id: runId,
  }));
  const mergeRows = merges.map((m): Record<string, string | null> => ({
    customer_id: m.customerId,
    survivor_id: m.survivorId,
    matched_with: m.matchedWith,
    rule: m.rule,
    score: String(m.score),
    evidence: JSON.stringify(m.evidence),
    run_id: runId,
  }));
  const asRows = (table: TableDef, records: Record<string, string | null>[]): TextRow[] =>
    records.map((r) => table.columns.map((c) => r[c.name] ?? null));
  await load(db, d, customerNormalised, asRows(customerNormalised, normalisedRows));
  await load(db, d, customerMerges, asRows(customerMerges, mergeRows));
}
