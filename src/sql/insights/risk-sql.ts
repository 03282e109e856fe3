import type { CustomerScope } from '../../contracts/access/principal.js';
import { TAG_FEATURES } from '../../contracts/tiering/tag-features.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { scopeConditionSql } from '../api/customers/scope-sql.js';
import { SqlParams } from '../api/customers/sql-params.js';

/** Customers of a run with a tag, within the caller's scope (owner `o`). */
export function taggedCountSql(d: Dialect, runId: string, tag: string, scope: CustomerScope): SqlQuery {
  const p = new SqlParams(d);
  return sql(
    `SELECT count(*) AS n FROM tier_snapshots s
LEFT JOIN ${d.quoteIdent('customer_owners_clean')} o ON o.customer_id = s.customer_id
WHERE s.run_id = ${p.add(runId)} AND array_position(s.tags, ${p.add(tag)}) IS NOT NULL
  AND ${scopeConditionSql(scope, p)}`,
    p.values,
  );
}

/** Tags, their reasons, the triggered actions and the features tag reasons quote, of some customers of a run. */
export function tagDetailsSql(d: Dialect, runId: string, customerIds: readonly string[]): SqlQuery {
  const p = new SqlParams(d);
  const run = p.add(runId);
  const ids = customerIds.map((id) => p.add(id));
  const features = TAG_FEATURES.map((f) => d.quoteIdent(f)).join(', ');
  return sql(
    `SELECT customer_id, tier, tags, tag_reasons, actions, pilot, ${features}
FROM tier_snapshots WHERE run_id = ${run} AND customer_id IN (${ids.length ? ids.join(', ') : 'NULL'})`,
    p.values,
  );
}

/** The action tasks recorded for some customers of a run. */
export function actionTasksSql(d: Dialect, runId: string, customerIds: readonly string[]): SqlQuery {
  const p = new SqlParams(d);
  const run = p.add(runId);
  const ids = customerIds.map((id) => p.add(id));
  return sql(
    `SELECT customer_id, action, status, note, updated_by, updated_at FROM ${d.quoteIdent('action_tasks')}
WHERE run_id = ${run} AND customer_id IN (${ids.length ? ids.join(', ') : 'NULL'})`,
    p.values,
  );
}
