import type { TieringConfig } from '../../../contracts/tiering/config.js';
import { PIPELINE_TABLES } from '../../../contracts/tiering/pipeline-tables.js';
import type { Dialect } from '../../dialects/dialect.js';
import { tierIndexSql } from './tier-sql.js';

/**
 * Per scope value and candidate tier, the lowest and highest primary score of the ranked customers the rules
 * put in that tier (before hysteresis and overrides): the cut-offs a customer was compared with. Rows:
 * scope_value (NULL for scope all, or for customers without the attribute), tier, min_score, max_score, customers.
 * Reads tiering_scored and, for the scope attribute, tiering_features.
 */
export function tierBoundariesSql(d: Dialect, scope: TieringConfig['tiers']['scope']): string {
  const q = d.quoteIdent;
  const T = PIPELINE_TABLES;
  const scopeValue = scope === 'all' ? 'CAST(NULL AS VARCHAR)' : `f.${q(scope)}`;
  return `SELECT ${scopeValue} AS scope_value, s.candidate_tier AS tier,
  min(s.score) AS min_score, max(s.score) AS max_score, count(*) AS customers
FROM ${q(T.scored)} s JOIN ${q(T.features)} f ON f.customer_id = s.customer_id
WHERE s.rank_pct IS NOT NULL
GROUP BY ${scopeValue}, s.candidate_tier
ORDER BY 1 NULLS FIRST, ${tierIndexSql('s.candidate_tier')}`;
}
