import type { CleaningReport } from '../../contracts/cleaning-report.js';

const n = (x: number) => x.toLocaleString('en-US');
const yuan = (x: number) => `¥${x.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

function evidenceText(e: CleaningReport['duplicates']['examples'][number]['evidence']): string {
  const parts = [`name ${e.nameSimilarity.toFixed(2)}`];
  if (e.addressSimilarity !== null) parts.push(`address ${e.addressSimilarity.toFixed(2)}`);
  if (e.distanceM !== null) parts.push(`${n(e.distanceM)} m apart`);
  if (e.samePhone) parts.push('same phone');
  if (e.branch !== 'none') parts.push(`branch ${e.branch.replace('_', ' ')}`);
  return parts.join(', ');
}

/** The report as terminal lines: counts by rule and a few examples of each. */
export function cleaningReportLines(r: CleaningReport): string[] {
  const c = r.customers;
  const dup = r.duplicates;
  const out = [
    `Cleaning run ${r.runId} (${(r.durationMs / 1000).toFixed(1)} s)`,
    '',
    `Customers: ${n(c.total)} read, ${n(c.namesNormalised)} names normalised, ${n(c.branchesSplit)} branch suffixes split, ${n(c.addressesNormalised)} addresses normalised`,
    ...c.examples.map((e) => `  ${e.customerId}  ${e.raw}  →  ${e.name}`),
    '',
    `Duplicates: ${n(dup.merged)} records merged into ${n(dup.clusters)} surviving customers (${n(dup.candidatePairs)} candidate pairs, ${n(dup.matchedPairs)} matched)`,
    `  by rule: ${dup.byRule.map((b) => `${b.rule} ${n(b.count)}`).join(', ')}`,
    ...dup.examples.map(
      (e) =>
        `  ${e.customerId} ${e.name}  →  ${e.survivorId} ${e.survivorName}  [${e.rule}, score ${e.score.toFixed(2)}: ${evidenceText(e.evidence)}]`,
    ),
    '',
    `Orders flagged: ${n(r.orders.flagged)}`,
  ];
  for (const rule of r.orders.byRule) {
    const bursts = rule.groups === null ? '' : ` in ${n(rule.groups)} bursts`;
    out.push(`  ${rule.rule}: ${n(rule.count)} orders${bursts} (${yuan(rule.amount)})`);
    for (const e of rule.examples) out.push(`    ${e.orderId} (${e.customerId}): ${e.reason}`);
  }
  out.push('', `Refunds flagged: ${n(r.refunds.flagged)}`);
  for (const rule of r.refunds.byRule) {
    out.push(`  ${rule.rule}: ${n(rule.count)} refunds (${yuan(rule.amount)})`);
    for (const e of rule.examples) out.push(`    ${e.refundId} (order ${e.orderId}): ${e.reason}`);
  }
  out.push(
    '',
    'Raw tables are unchanged; later stages read customers_clean, orders_clean, refunds_clean and the other *_clean views.',
  );
  return out;
}
