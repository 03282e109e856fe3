import type { CleaningReport } from '../../contracts/cleaning-report.js';
import { MERGE_RULES } from '../../contracts/data-model/system/customer-merges.js';
import { ORDER_FLAG_RULES } from '../../contracts/data-model/system/order-flags.js';
import { REFUND_FLAG_RULES } from '../../contracts/data-model/system/refund-flags.js';
import type { CustomerProfile } from '../../domain/cleaning/customer-profile.js';
import { toHalfWidth } from '../../domain/cleaning/half-width.js';
import { toSimplified } from '../../domain/cleaning/simplified-chinese.js';
import type { DuplicateSearch } from '../../domain/cleaning/find-duplicates.js';
import type { SqlSession } from '../../engines/engine.js';
import {
  orderFlagExamplesSql,
  orderFlagSummarySql,
  refundFlagExamplesSql,
  refundFlagSummarySql,
} from '../../sql/cleaning/report-queries.js';
import type { Dialect } from '../../sql/dialects/dialect.js';

export const EXAMPLES_PER_RULE = 3;
const CUSTOMER_EXAMPLES = 5;

/** A handful of normalised names showing different changes: width, script, then brackets and spacing. */
function variedExamples(changed: readonly CustomerProfile[]): CustomerProfile[] {
  const kind = (p: CustomerProfile) =>
    toHalfWidth(p.record.name) !== p.record.name ? 0 : toSimplified(p.record.name) !== p.record.name ? 1 : 2;
  const byKind: CustomerProfile[][] = [[], [], []];
  for (const p of changed) byKind[kind(p)]?.push(p);
  const out: CustomerProfile[] = [];
  for (let i = 0; out.length < CUSTOMER_EXAMPLES && i < changed.length; i++)
    for (const list of byKind) {
      const p = list[i];
      if (p && out.length < CUSTOMER_EXAMPLES) out.push(p);
    }
  return out;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown): number => Number(v ?? 0);

/** The customer half of the report: normalisation and duplicates, from what matching computed in memory. */
export function customerReport(
  profiles: readonly CustomerProfile[],
  search: DuplicateSearch,
): Pick<CleaningReport, 'customers' | 'duplicates'> {
  const changed = profiles.filter((p) => p.name.name !== p.record.name.trim());
  const examples = variedExamples(changed).map((p) => ({
    customerId: p.record.customerId,
    raw: p.record.name,
    name: p.name.name,
    branch: p.name.branch,
  }));
  const byId = new Map(profiles.map((p) => [p.record.customerId, p]));
  return {
    customers: {
      total: profiles.length,
      namesNormalised: changed.length,
      branchesSplit: profiles.filter((p) => p.name.branch !== null).length,
      addressesNormalised: profiles.filter((p) => p.record.address !== null && p.address !== p.record.address)
        .length,
      examples,
    },
    duplicates: {
      candidatePairs: search.blocking.pairs,
      matchedPairs: search.matches.length,
      clusters: search.clusters,
      merged: search.merges.length,
      byRule: MERGE_RULES.map((rule) => ({
        rule,
        count: search.merges.filter((m) => m.rule === rule).length,
      })),
      examples: search.merges.slice(0, CUSTOMER_EXAMPLES).map((m) => ({
        customerId: m.customerId,
        name: byId.get(m.customerId)?.record.name ?? '',
        survivorId: m.survivorId,
        survivorName: byId.get(m.survivorId)?.record.name ?? '',
        rule: m.rule,
        score: m.score,
        evidence: m.evidence,
      })),
    },
  };
}

/** The outlier half of the report, read back from the flag tables. */
export async function outlierReport(
  db: SqlSession,
  d: Dialect,
): Promise<Pick<CleaningReport, 'orders' | 'refunds'>> {
  const orderSummary = await db.all(orderFlagSummarySql(d));
  const orderExamples = await db.all(orderFlagExamplesSql(d, EXAMPLES_PER_RULE));
  const refundSummary = await db.all(refundFlagSummarySql(d));
  const refundExamples = await db.all(refundFlagExamplesSql(d, EXAMPLES_PER_RULE));
  const orderRules = ORDER_FLAG_RULES.map((rule) => {
    const s = orderSummary.find((r) => r.rule === rule);
    return {
      rule,
      count: num(s?.n),
      groups: rule === 'brushing' ? num(s?.groups) : null,
      amount: num(s?.amount),
      examples: orderExamples
        .filter((r) => r.rule === rule)
        .map((r) => ({
          orderId: str(r.order_id),
          customerId: str(r.customer_id),
          groupId: r.group_id === null ? null : str(r.group_id),
          reason: str(r.reason),
        })),
    };
  });
  const refundRules = REFUND_FLAG_RULES.map((rule) => {
    const s = refundSummary.find((r) => r.rule === rule);
    return {
      rule,
      count: num(s?.n),
      amount: num(s?.amount),
      examples: refundExamples
        .filter((r) => r.rule === rule)
        .map((r) => ({ refundId: str(r.refund_id), orderId: str(r.order_id), reason: str(r.reason) })),
    };
  });
  return {
    orders: { flagged: orderRules.reduce((n, r) => n + r.count, 0), byRule: orderRules },
    refunds: { flagged: refundRules.reduce((n, r) => n + r.count, 0), byRule: refundRules },
  };
}
