import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import { COMPLAINT_LOOKBACK_DAYS, type SatisfactionGrouping } from '../../contracts/insights/satisfaction.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** The parts of the satisfaction statement's result (column `part`), one row per group of each. */
export type SatisfactionPart = 'overall' | 'group' | 'month' | 'group_month' | 'complaint';

/**
 * Each answer's tier: the customer's tier (or its chain's, for runs with `unit: chain`) in the latest run as of the
 * answer's day, or, for an answer older than every run, in the earliest run. Only the distinct answer days meet the
 * runs, so the cross product stays small.
 */
function tierKeyed(d: Dialect): string {
  const dated = `CASE WHEN t.as_of <= x.day THEN 0 ELSE 1 END`;
  return `days AS (SELECT DISTINCT day FROM responses),
day_runs AS (
  SELECT p.day, p.run_id FROM (
    SELECT x.day, t.run_id,
           ROW_NUMBER() OVER (PARTITION BY x.day
             ORDER BY ${dated}, CASE WHEN t.as_of <= x.day THEN t.as_of END DESC, t.as_of, t.finished_at DESC) AS rn
    FROM days x CROSS JOIN ${d.quoteIdent('tiering_runs')} t
  ) p WHERE p.rn = 1
),
keyed AS (
  SELECT r.*, COALESCE(s.tier, sc.tier) AS group_key, CAST(NULL AS VARCHAR) AS group_label
  FROM responses r
  LEFT JOIN day_runs dr ON dr.day = r.day
  LEFT JOIN customers_clean c ON c.customer_id = r.customer_id
  LEFT JOIN tier_snapshots s ON s.run_id = dr.run_id AND s.customer_id = r.customer_id
  LEFT JOIN tier_snapshots sc ON sc.run_id = dr.run_id AND sc.customer_id = NULLIF(c.chain_id, '')
)`;
}

/** The customer's city in the customer master after cleaning. */
const cityKeyed = `keyed AS (
  SELECT r.*, c.city AS group_key, CAST(NULL AS VARCHAR) AS group_label
  FROM responses r
  LEFT JOIN customers_clean c ON c.customer_id = r.customer_id
)`;

/**
 * The account manager the answer names (survey_responses.rep_id), else the customer's current owner
 * (customer_owners_clean); the name from the reps roster, else the owner row's rep_name.
 */
const repKeyed = `keyed AS (
  SELECT r.*, COALESCE(r.rep_id, o.rep_id) AS group_key,
         COALESCE(p.name, CASE WHEN o.rep_id = COALESCE(r.rep_id, o.rep_id) THEN o.rep_name END) AS group_label
  FROM responses r
  LEFT JOIN customer_owners_clean o ON o.customer_id = r.customer_id
  LEFT JOIN reps p ON p.rep_id = COALESCE(r.rep_id, o.rep_id)
)`;

function keyedCte(d: Dialect, by: SatisfactionGrouping): string {
  switch (by) {
    case 'tier':
      return tierKeyed(d);
    case 'city':
      return cityKeyed;
    case 'rep':
      return repKeyed;
    default:
      return assertUnreachable(by, 'satisfaction grouping');
  }
}

/**
 * The part of each grouping set by GROUPING(group_key, month_key, complained): a bit is 1 where that column is not
 * grouped (overall 111, by group 011, by month 101, by group and month 001, by complaint 110).
 */
const PART_OF_GROUPING: Readonly<Record<number, SatisfactionPart>> = {
  7: 'overall',
  3: 'group',
  5: 'month',
  1: 'group_month',
  6: 'complaint',
};

const METRICS = `count(*) AS responses,
       count(DISTINCT customer_id) AS customers,
       count(*) FILTER (WHERE kind = 'nps') AS nps_responses,
       count(*) FILTER (WHERE kind = 'nps' AND score >= 9) AS promoters,
       count(*) FILTER (WHERE kind = 'nps' AND score BETWEEN 7 AND 8) AS passives,
       count(*) FILTER (WHERE kind = 'nps' AND score <= 6) AS detractors,
       count(*) FILTER (WHERE kind = 'csat') AS csat_responses,
       CAST(COALESCE(sum(CASE WHEN kind = 'csat' THEN score END), 0) AS BIGINT) AS csat_sum`;

/**
 * Survey counts of the answers given from `from` to `cutoff` (exclusive: the day after the last day), in the
 * session time zone, in one statement: overall, by group (tier, city or rep, see keyedCte), by month (year × 100 +
 * month), by group and month, and by whether the customer complained in the COMPLAINT_LOOKBACK_DAYS up to the
 * answer's day (group_key '1') or not ('0'), as the grouping sets of one aggregation. Only counts leave the engine;
 * NPS and means are computed from them.
 */
export function satisfactionSql(
  d: Dialect,
  by: SatisfactionGrouping,
  from: string,
  cutoff: string,
): SqlQuery {
  const day = (p: number) => d.startOfDay(`CAST(${d.param(p)} AS DATE)`);
  const month = `CAST(date_part('year', day) AS INTEGER) * 100 + CAST(date_part('month', day) AS INTEGER)`;
  return sql(
    `WITH responses AS (
  SELECT s.response_id, s.customer_id, s.kind, s.score, s.rep_id, ${d.dateOf('s.responded_at')} AS day
  FROM survey_responses_clean s
  WHERE s.responded_at >= ${day(1)} AND s.responded_at < ${day(2)}
),
${keyedCte(d, by)},
facts AS (
  SELECT k.customer_id, k.kind, k.score, k.group_key, k.group_label, ${month} AS month_key,
         CASE WHEN EXISTS (
           SELECT 1 FROM complaints_clean p
           WHERE p.customer_id = k.customer_id
             AND ${d.dateOf('p.filed_at')} BETWEEN k.day - ${COMPLAINT_LOOKBACK_DAYS - 1} AND k.day
         ) THEN '1' ELSE '0' END AS complained
  FROM keyed k
)
SELECT CASE GROUPING(group_key, month_key, complained)
         ${Object.entries(PART_OF_GROUPING)
           .map(([bits, name]) => `WHEN ${bits} THEN '${name}'`)
           .join(' ')} END AS part,
       CASE WHEN GROUPING(complained) = 0 THEN complained ELSE group_key END AS group_key,
       CASE WHEN GROUPING(group_key) = 0 THEN max(group_label) END AS group_label,
       month_key,
       ${METRICS}
FROM facts
GROUP BY GROUPING SETS ((), (group_key), (month_key), (group_key, month_key), (complained))`,
    [from, cutoff],
  );
}

/** The latest day with an answer, or today in the session time zone when there is none. */
export const latestResponseDaySql = (d: Dialect): SqlQuery =>
  sql(`SELECT ${d.dateOf(`COALESCE(max(responded_at), ${d.now})`)} AS day FROM survey_responses_clean`);
