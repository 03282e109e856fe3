import { addDays } from '../../../contracts/time/iso-date.js';
import type { TieringConfig } from '../../../contracts/tiering/config.js';
import { segmentModelName } from '../../../contracts/tiering/model-terms.js';
import { PIPELINE_TABLES } from '../../../contracts/tiering/pipeline-tables.js';
import type { Dialect } from '../../dialects/dialect.js';
import { modelSql, type RankRef } from './model-sql.js';
import { distinctRanks, percentRankCte } from './percent-rank-sql.js';
import { heldSql, quotaTierSql, ruleTierSql } from './tier-sql.js';

export type ScoringConfig = Pick<TieringConfig, 'models' | 'primaryModel' | 'tiers'>;

/** Working table of the scoring step (TEMP, dropped by the last statement). */
export const MODEL_SCORES = 'tiering_model_scores';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day after an ISO date. */
export function nextDay(date: string): string {
  if (!DATE.test(date)) throw new Error(`as-of date must be YYYY-MM-DD, got "${date}"`);
  return addDays(date, 1);
}

/**
 * Statements that create the TEMP table tiering_scored (see pipeline-tables.ts) from tiering_features,
 * previous_snapshot and tier_overrides: every model's score, the primary model's terms and the RFM segment,
 * quota tiers within scopes, minScore, inactive customers, hysteresis and overrides in force after the as-of
 * day. The same semantics as scoreCustomers in src/domain/tiering/scoring (docs/configuration.md).
 */
export function scoringSql(d: Dialect, config: ScoringConfig, asOf: string): string[] {
  const q = d.quoteIdent;
  const T = PIPELINE_TABLES;
  const names = Object.keys(config.models);
  const specs = names.map((name) => {
    const spec = config.models[name];
    if (!spec) throw new Error(`model "${name}" missing`);
    return spec;
  });
  // Two passes: the first collects the ranks every model reads, the second names their joined columns.
  const ranks = distinctRanks(specs.flatMap((spec, m) => modelSql(d, spec, `m${m}`, () => 'NULL').ranks));
  const rankColumn = (ref: RankRef) => {
    const found = ranks.find((r) => r.ref.feature === ref.feature && r.ref.order === ref.order);
    if (!found) throw new Error(`rank of ${ref.feature} ${ref.order} not collected`);
    return `${found.name}.p`;
  };
  const models = names.map((name, m) => {
    const built = modelSql(d, specs[m]!, `m${m}`, rankColumn);
    const cols = built.terms.map((_, i) => `t_${m}_${i}`);
    return { name, built, cols };
  });
  const primary = models.find((m) => m.name === config.primaryModel);
  if (!primary) throw new Error(`primaryModel "${config.primaryModel}" is not a configured model`);
  const segmentName = segmentModelName(config.models, config.primaryModel);
  const segmentModel = models.find((m) => m.name === segmentName);
  const segment = (segmentModel && segmentModel.built.segment(segmentModel.cols)) ?? 'CAST(NULL AS VARCHAR)';

  const tiers = config.tiers;
  const scopeKey = tiers.scope === 'all' ? 'CAST(NULL AS VARCHAR)' : `f.${q(tiers.scope)}`;
  const stats = ['count(*) AS n_all', ...models.flatMap((m) => m.built.stats)];
  const termItems = models.flatMap((m) => m.built.terms.map((e, i) => `${e} AS ${m.cols[i]}`));
  const scoreItems = models.map((m) => `${m.built.score(m.cols)} AS ${q(`score_${m.name}`)}`);
  const held = heldSql(tiers, {
    prev: 'h.prev_tier',
    candidate: 'h.candidate_tier',
    streak: 'h.candidate_streak',
    pos: 'h.pos',
    n: 'h.n',
  });
  const endOfAsOf = `CAST(DATE '${nextDay(asOf)}' AS TIMESTAMPTZ)`;

  const M = q(MODEL_SCORES);
  const F = q(T.features);
  const rankCtes = ranks.map((r) => `,\n${percentRankCte(d, F, r.name, r.ref)}`).join('');
  const rankJoins = ranks
    .map((r) => `\n  LEFT JOIN ${r.name} ON ${r.name}.x = f.${q(r.ref.feature)}`)
    .join('');
  // Step 1: every model's score per customer; percent ranks come from distinct values joined back.
  const modelScores = `${d.tempTable} ${M} AS
WITH st AS (
  SELECT ${stats.join(',\n    ')}
  FROM ${F} f
)${rankCtes},
terms AS (
  SELECT f.customer_id, f.monetary AS tie_monetary, ${scopeKey} AS scope_key,
    COALESCE(f.orders, 0) <> 0 AS active,
    ${termItems.join(',\n    ')}
  FROM ${F} f CROSS JOIN st${rankJoins}
)
SELECT customer_id, tie_monetary, scope_key, active,
  ${scoreItems.join(',\n  ')},
  ${primary.built.score(primary.cols)} AS score,
  CAST(${d.listOf(primary.cols)} AS DOUBLE PRECISION[]) AS terms,
  ${segment} AS segment
FROM terms`;

  // Step 2: rank the active customers within scopes (on narrow rows), then quotas, minScore, hysteresis, overrides.
  const tiering = `${d.tempTable} ${q(T.scored)} AS
WITH ranked AS (
  SELECT customer_id,
    row_number() OVER (PARTITION BY scope_key ORDER BY score DESC, tie_monetary DESC NULLS LAST, customer_id ASC) AS pos,
    count(*) OVER (PARTITION BY scope_key) AS n
  FROM ${M}
  WHERE active
),
quota AS (
  SELECT m.customer_id, m.score, r.pos, r.n, ${quotaTierSql(tiers, 'r.pos', 'r.n')} AS quota_tier
  FROM ${M} m LEFT JOIN ranked r ON r.customer_id = m.customer_id
),
rule AS (
  SELECT qt.*, ${ruleTierSql(tiers, 'qt.quota_tier', 'qt.score', 'qt.pos')} AS candidate_tier FROM quota qt
),
hyst AS (
  SELECT r.*, p.tier AS prev_tier,
    CASE WHEN r.candidate_tier IS NULL THEN NULL
         WHEN p.candidate_tier = r.candidate_tier THEN COALESCE(p.candidate_streak, 0) + 1
         ELSE 1 END AS candidate_streak
  FROM rule r LEFT JOIN ${q(T.previous)} p ON p.customer_id = r.customer_id
),
held AS (
  SELECT h.*, ${held} AS held FROM hyst h
),
ov AS (
  SELECT customer_id, tier FROM (
    SELECT o.customer_id, o.tier,
      row_number() OVER (PARTITION BY o.customer_id ORDER BY o.created_at DESC, o.override_id DESC) AS k
    FROM ${q(T.overrides)} o
    WHERE o.expires_at IS NULL OR o.expires_at > ${endOfAsOf}
  ) x WHERE k = 1
)
SELECT m.customer_id, m.score,
  ${models.map((x) => `m.${q(`score_${x.name}`)}`).join(', ')},
  m.terms,
  m.segment,
  CAST(s.pos - 1 AS DOUBLE PRECISION) / s.n AS rank_pct,
  s.candidate_tier,
  CAST(s.candidate_streak AS INTEGER) AS candidate_streak,
  COALESCE(ov.tier, CASE WHEN s.held THEN s.prev_tier ELSE s.candidate_tier END) AS tier,
  CASE WHEN ov.tier IS NOT NULL THEN 'override'
       WHEN s.held THEN 'hysteresis'
       WHEN s.pos IS NULL THEN 'inactive'
       WHEN s.candidate_tier <> s.quota_tier THEN 'min_score'
       ELSE 'quota' END AS tier_reason
FROM ${M} m
JOIN held s ON s.customer_id = m.customer_id
LEFT JOIN ov ON ov.customer_id = m.customer_id`;

  return [
    `DROP TABLE IF EXISTS ${q(T.scored)}`,
    `DROP TABLE IF EXISTS ${M}`,
    modelScores,
    ...d.analyze(MODEL_SCORES),
    tiering,
    ...d.analyze(T.scored),
    `DROP TABLE ${M}`,
  ];
}
