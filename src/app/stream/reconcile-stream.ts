import { FEATURE_NAMES, type FeatureName } from '../../contracts/tiering/features.js';
import type { Tier } from '../../contracts/tiering/tiers.js';
import {
  reconcile,
  type SideOf,
  type StreamReconciliation,
} from '../../domain/tiering/stream/reconciliation.js';
import type { Row, SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { decidedCountSql, differingTiersSql } from '../../sql/stream/reconcile-sql.js';

function sideOf(r: Row, prefix: 's' | 'b'): SideOf {
  const value = (c: string) => r[`${prefix}_${c}`];
  return {
    tier: (value('tier') as Tier | null) ?? null,
    candidateTier: (value('candidate_tier') as Tier | null) ?? null,
    tierReason: (value('tier_reason') as string | null) ?? null,
    features: Object.fromEntries(
      FEATURE_NAMES.map((f) => [f, value(f) === null ? null : Number(value(f))]),
    ) as Record<FeatureName, number | null>,
  };
}

/**
 * Compares what the stream decided against the previous run with what a new run decided from the same data:
 * how many customers agree, and why the others differ. Null when the stream decided nothing since that run.
 */
export async function reconcileStream(
  tx: SqlSession,
  d: Dialect,
  runId: string,
  previousRunId: string,
): Promise<StreamReconciliation | null> {
  const [count] = await tx.all(decidedCountSql(d, previousRunId));
  const decided = Number(count?.n ?? 0);
  if (decided === 0) return null;
  const rows = await tx.all(differingTiersSql(d, runId, previousRunId));
  return reconcile(
    decided,
    rows.map((r) => ({
      customerId: String(r.customer_id),
      stream: sideOf(r, 's'),
      batch: r.in_run === true ? sideOf(r, 'b') : null,
    })),
  );
}
