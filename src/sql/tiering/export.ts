import { ATTRIBUTES, FEATURE_NAMES } from '../../contracts/tiering/features.js';
import { POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** One row per customer of a run: tier, score, tags (joined with |), policy, features. */
export function exportSnapshotSql(d: Dialect, runId: string): SqlQuery {
  const q = d.quoteIdent;
  const columns = [
    'run_id',
    'customer_id',
    'tier',
    'tier_reason',
    'score',
    'segment',
    'rank_pct',
    ...POLICY_COLUMNS,
    ...ATTRIBUTES,
    ...FEATURE_NAMES,
  ].map(q);
  return sql(
    `SELECT ${columns.join(', ')}, array_to_string(tags, '|') AS tags FROM tier_snapshots WHERE run_id = ${d.param(1)} ORDER BY customer_id`,
    [runId],
  );
}
