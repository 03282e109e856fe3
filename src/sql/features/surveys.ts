import type { Cte, FeatureContext } from './context.js';

/** The survey features (docs/features.md), computed from survey_responses_clean by surveyPartsCte. */
export const SURVEY_FEATURES = ['last_nps', 'last_nps_days', 'last_csat', 'last_csat_days'] as const;

/**
 * Per unit (the customer, or its chain for `unit: chain`): the score and day of its latest NPS response and of its
 * latest CSAT response up to the end of the as-of date, of any age (the detractor rule bounds the age). Responses
 * at the same instant: the lower score. A unit's branches all carry the unit's values (see CHAIN_COMBINE).
 */
export function surveyPartsCte(c: FeatureContext): Cte {
  const latest = (kind: string, column: string, as: string) =>
    `max(CASE WHEN r.kind = '${kind}' THEN ${column} END) AS ${as}`;
  return {
    name: 'survey_parts',
    sql: `SELECT r.unit_id,
       ${latest('nps', 'r.score', 'last_nps')},
       ${latest('nps', 'r.response_day', 'last_nps_day')},
       ${latest('csat', 'r.score', 'last_csat')},
       ${latest('csat', 'r.response_day', 'last_csat_day')}
FROM (
  SELECT b.unit_id, s.kind, s.score, ${c.d.dateOf('s.responded_at')} AS response_day,
         ROW_NUMBER() OVER (PARTITION BY b.unit_id, s.kind ORDER BY s.responded_at DESC, s.score, s.response_id) AS rn
  FROM ${c.table('survey_responses_clean')} s
  JOIN customer_base b ON b.customer_id = s.customer_id
  WHERE s.responded_at < ${c.at(c.windows.cutoff)}
) r
WHERE r.rn = 1
GROUP BY r.unit_id`,
  };
}
