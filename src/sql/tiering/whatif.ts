import { PIPELINE_TABLES, POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import type { Dialect } from '../dialects/dialect.js';

/**
 * Keeps what a what-if compares of the pipeline's last table (tier, score, policy) under another name, so that a
 * second configuration can run beside it; `append` adds a further segment's rows (a pilot's) to the kept ones.
 */
export function keepTaggedSql(d: Dialect, as: string, append: boolean): string {
  const columns = ['customer_id', 'score', 'tier', ...POLICY_COLUMNS].map(d.quoteIdent).join(', ');
  const select = `SELECT ${columns} FROM ${d.quoteIdent(PIPELINE_TABLES.tagged)}`;
  return append
    ? `INSERT INTO ${d.quoteIdent(as)} ${select}`
    : `${d.tempTable} ${d.quoteIdent(as)} AS ${select}`;
}

/** Tier movements from the current configuration's result to the candidate's, per customer. */
export function whatIfMigrationSql(d: Dialect, current: string, candidate: string): string {
  const q = d.quoteIdent;
  return `SELECT coalesce(a.tier, 'excluded') AS from_tier, coalesce(b.tier, 'excluded') AS to_tier, count(*) AS customers
    FROM ${q(current)} a JOIN ${q(candidate)} b ON a.customer_id = b.customer_id GROUP BY 1, 2`;
}

/** A sample of customers whose tier the candidate changes, largest purchases first. */
export function whatIfMovedSql(d: Dialect, current: string, candidate: string, limit: number): string {
  const q = d.quoteIdent;
  return `SELECT a.customer_id, a.tier AS from_tier, b.tier AS to_tier, a.score AS from_score, b.score AS to_score
    FROM ${q(current)} a JOIN ${q(candidate)} b ON a.customer_id = b.customer_id
    JOIN ${q('tiering_features')} f ON f.customer_id = a.customer_id
    WHERE a.tier IS DISTINCT FROM b.tier
    ORDER BY f.monetary DESC NULLS LAST, a.customer_id LIMIT ${Math.max(0, Math.floor(limit))}`;
}
