import { customerMerges } from '../../contracts/data-model/system/customer-merges.js';
import { customerNormalised } from '../../contracts/data-model/system/customer-normalised.js';
import type { TableDef } from '../../contracts/data-model/table.js';
import type { CustomerProfile } from '../../domain/cleaning/customer-profile.js';
import type { MergeEntry } from '../../domain/cleaning/merge-clusters.js';
import type { SqlSession, TextRow } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { loadTextRows } from '../load-text-rows.js';

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
  await loadTextRows(db, d, customerNormalised, asRows(customerNormalised, normalisedRows));
  await loadTextRows(db, d, customerMerges, asRows(customerMerges, mergeRows));
}
