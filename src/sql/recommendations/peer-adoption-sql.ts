import { addDays } from '../../contracts/time/iso-date.js';
import { SqlParams } from '../api/customers/sql-params.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import {
  boughtRelation,
  peerAttributesRelation,
  targetsRelation,
  type RecommendationTargets,
} from './targets-sql.js';

/** The peers' window: the `lookbackDays` days up to `asOf`. */
export interface AdoptionWindow {
  readonly asOf: string;
  readonly lookbackDays: number;
}

export const windowStart = (w: AdoptionWindow): string => {
  if (!(Number.isInteger(w.lookbackDays) && w.lookbackDays >= 1))
    throw new Error(`expected a whole number of days ≥ 1, got ${w.lookbackDays}`);
  return addDays(w.asOf, 1 - w.lookbackDays);
};

/** Each level's group key columns (the coarser levels blank the ones they drop). */
const LEVELS = [
  { level: 'district', keys: ['cuisine', 'scale_band', 'city', 'district'] },
  { level: 'city', keys: ['cuisine', 'scale_band', 'city'] },
  { level: 'cuisine', keys: ['cuisine', 'scale_band'] },
  { level: 'all', keys: [] },
] as const;
const COLUMNS = ['cuisine', 'scale_band', 'city', 'district'] as const;
const BLANK: Record<(typeof COLUMNS)[number], string> = {
  cuisine: "''",
  scale_band: "'unknown'",
  city: "''",
  district: "''",
};

const match = (keys: readonly string[], alias: string): string =>
  keys.map((k) => `${alias}.${k} = r.${k}`).join(' AND ');

/**
 * `relation` (counts per district group: cuisine × band × city × district [× sku]) summed up to every level: each
 * customer is in exactly one district group, so the sums are the distinct counts of the wider groups. Each level
 * keeps only the groups of a target customer (everyone for level all) and, for district and city, the groups with
 * at least the minimum of customers (eligible_district, eligible_city).
 */
function rolledUp(relation: string, sku: string, measure: string): string {
  return LEVELS.map(({ level, keys }) => {
    const own = keys as readonly string[];
    const select = COLUMNS.map((c) => (own.includes(c) ? `r.${c}` : `${BLANK[c]} AS ${c}`));
    const groupBy = [...own.map((k) => `r.${k}`), ...(sku === 'r.sku' ? ['r.sku'] : [])];
    const conditions = [
      ...(own.length > 0 ? [`EXISTS (SELECT 1 FROM target_groups g WHERE ${match(own, 'g')})`] : []),
      ...(level === 'district' || level === 'city'
        ? [`EXISTS (SELECT 1 FROM eligible_${level} e WHERE ${match(own, 'e')})`]
        : []),
    ];
    return `SELECT '${level}' AS level, ${select.join(', ')}, ${sku} AS sku, ${measure}
FROM ${relation} r${conditions.length > 0 ? `\nWHERE ${conditions.join(' AND ')}` : ''}${groupBy.length > 0 ? `\nGROUP BY ${groupBy.join(', ')}` : ''}`;
  }).join('\nUNION ALL\n');
}

/**
 * The peer adoption counts, per level (district, city, cuisine — each cuisine × seat band — and all) for the
 * groups of the target customers only, in one statement over one scan of the window: rows with a SKU hold its
 * distinct buyers (`bought` has one row per customer × SKU, so sums of count(*) count distinct buyers), rows with a
 * NULL SKU the group's customers who bought anything (its peers). District and city groups with fewer than
 * `minPeers` customers are left out: they can never be a customer's peers (rankByPeers takes the narrowest level
 * with at least minPeers peers, then only that level and the wider ones), and they are most of the rows.
 */
export function peerAdoptionSql(
  d: Dialect,
  w: AdoptionWindow,
  targets: RecommendationTargets,
  minPeers: number,
): SqlQuery {
  if (!(Number.isInteger(minPeers) && minPeers >= 1))
    throw new Error(`expected minPeers ≥ 1, got ${minPeers}`);
  const p = new SqlParams(d);
  const groups = 'a.cuisine, a.scale_band, a.city, a.district';
  const t = targetsRelation(d, targets, p);
  const n = p.add(minPeers);
  const eligible = (keys: string) =>
    `SELECT ${keys} FROM people r GROUP BY ${keys} HAVING sum(r.customers) >= ${n}`;
  return sql(
    `WITH attrs AS (${peerAttributesRelation(d)}),
target_groups AS (SELECT DISTINCT ${groups} FROM attrs a JOIN (${t}) t ON t.customer_id = a.customer_id),
bought AS MATERIALIZED (${boughtRelation(d, windowStart(w), w.asOf)}),
fine AS MATERIALIZED (
  SELECT ${groups}, b.sku, MIN(b.category) AS category, count(*) AS buyers
  FROM attrs a JOIN bought b ON b.customer_id = a.customer_id
  GROUP BY ${groups}, b.sku),
people AS MATERIALIZED (
  SELECT ${groups}, count(*) AS customers
  FROM attrs a JOIN (SELECT DISTINCT customer_id FROM bought) b ON b.customer_id = a.customer_id
  GROUP BY ${groups}),
eligible_district AS (${eligible('r.cuisine, r.scale_band, r.city, r.district')}),
eligible_city AS (${eligible('r.cuisine, r.scale_band, r.city')})
${rolledUp('fine', 'r.sku', 'MIN(r.category) AS category, sum(r.buyers) AS n')}
UNION ALL
${rolledUp('people', 'CAST(NULL AS VARCHAR)', 'CAST(NULL AS VARCHAR) AS category, sum(r.customers) AS n')}`,
    p.values,
  );
}
