import { stratumError } from '../../../contracts/errors.js';
import type { ModelSpec, TieringConfig } from '../../../contracts/tiering/config.js';
import { modelTerms } from '../../../contracts/tiering/model-terms.js';

type ScoringConfig = Pick<TieringConfig, 'models' | 'primaryModel' | 'tiers'>;

/** The range a model's score can take, or null when unbounded (z-scores). */
export function scoreRange(spec: ModelSpec): { readonly min: number; readonly max: number } | null {
  switch (spec.kind) {
    case 'seed_rfm':
      return { min: 0.4, max: 5 };
    case 'rfm_quintile':
      return { min: 1, max: 5 };
    case 'weighted':
    case 'predicted_clv':
      return modelTerms(spec).some((t) => t.kind === 'weighted' && t.normalize === 'zscore')
        ? null
        : { min: -1, max: 1 };
  }
}

/**
 * Checks the schema cannot express: a feature twice in one weighted model, minScore out of the primary model's
 * score range, or minima that rise down the tiers. Returns readable issues (empty when fine).
 */
export function scoringIssues(config: ScoringConfig): string[] {
  const issues: string[] = [];
  for (const [name, spec] of Object.entries(config.models)) {
    const seen = new Set<string>();
    for (const t of modelTerms(spec)) {
      if (seen.has(t.feature)) issues.push(`models.${name}: feature "${t.feature}" appears more than once`);
      seen.add(t.feature);
    }
  }
  const primary = config.models[config.primaryModel];
  const range = primary ? scoreRange(primary) : null;
  const mins = config.tiers.minScore;
  for (const tier of ['platinum', 'gold', 'silver'] as const) {
    const min = mins[tier];
    if (min === undefined || range === null) continue;
    if (min > range.max) {
      issues.push(
        `tiers.minScore.${tier} ${min} is above the best score (${range.max}) of the primary model "${config.primaryModel}" (${primary?.kind}): nobody could reach ${tier}`,
      );
    }
  }
  const order = (['platinum', 'gold', 'silver'] as const).flatMap((t) =>
    mins[t] === undefined ? [] : [[t, mins[t] as number] as const],
  );
  for (let i = 1; i < order.length; i++) {
    const [upper, a] = order[i - 1] as readonly [string, number];
    const [lower, b] = order[i] as readonly [string, number];
    if (b > a) issues.push(`tiers.minScore.${lower} ${b} is above tiers.minScore.${upper} ${a}`);
  }
  return issues;
}

/** Throws CONFIG_INVALID listing every issue of scoringIssues. */
export function assertScoringConfig(config: ScoringConfig, file?: string): void {
  const issues = scoringIssues(config);
  if (issues.length > 0) {
    throw stratumError('CONFIG_INVALID', `invalid tiering config: ${issues.join('; ')}`, {
      ...(file === undefined ? {} : { file }),
      issues,
    });
  }
}
