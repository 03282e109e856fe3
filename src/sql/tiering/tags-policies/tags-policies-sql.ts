import { TRIGGERED_ACTIONS } from '../../../contracts/tiering/actions.js';
import type { TieringConfig } from '../../../contracts/tiering/config.js';
import { PIPELINE_TABLES, POLICY_COLUMNS } from '../../../contracts/tiering/pipeline-tables.js';
import { TAG_FEATURES } from '../../../contracts/tiering/tag-features.js';
import { TAGS, TIERS, type TagName } from '../../../contracts/tiering/tiers.js';
import type { Dialect } from '../../dialects/dialect.js';
import { policySql } from './policy-sql.js';
import { arrayOf, arrayOfExpr, textArrays } from './sql-text.js';
import { churnFiguresSql, ruleSql } from './tag-rules-sql.js';

/**
 * Step 3 of a tiering run: creates the TEMP table `tiering_tagged` = every column of `tiering_scored`, plus
 * `tags` VARCHAR[] (sorted), `tag_reasons` VARCHAR[] (English, aligned with tags), the POLICY_COLUMNS of the
 * effective policy and `actions` VARCHAR[] (TRIGGERED_ACTIONS kinds triggered since `previous_snapshot`, in that
 * order). Reads tiering_scored, tiering_features and previous_snapshot; one set-based statement, no row leaves
 * the engine. The same rules in TypeScript (src/domain/tiering/tags, policies) give the same values.
 */
export function tagsPoliciesSql(d: Dialect, config: TieringConfig): string[] {
  const q = d.quoteIdent;
  const t = PIPELINE_TABLES;
  const arrays = textArrays(d);
  const sortedTags = [...TAGS].sort();
  const rulesOf = (tag: TagName) =>
    config.tags.filter((r) => r.kind === tag).map((r) => ruleSql(d, r, config.windows));

  const tagColumns = sortedTags.flatMap((tag) => {
    const rules = rulesOf(tag);
    const when = rules.length === 0 ? 'FALSE' : rules.map((r) => `(${r.when})`).join(' OR ');
    const reason =
      rules.length === 0
        ? 'CAST(NULL AS VARCHAR)'
        : `CASE WHEN ${when} THEN concat_ws('; ', ${rules.map((r) => `CASE WHEN ${r.when} THEN ${r.reason} END`).join(', ')}) END`;
    return [`${when} AS t_${tag}`, `${reason} AS r_${tag}`];
  });

  const policy = policySql(d, config.policies, 'tier', (tag) => `t_${tag}`);
  const previousTerms = policySql(d, config.policies, 'prev_tier', (tag) => `prev_${tag}`).payment_terms;
  const tierRank = (col: string) =>
    `CASE ${col} ${TIERS.map((x, i) => `WHEN '${x}' THEN ${i}`).join(' ')} END`;
  const newly = (tag: TagName) => `(t_${tag} AND NOT prev_${tag})`;
  const actionWhen: Record<(typeof TRIGGERED_ACTIONS)[number], string> = {
    shorten_terms: 'FALSE',
    raise_deposit: 'FALSE',
    cap_credit: 'FALSE',
    coupon: 'FALSE',
    visit_task: 'FALSE',
    tier_up: `COALESCE(${tierRank('tier')} < ${tierRank('prev_tier')}, FALSE)`,
    tier_down: `COALESCE(${tierRank('tier')} > ${tierRank('prev_tier')}, FALSE)`,
    terms_changed: `(has_prev AND COALESCE(prev_terms <> payment_terms, FALSE))`,
  };
  for (const tag of sortedTags) {
    for (const a of config.policies.tags[tag] ?? []) {
      actionWhen[a.kind] = `${actionWhen[a.kind]} OR ${newly(tag)}`;
    }
  }

  const create = `${d.tempTable} ${q(t.tagged)} AS
WITH base AS (
  SELECT s.customer_id, s.tier,
    ${TAG_FEATURES.map((n) => `CAST(f.${q(n)} AS ${d.columnType({ kind: 'double' })}) AS f_${n}`).join(',\n    ')},
    p.customer_id IS NOT NULL AS has_prev,
    p.tier AS prev_tier,
    ${sortedTags.map((tag) => `${arrays.contains('p.tags', tag)} AS prev_${tag}`).join(',\n    ')}
  FROM ${q(t.scored)} s
  LEFT JOIN ${q(t.features)} f ON f.customer_id = s.customer_id
  LEFT JOIN ${q(t.previous)} p ON p.customer_id = s.customer_id
),
figures AS (
  SELECT *,
    ${churnFiguresSql(d, config.windows)}
  FROM base
),
fired AS (
  SELECT customer_id, tier, has_prev, prev_tier, ${sortedTags.map((tag) => `prev_${tag}`).join(', ')},
    ${tagColumns.join(',\n    ')}
  FROM figures
),
policed AS (
  SELECT *,
    ${POLICY_COLUMNS.map((c) => `${policy[c]} AS ${c}`).join(',\n    ')},
    ${previousTerms} AS prev_terms
  FROM fired
),
result AS (
  SELECT customer_id,
    ${arrayOf(
      d,
      sortedTags.map((tag) => ({ when: `t_${tag}`, value: tag })),
    )} AS tags,
    ${arrayOfExpr(
      d,
      sortedTags.map((tag) => ({ when: `t_${tag}`, expr: `r_${tag}` })),
    )} AS tag_reasons,
    ${POLICY_COLUMNS.join(', ')},
    ${arrayOf(
      d,
      TRIGGERED_ACTIONS.map((k) => ({ when: `(${actionWhen[k]})`, value: k })),
    )} AS actions
  FROM policed
)
SELECT s.*, r.tags, r.tag_reasons, ${POLICY_COLUMNS.map((c) => `r.${c}`).join(', ')}, r.actions
FROM ${q(t.scored)} s
JOIN result r ON r.customer_id = s.customer_id`;
  return [`DROP TABLE IF EXISTS ${q(t.tagged)}`, create, ...d.analyze(t.tagged)];
}
