import type { Explanation } from '../../app/tiering/explain-customer.js';
import { TAG_NAMES, TIER_NAMES } from '../../contracts/tiering/tiers.js';

const num = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));

export function explanationLines(e: Explanation): string[] {
  const tier = e.tier ? `${TIER_NAMES[e.tier].zh} ${TIER_NAMES[e.tier].en}` : 'no tier (inactive)';
  const out = [
    `${e.customerId}${e.name ? ` ${e.name}` : ''}${e.mergedFrom ? ` (merged from ${e.mergedFrom})` : ''}: ${tier}, score ${num(e.score)}${e.rankPct === null ? '' : `, top ${(100 * e.rankPct).toFixed(1)} %`}, by ${e.tierReason ?? '–'}`,
    `run ${e.runId} as of ${e.asOf}, model ${e.model}${e.pilot ? ` (pilot ${e.pilot})` : ''}${e.segment ? `, RFM segment ${e.segment}` : ''}`,
  ];
  if (e.change) out.push(`${e.change.en}`, `${e.change.zh}`);
  out.push('', 'feature               value   normalized  weight  contribution  change');
  for (const c of e.contributions)
    out.push(
      `${c.feature.padEnd(20)} ${num(c.value).padStart(8)}  ${num(c.normalized, 3).padStart(10)}  ${num(c.weight).padStart(6)}  ${num(c.contribution, 3).padStart(12)}  ${c.change === null ? '' : `${c.change >= 0 ? '+' : ''}${c.change.toFixed(3)}`}`,
    );
  if (e.boundaries.length)
    out.push(
      '',
      `Tier boundaries: ${e.boundaries.map((b) => `${TIER_NAMES[b.tier].en} ${num(b.minScore)}–${num(b.maxScore)}`).join(', ')}`,
    );
  out.push('', e.tags.length ? 'Tags:' : 'Tags: none');
  for (const t of e.tags)
    out.push(
      `  ${TAG_NAMES[t.tag].zh} ${TAG_NAMES[t.tag].en}: ${t.reason}${t.reasonZh ? ` / ${t.reasonZh}` : ''}`,
    );
  if (e.policy) {
    const p = e.policy;
    out.push(
      '',
      `Policy: ${p.service.dedicatedManager ? 'dedicated manager, ' : ''}delivery priority ${p.service.deliveryPriority}, ${p.service.visitsPerMonth} visits/month${p.service.customAssortment ? ', custom assortment' : ''}; discount ${p.price.discountPct} %, rebate ${p.price.rebatePct} %; ${p.credit.terms} terms, credit limit ¥${p.credit.creditLimit.toLocaleString('en-US')}, deposit ${p.credit.depositPct} %`,
    );
  }
  if (e.actions.length) out.push(`Actions triggered: ${e.actions.join(', ')}`);
  if (e.previous)
    out.push(
      `Previous run ${e.previous.runId}: ${e.previous.tier ?? 'no tier'}, score ${num(e.previous.score)}`,
    );
  return out;
}
