import type { TieringConfig } from '../../../contracts/tiering/config.js';
import { quotaEdges } from '../../../contracts/tiering/quota-edges.js';
import { TIERS } from '../../../contracts/tiering/tiers.js';
import { caseOf, num, text } from './literals.js';

type TiersConfig = TieringConfig['tiers'];

/** 0 = platinum … 3 = bronze. */
export const tierIndexSql = (expr: string): string =>
  caseOf(
    expr,
    TIERS.map((t, i) => [text(t), String(i)] as const),
  );

/**
 * The quota tier of `pos` among `n`: cumulative counts floor(n·edge/100 + 0.5), in DOUBLE PRECISION (an integer
 * `n · edge / 100` would be truncated by PostgreSQL's integer division).
 */
export function quotaTierSql(tiers: TiersConfig, pos: string, n: string): string {
  const [, p, pg, pgs] = quotaEdges(tiers.quotas);
  const upTo = (edge: number) =>
    `${pos} <= floor(CAST(${n} AS DOUBLE PRECISION) * ${num(edge)} / 100 + ${num(0.5)})`;
  return `CASE WHEN ${pos} IS NULL THEN NULL WHEN ${upTo(p)} THEN 'platinum' WHEN ${upTo(pg)} THEN 'gold' WHEN ${upTo(pgs)} THEN 'silver' ELSE 'bronze' END`;
}

/** The rule tier: quota tier lowered by minScore; for inactive customers bronze or NULL. */
export function ruleTierSql(tiers: TiersConfig, quota: string, score: string, pos: string): string {
  const meets = (t: 'platinum' | 'gold' | 'silver') => {
    const min = tiers.minScore[t];
    return min === undefined ? 'TRUE' : `${score} >= ${num(min)}`;
  };
  const inactive = tiers.inactive === 'bronze' ? `'bronze'` : 'NULL';
  return `CASE WHEN ${pos} IS NULL THEN ${inactive}
    WHEN ${quota} = 'platinum' AND ${meets('platinum')} THEN 'platinum'
    WHEN ${quota} IN ('platinum', 'gold') AND ${meets('gold')} THEN 'gold'
    WHEN ${quota} IN ('platinum', 'gold', 'silver') AND ${meets('silver')} THEN 'silver'
    ELSE 'bronze' END`;
}

/**
 * Whether hysteresis keeps the previous tier: a ranked customer with a previous tier and a different candidate
 * that neither clears the previous band's edge by marginPct nor has held the candidate for `runs` runs.
 */
export function heldSql(
  tiers: TiersConfig,
  c: { prev: string; candidate: string; streak: string; pos: string; n: string },
): string {
  const h = tiers.hysteresis;
  if (h === null) return 'FALSE';
  const edges = quotaEdges(tiers.quotas);
  const upper = caseOf(
    c.prev,
    TIERS.map((t, i) => [text(t), num((edges[i] as number) - h.marginPct)] as const),
  );
  const lower = caseOf(
    c.prev,
    TIERS.map((t, i) => [text(t), num((edges[i + 1] as number) + h.marginPct)] as const),
  );
  const clears = `CASE WHEN ${tierIndexSql(c.candidate)} < ${tierIndexSql(c.prev)}
      THEN 100 * (${c.pos} - 1) <= ${upper} * ${c.n}
      ELSE 100 * (${c.pos} - 1) >= ${lower} * ${c.n} END`;
  return `(${c.prev} IS NOT NULL AND ${c.candidate} IS NOT NULL AND ${c.pos} IS NOT NULL
    AND ${c.candidate} <> ${c.prev} AND NOT (${clears}) AND NOT (${c.streak} >= ${h.runs}))`;
}
