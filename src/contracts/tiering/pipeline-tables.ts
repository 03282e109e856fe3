/**
 * Names of the engine tables one tiering run passes from step to step. Each step is a SQL builder in src/sql/
 * that reads the earlier tables and creates its own as a TEMP table; the run writes the snapshot from the last.
 *
 * 1. `tiering_features` (src/sql/features): customer_id, every FEATURES column (DOUBLE, NULL when undefined) and
 *    every ATTRIBUTES column (VARCHAR). One row per customer of `customers_clean` (or per chain when unit = chain,
 *    customer_id then being the chain id).
 * 2. `tiering_scored` (src/sql/tiering/scoring): customer_id, `score` (primary model), `score_<model>` for every
 *    configured model, `terms` DOUBLE[] (the primary model's normalised terms, in the order of its term list),
 *    `segment` (RFM segment label or NULL), `rank_pct` (0 = best within scope, NULL when inactive),
 *    `candidate_tier`, `candidate_streak`, `tier` (final, NULL when excluded), `tier_reason`.
 * 3. `tiering_tagged` (src/sql/tiering/tags-policies): everything of tiering_scored plus `tags` VARCHAR[] (sorted),
 *    `tag_reasons` VARCHAR[] (aligned with tags), the effective policy columns (see POLICY_COLUMNS) and
 *    `actions` VARCHAR[] (action kinds triggered by changes since the previous run).
 * 4. `tiering_snapshot_rows` (only when pilots split a run into segments): each segment's snapshot rows, in the
 *    columns of tier_snapshots, gathered before the run's transaction writes them all at once.
 *
 * Inputs from stored state:
 * - `previous_snapshot`: customer_id, tier, candidate_tier, candidate_streak, score, tags VARCHAR[] of the latest
 *   committed run before this one (empty when there is none).
 * - `tier_overrides`: customer_id, tier, reason, author, created_at, expires_at (active when expires_at is NULL
 *   or after the as-of date).
 */
export const PIPELINE_TABLES = {
  features: 'tiering_features',
  scored: 'tiering_scored',
  tagged: 'tiering_tagged',
  snapshotRows: 'tiering_snapshot_rows',
  previous: 'previous_snapshot',
  overrides: 'tier_overrides',
} as const;

/** Effective policy columns of tiering_tagged and of the snapshot. */
export const POLICY_COLUMNS = [
  'dedicated_manager',
  'delivery_priority',
  'custom_assortment',
  'visits_per_month',
  'discount_pct',
  'rebate_pct',
  'payment_terms',
  'credit_limit',
  'deposit_pct',
] as const;

export const TIER_REASONS = ['quota', 'min_score', 'inactive', 'hysteresis', 'override'] as const;
export type TierReason = (typeof TIER_REASONS)[number];
