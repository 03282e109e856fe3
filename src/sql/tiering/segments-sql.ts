import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import type { PilotSelector } from '../../domain/tiering/pilots.js';
import type { Dialect } from '../dialects/dialect.js';
import { text } from './scoring/literals.js';

/** Every customer's features while tiering_features holds one segment's at a time. */
export const ALL_FEATURES = 'tiering_features_all';

/** Sets the run's features aside, so that each segment can be tiered on its own rows. */
export const stashFeaturesSql = (d: Dialect): string =>
  `ALTER TABLE ${d.quoteIdent(PIPELINE_TABLES.features)} RENAME TO ${d.quoteIdent(ALL_FEATURES)}`;

/** Whether a feature row `f` is taken by a selector: never NULL, so that NOT works on customers without a city. */
function takenSql(d: Dialect, selector: PilotSelector): string {
  if (selector.kind === 'cities')
    return `COALESCE(f.city IN (${selector.cities.map(text).join(', ')}), FALSE)`;
  return `f.customer_id IN (SELECT a.customer_id FROM ${d.quoteIdent('experiment_assignments')} a
    JOIN ${d.quoteIdent('experiments')} e ON e.experiment_id = a.experiment_id
    WHERE e.name = ${text(selector.name)} AND a.variant = ${text(selector.variant)})`;
}

/**
 * tiering_features as the rows of one segment: those `selector` takes (every row when null, for the national
 * segment) that none of `excluded` takes.
 */
export function segmentFeaturesSql(
  d: Dialect,
  selector: PilotSelector | null,
  excluded: readonly PilotSelector[],
): string {
  const conditions = [
    ...(selector ? [takenSql(d, selector)] : []),
    ...excluded.map((s) => `NOT ${takenSql(d, s)}`),
  ];
  const where = conditions.length ? conditions.join('\n  AND ') : 'TRUE';
  return `${d.tempTable} ${d.quoteIdent(PIPELINE_TABLES.features)} AS
SELECT f.* FROM ${d.quoteIdent(ALL_FEATURES)} f
WHERE ${where}`;
}

/** Puts every customer's features back as tiering_features once the segments are tiered. */
export const restoreFeaturesSql = (d: Dialect): string[] => [
  `DROP TABLE IF EXISTS ${d.quoteIdent(PIPELINE_TABLES.features)}`,
  `ALTER TABLE ${d.quoteIdent(ALL_FEATURES)} RENAME TO ${d.quoteIdent(PIPELINE_TABLES.features)}`,
];

/** The cities of the run's customers among `cities` (to report a pilot naming a city no customer is in). */
export function knownCitiesSql(d: Dialect, cities: readonly string[]): string {
  return `SELECT DISTINCT city FROM ${d.quoteIdent(PIPELINE_TABLES.features)} WHERE city IN (${cities.map(text).join(', ')})`;
}
